import { defineRule } from '../src/engine/rule.js';
import { findBaseVersion } from '../src/index/base-version.js';
import {
  CLAIM_TEMPLATE_STORAGE_FIELD,
  describeFieldValue,
  immutableFieldChanges,
  type ImmutableFieldChange,
} from '../src/k8s/stateful-set-update.js';

type MessageId = 'storage' | 'claimTemplateField' | 'claimTemplateAdded' | 'claimTemplateRemoved' | 'claimTemplatesReordered' | 'selector' | 'field';

/** The old value for a message: `` `10Gi` ``, or `unset`. */
function was(value: unknown, kind?: 'selector'): string {
  return value === undefined || value === null ? 'unset' : `\`${describeFieldValue(value, kind)}\``;
}

/** The message and data of one change (the base's name is added by the caller). */
function describeChange(change: ImmutableFieldChange): { messageId: MessageId; data: Record<string, string> } {
  switch (change.kind) {
    case 'selector':
      return { messageId: 'selector', data: { before: was(change.before, 'selector') } };
    case 'claim-template-field':
      if (change.field === CLAIM_TEMPLATE_STORAGE_FIELD) return { messageId: 'storage', data: { claimTemplate: change.claimTemplate, before: was(change.before) } };
      return { messageId: 'claimTemplateField', data: { claimTemplate: change.claimTemplate, field: change.field, before: was(change.before) } };
    case 'claim-template-added':
      return { messageId: 'claimTemplateAdded', data: { claimTemplate: change.claimTemplate } };
    case 'claim-template-removed':
      return { messageId: 'claimTemplateRemoved', data: { claimTemplate: change.claimTemplate } };
    case 'claim-templates-reordered':
      return { messageId: 'claimTemplatesReordered', data: {} };
    case 'field':
      return { messageId: 'field', data: { field: change.field, before: was(change.before) } };
  }
}

export default defineRule<MessageId>({
  id: 'immutable-field-changed',
  title: 'A change to a StatefulSet touches only the fields the API server lets an update change',
  severity: 'error',
  kinds: ['StatefulSet'],
  rationale: [
    'Once a StatefulSet exists, the API server refuses any update of its spec outside `replicas`, `ordinals`,',
    '`template`, `updateStrategy`, `revisionHistoryLimit`, `persistentVolumeClaimRetentionPolicy` and',
    '`minReadySeconds`: `kubectl apply`, `helm upgrade` and Argo CD fail with `spec: Forbidden: updates to',
    'statefulset spec for fields other than …`, a message that never names the field. `ValidateStatefulSetUpdate`',
    'in kubernetes/kubernetes `pkg/apis/apps/validation/validation.go` (Kubernetes 1.36, the version of the',
    "schema) copies exactly those fields from the old object and compares the rest after defaulting. Servers",
    'up to 1.32 refuse a `revisionHistoryLimit` change too (kubernetes#56341, #130263).',
    '',
    'This rule runs only with a base (`--base <git-ref>`; the pre-commit hook compares with `HEAD`, the',
    'Action with the pull request\'s base): it compares each StatefulSet with its version there, matched by',
    'API group, kind, namespace and name, so a moved object or a renamed file is still compared. Values are',
    'compared as the API server does: unset, `null` and empty are the same, defaults count as written',
    '(`podManagementPolicy: OrderedReady`, a claim template\'s `volumeMode: Filesystem`), quantities by value',
    '(`1Gi` = `1024Mi`). A StatefulSet new since the base is not reported. Objects built by kustomize are',
    'not compared yet: their base is a build of the base commit, not the files read there (`--no-kustomize`',
    'compares the raw files). `helm template` output committed to the repository is compared like any file.',
    '',
    'The ways out, none of them a plain re-apply:',
    '',
    '- **Claim template storage** (the common chart upgrade): resize each PVC (`kubectl patch pvc',
    '  data-db-0 …`, with a StorageClass that has `allowVolumeExpansion`), then',
    '  `kubectl delete statefulset db --cascade=orphan` and apply the new manifest: the pods and PVCs stay',
    '  and the new StatefulSet adopts them.',
    '- **Other claim template fields, `serviceName`, `podManagementPolicy`**: the same orphaning delete',
    '  and re-apply; existing PVCs keep their old class and modes, only new ordinals get the new template.',
    '- **`spec.selector`**: an orphaned pod that the new selector does not match is not adopted, and a new',
    '  pod of the same name cannot be created beside it. Create the changed StatefulSet under a new name',
    '  (and move the data), or revert the selector.',
  ].join('\n'),
  remediation:
    'Revert the change, or delete the StatefulSet with `kubectl delete statefulset <name> --cascade=orphan` and apply the new manifest (resize the PVCs first, and give a changed selector a new StatefulSet name).',
  messages: {
    storage: 'Claim template storage is immutable (was {{before}} at {{base}})',
    claimTemplateField: 'Claim template {{field}} is immutable (was {{before}})',
    claimTemplateAdded: 'This claim template is new since {{base}}, but volumeClaimTemplates is immutable',
    claimTemplateRemoved: 'Claim template "{{claimTemplate}}" was removed, but volumeClaimTemplates is immutable',
    claimTemplatesReordered: 'spec.volumeClaimTemplates is reordered since {{base}}, but it is immutable',
    selector: 'spec.selector is immutable (was {{before}} at {{base}})',
    field: 'spec.{{field}} is immutable (was {{before}})',
  },
  examples: { good: 'valid/replicas-and-image-changed.yaml', bad: 'invalid/claim-template-storage-grew.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#limitations',
    'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#expanding-persistent-volumes-claims',
    'https://kubernetes.io/docs/tasks/administer-cluster/use-cascading-deletion/#set-orphan-deletion-policy',
    'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/apps/validation/validation.go',
  ],
  check(context) {
    if (!context.base) return;
    const earlier = findBaseVersion(context.base, context.index, context.document);
    if (!earlier) return;
    for (const change of immutableFieldChanges(earlier.object, context.object)) {
      const { messageId, data } = describeChange(change);
      const removed = change.kind === 'claim-template-removed' || change.kind === 'claim-templates-reordered';
      context.report({ messageId, data: { ...data, base: context.base.label }, path: change.path, ...(removed ? { target: 'key' as const } : {}) });
    }
  },
});
