import { defineRule, type RuleContext } from '../src/engine/rule.js';
import { asArray, asRecord, isRecord, scalarString, type PlainRecord } from '../src/k8s/plain-value.js';
import { findMainContainer } from '../src/k8s/pod-template.js';
import { imageTag, releaseLabelReason, type ReleaseLabelReason } from '../src/k8s/release-labels.js';
import { claimTemplates } from '../src/k8s/stateful-set.js';

type MessageId = 'selector' | 'claimTemplate';

export const REASON_WORDS: Readonly<Record<ReleaseLabelReason, string>> = {
  'chart-key': 'the chart version',
  'version-key': 'the app version',
  version: 'a version',
  'image-tag': 'the image tag',
};

/** Reports each label of a map that changes with each release, at its key or value. */
function checkLabelMap(context: RuleContext<MessageId>, labels: PlainRecord, path: (string | number)[], tag: string | undefined, messageId: MessageId): void {
  for (const [key, raw] of Object.entries(labels)) {
    const reason = releaseLabelReason(key, scalarString(raw) ?? '', tag);
    if (reason === undefined) continue;
    const target = reason === 'chart-key' || reason === 'version-key' ? 'key' : 'value';
    context.report({ messageId, data: { key, what: REASON_WORDS[reason] }, path: [...path, key], target });
  }
}

export default defineRule<MessageId>({
  id: 'volatile-immutable-labels',
  title: 'Immutable fields carry no label that changes with each release',
  severity: 'warning',
  kinds: ['StatefulSet'],
  rationale: [
    'The API server refuses any update to a StatefulSet\'s `spec.selector` and `spec.volumeClaimTemplates`,',
    'labels included, with `spec: Forbidden: updates to statefulset spec for fields other than ...`',
    '(statefulset-semantics §1.3; `ValidateStatefulSetUpdate`). A label there whose value changes with each',
    'release (the chart label `helm.sh/chart: postgresql-12.1.6`, `app.kubernetes.io/version`, `version`, a',
    'value equal to the image tag or ending in a version) installs fine and makes the next `helm upgrade` or',
    '`kubectl apply` that bumps the version fail; the way out is deleting the StatefulSet with',
    '`--cascade=orphan` and recreating it. This was one of the most reported failures of the Helm stable',
    'charts (helm/charts#7803), which then moved chart and version labels out of selectors.',
    '',
    'Checked: `spec.selector.matchLabels`, the keys and values of `spec.selector.matchExpressions`, and',
    '`spec.volumeClaimTemplates[].metadata.labels`. The same labels on the pod template or the StatefulSet\'s',
    'own metadata are fine: those fields can change.',
  ].join('\n'),
  remediation: 'Keep only stable labels (app.kubernetes.io/name, app.kubernetes.io/instance) in the selector and claim templates, and put version labels on the pod template.',
  messages: {
    selector: 'Label "{{key}}" holds {{what}} in immutable spec.selector: upgrades fail',
    claimTemplate: 'Label "{{key}}" holds {{what}} in an immutable claim template: upgrades fail',
  },
  examples: { good: 'valid/version-label-on-pod-template-only.yaml', bad: 'invalid/chart-label-in-selector.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#limitations',
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/',
    'https://github.com/helm/charts/issues/7803',
  ],
  check(context) {
    const { object } = context;
    const tag = imageTag(findMainContainer(object)?.container.image);
    const selector = asRecord(asRecord(object.spec).selector);
    if (isRecord(selector.matchLabels)) checkLabelMap(context, selector.matchLabels, ['spec', 'selector', 'matchLabels'], tag, 'selector');
    asArray(selector.matchExpressions).forEach((expression, position) => {
      const { key, values } = asRecord(expression);
      if (typeof key !== 'string') return;
      const path = ['spec', 'selector', 'matchExpressions', position];
      const keyReason = releaseLabelReason(key, '', undefined);
      if (keyReason !== undefined) {
        context.report({ messageId: 'selector', data: { key, what: REASON_WORDS[keyReason] }, path: [...path, 'key'] });
        return;
      }
      asArray(values).forEach((value, valuePosition) => {
        const reason = releaseLabelReason(key, scalarString(value) ?? '', tag);
        if (reason !== undefined) context.report({ messageId: 'selector', data: { key, what: REASON_WORDS[reason] }, path: [...path, 'values', valuePosition] });
      });
    });
    for (const { claimTemplate, path } of claimTemplates(object)) {
      const labels = asRecord(claimTemplate.metadata).labels;
      if (isRecord(labels)) checkLabelMap(context, labels, [...path, 'metadata', 'labels'], tag, 'claimTemplate');
    }
  },
});
