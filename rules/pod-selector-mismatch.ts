import { isEmptyLabelSelector, matchLabelSelector } from '../src/k8s/label-selector.js';
import { POD_TEMPLATE_LABELS_PATH, podTemplateLabels } from '../src/k8s/pod-template.js';
import { asRecord } from '../src/k8s/plain-value.js';
import { defineRule } from '../src/engine/rule.js';

const SELECTOR_PATH = ['spec', 'selector'];

export default defineRule({
  id: 'pod-selector-mismatch',
  title: 'The selector selects the pod template labels',
  severity: 'error',
  kinds: ['StatefulSet'],
  rationale: [
    'A StatefulSet finds its pods through `spec.selector`. The API server rejects a StatefulSet whose',
    'selector is missing or empty, or does not match `spec.template.metadata.labels`',
    '("selector does not match template labels"), so `kubectl apply` fails at deploy time. Because',
    '`spec.selector` is immutable, a selector that is changed later can only be fixed by deleting and',
    'recreating the StatefulSet with `--cascade=orphan`.',
    '',
    'Matching follows the API: every `matchLabels` pair must be on the pods; `In`, `NotIn`, `Exists` and',
    '`DoesNotExist` expressions are evaluated against the template labels. The removed `apps/v1beta1` API',
    'defaulted a missing selector from the template labels, so a missing selector is not flagged there.',
  ].join('\n'),
  remediation: 'Make every spec.selector requirement hold for spec.template.metadata.labels, usually by copying the template labels into spec.selector.matchLabels.',
  messages: {
    missing: 'spec.selector is missing; the API server rejects a StatefulSet without one',
    empty: 'spec.selector is empty; the API server rejects an empty selector for a StatefulSet',
    invalid: 'spec.selector is invalid: {{reason}}',
    mismatch: 'spec.selector does not select the pods: requirement "{{requirement}}" is not met by spec.template.metadata.labels',
  },
  examples: { good: 'valid/match-expressions.yaml', bad: 'invalid/label-value-differs.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#pod-selector',
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
  ],
  check(context) {
    const spec = asRecord(context.object.spec);
    const selector = spec.selector;
    if (selector === undefined || selector === null) {
      if (context.ref.apiVersion === 'apps/v1beta1') return;
      context.report({ messageId: 'missing', path: SELECTOR_PATH, target: 'key' });
      return;
    }
    if (isEmptyLabelSelector(selector)) {
      context.report({ messageId: 'empty', path: SELECTOR_PATH, target: 'key' });
      return;
    }
    const result = matchLabelSelector(selector, podTemplateLabels(context.object));
    if (result.invalid) {
      context.report({ messageId: 'invalid', data: { reason: result.invalid }, path: SELECTOR_PATH, target: 'key' });
    } else if (!result.matches) {
      context.report({
        messageId: 'mismatch',
        data: { requirement: result.failed ?? '' },
        path: SELECTOR_PATH,
        target: 'key',
        related: [{ document: context.document, path: POD_TEMPLATE_LABELS_PATH, target: 'key', message: 'the pod template labels are set here' }],
      });
    }
  },
});
