/**
 * The PodDisruptionBudgets of the inputs that cover a StatefulSet's pods.
 */
import type { ManifestDocument } from '../parser/manifest-document.js';
import { budgetSelectsPods } from '../k8s/disruption-budgets.js';
import { POD_DISRUPTION_BUDGET } from '../k8s/group-kind.js';
import { asRecord } from '../k8s/plain-value.js';
import { podTemplateLabels } from '../k8s/pod-template.js';
import { anchoredCandidates, fileByAnchor, labelSelectorAnchor, type LabelAnchors } from './label-anchors.js';
import type { ObjectIndex } from './object-index.js';

/**
 * PodDisruptionBudgets in the StatefulSet's namespace whose `spec.selector` selects its pods (the
 * pod template's labels), in input order, matched by the one label-selector implementation
 * (`budgetSelectsPods`, src/k8s/label-selector.ts). A budget in another namespace never covers the
 * pods: the disruption controller looks only in its own. Answered from the namespace's budgets
 * filed by selector (`label-anchors.ts`). `index.has(POD_DISRUPTION_BUDGET)` tells "no budget given"
 * from "none selects these pods".
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/disruptions/#pod-disruption-budgets
 */
export function findPodDisruptionBudgets(index: ObjectIndex, statefulSet: ManifestDocument): ManifestDocument[] {
  const namespace = index.namespaceOf(statefulSet);
  const byNamespace = index.derived(budgetsBySelector);
  let anchors = byNamespace.get(namespace);
  if (anchors === undefined) {
    anchors = fileByAnchor(index.inNamespace(POD_DISRUPTION_BUDGET, namespace), (budget) => labelSelectorAnchor(asRecord(budget.object.spec).selector));
    byNamespace.set(namespace, anchors);
  }
  const podLabels = podTemplateLabels(statefulSet.object);
  return anchoredCandidates(index, anchors, podLabels).filter((budget) => budgetSelectsPods(budget.object, podLabels));
}

/** Per namespace, its budgets filed by selector; filled namespace by namespace. */
function budgetsBySelector(): Map<string, LabelAnchors> {
  return new Map();
}
