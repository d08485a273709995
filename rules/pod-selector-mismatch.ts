import { isEmptyLabelSelector, matchLabelSelector } from '../src/k8s/label-selector.js';
import { POD_TEMPLATE_LABELS_PATH, podTemplateLabels } from '../src/k8s/pod-template.js';
import { asRecord, scalarString, type PlainRecord } from '../src/k8s/plain-value.js';
import { defineRule, type Report, type ReportEdits, type RuleContext } from '../src/engine/rule.js';

const SELECTOR_PATH = ['spec', 'selector'];

/**
 * The two ways to make the selector's `matchLabels` hold, as suggestions, each offered only when it
 * resolves the mismatch: give the pod template the selector's labels, or (when only values differ)
 * give the selector the template's values. The second changes an immutable field of a StatefulSet
 * that already exists, and the description says so.
 */
function suggestions(context: RuleContext, selector: PlainRecord, templateLabels: PlainRecord): Report['suggestions'] {
  const matchLabels = Object.entries(asRecord(selector.matchLabels)).map(([key, value]) => [key, scalarString(value)] as const);
  const differing = matchLabels.filter(([key, value]) => value !== undefined && scalarString(templateLabels[key]) !== value);
  if (differing.length === 0) return [];
  const result: { desc: string; edits: ReportEdits }[] = [];
  const labelled = { ...templateLabels, ...Object.fromEntries(differing) };
  if (matchLabelSelector(selector, labelled).matches) {
    const missing = differing.filter(([key]) => !Object.hasOwn(templateLabels, key)).map(([key, value]) => [key, value!] as const);
    const edits = [
      ...differing.filter(([key]) => Object.hasOwn(templateLabels, key)).map(([key, value]) => context.fixer.replaceScalar([...POD_TEMPLATE_LABELS_PATH, key], value!)),
      ...(missing.length > 0 ? [context.fixer.addMapEntries(POD_TEMPLATE_LABELS_PATH, missing)] : []),
    ];
    result.push({ desc: `Add the selector's labels to the pod template (${differing.map(([key, value]) => `${key}=${value}`).join(', ')})`, edits });
  }
  const retargeted = { ...selector, matchLabels: { ...asRecord(selector.matchLabels), ...Object.fromEntries(differing.map(([key]) => [key, templateLabels[key]])) } };
  if (differing.every(([key]) => scalarString(templateLabels[key]) !== undefined) && matchLabelSelector(retargeted, templateLabels).matches) {
    const edits = differing.map(([key]) => context.fixer.replaceScalar([...SELECTOR_PATH, 'matchLabels', key], scalarString(templateLabels[key])!));
    result.push({ desc: 'Change spec.selector.matchLabels to the template\'s values (spec.selector is immutable: a new StatefulSet)', edits });
  }
  return result;
}

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
    invalid: 'spec.selector is invalid, so the API server rejects it: {{reason}}',
    mismatch: 'spec.selector "{{requirement}}" does not match the pod labels: the API server rejects it',
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
        suggestions: suggestions(context, asRecord(selector), podTemplateLabels(context.object)),
      });
    }
  },
});
