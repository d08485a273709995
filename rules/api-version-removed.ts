import { ANY_KIND, defineRule, type Report, type RuleContext } from '../src/engine/rule.js';
import { groupOf } from '../src/k8s/group-kind.js';
import { servedKind } from '../src/schema/served-kind.js';
import { stripNulls } from '../src/schema/strip-nulls.js';
import { apiVersionNotServed } from '../src/schema/api-version-not-served.js';

/**
 * Moving the object to the served version: a fix when the object as written is valid at that
 * version (`apps/v1beta2` StatefulSet with a selector → `apps/v1`), else a suggestion, since the
 * new version needs more (`apps/v1` requires the selector that `apps/v1beta1` defaulted).
 */
function upgrade(context: RuleContext, replacement: string): Pick<Report, 'fix' | 'suggestions'> {
  const edits = [context.fixer.replaceScalar(['apiVersion'], replacement)];
  const validate = servedKind(groupOf(replacement), context.document.kind)?.validate;
  if (validate?.(stripNulls({ ...context.object, apiVersion: replacement }))) return { fix: edits };
  return { suggestions: [{ desc: `Change apiVersion to "${replacement}", then add the fields that version requires`, edits }] };
}

export default defineRule({
  id: 'api-version-removed',
  title: 'Objects use an apiVersion that the API server still serves',
  severity: 'error',
  kinds: [ANY_KIND],
  rationale: [
    'Beta API versions are removed a few releases after their replacement appears, and the API server',
    'then refuses them: `kubectl apply` fails with `no matches for kind "StatefulSet" in version',
    '"apps/v1beta2"`. StatefulSet, Deployment, DaemonSet and ReplicaSet lost `apps/v1beta1`,',
    '`apps/v1beta2` and `extensions/v1beta1` in Kubernetes 1.16; StorageClass lost',
    '`storage.k8s.io/v1beta1` in 1.22; PodDisruptionBudget lost `policy/v1beta1` in 1.25. The full',
    'list is the Deprecated API Migration Guide; alpha versions are not reported. The same error comes',
    'from a version that never served the kind, such as `apiVersion: v1` on a StatefulSet; that is',
    'reported for the kinds `schema-violation` checks.',
    '',
    'Changing the apiVersion is not always enough. In `apps/v1`, `spec.selector` is required and no',
    'longer defaulted from the template labels, and a StatefulSet\'s update strategy defaults to',
    '`RollingUpdate` where `apps/v1beta1` defaulted to `OnDelete`. Objects of custom resources are',
    'matched by their own group, so a `v1beta1` version of a CRD is never reported.',
  ].join('\n'),
  remediation: 'Change apiVersion to the served version the message names, and adapt the fields that version changed.',
  messages: {
    removed: 'apiVersion "{{apiVersion}}" was removed in Kubernetes {{removedIn}}; use "{{replacement}}"',
    removedWithoutReplacement: 'apiVersion "{{apiVersion}}" was removed in Kubernetes {{removedIn}}, and {{kind}} with it',
    neverServed: '{{kind}} is not served at apiVersion "{{apiVersion}}"; use "{{replacement}}"',
  },
  examples: { good: 'valid/served-api-versions.yaml', bad: 'invalid/apps-v1beta2-statefulset.yaml' },
  references: [
    'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
    'https://kubernetes.io/blog/2019/07/18/api-deprecations-in-1-16/',
    'https://kubernetes.io/docs/reference/using-api/deprecation-policy/',
  ],
  check(context) {
    const { apiVersion, kind } = context.document;
    const notServed = apiVersionNotServed(apiVersion, kind);
    if (!notServed) return;
    const { removedIn, replacement } = notServed;
    if (removedIn === undefined) {
      context.report({ messageId: 'neverServed', data: { apiVersion, kind, replacement: replacement ?? '' }, path: ['apiVersion'], ...(replacement ? upgrade(context, replacement) : {}) });
    } else if (replacement === undefined) {
      context.report({ messageId: 'removedWithoutReplacement', data: { apiVersion, kind, removedIn }, path: ['apiVersion'] });
    } else {
      context.report({ messageId: 'removed', data: { apiVersion, kind, removedIn, replacement }, path: ['apiVersion'], ...upgrade(context, replacement) });
    }
  },
});
