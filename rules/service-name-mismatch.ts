import { resolveGoverningService } from '../src/index/governing-service.js';
import { asRecord, isRecord, scalarString } from '../src/k8s/plain-value.js';
import { defineRule, type ManifestDocument } from '../src/engine/rule.js';

/** A Service selector as `kubectl get -l` spells it: `app=db,tier=primary`. */
function selectorText(service: ManifestDocument): string {
  const selector = asRecord(service.object.spec).selector;
  if (!isRecord(selector)) return '';
  return Object.entries(selector)
    .map(([key, value]) => `${key}=${scalarString(value) ?? '?'}`)
    .join(',');
}

export default defineRule({
  id: 'service-name-mismatch',
  title: 'spec.serviceName names the Service that selects the pods',
  severity: 'error',
  kinds: ['StatefulSet'],
  rationale: [
    'Pods get per-pod DNS records only from the Service whose name equals their subdomain',
    '(`spec.serviceName`), in their own namespace, and only if that Service selects them (its endpoints',
    'list the pods). A typo or rename in `spec.serviceName`, a Service in another namespace, or a Service',
    'whose selector targets other pods all leave the pods without `<pod>.<service>` names, silently.',
    '',
    'This rule fires when `spec.serviceName` names no Service in the namespace but a headless Service there',
    'selects the pods (it suggests that name); when the named Service exists only in another namespace; and',
    'when the named Service does not select the pods, or has no selector and no Endpoints or EndpointSlice',
    'of its name in the inputs (a selector-less Service whose endpoints another controller manages, as',
    'Patroni does, is fine when those objects are linted too). Whether the Service is headless is',
    '`governing-service-not-headless`\'s question; a Service missing from the inputs altogether is',
    '`governing-service-missing`\'s.',
  ].join('\n'),
  remediation: 'Point spec.serviceName at the headless Service in the StatefulSet\'s namespace whose selector matches spec.template.metadata.labels.',
  messages: {
    misnamed: 'spec.serviceName names no Service, so no per-pod DNS names; did you mean "{{candidate}}"?',
    otherNamespace: 'Governing Service "{{serviceName}}" is in another namespace: the pods get no per-pod DNS names',
    notSelecting: 'Governing Service "{{serviceName}}" does not select the pods: they get no per-pod DNS names',
    noSelector: 'Governing Service "{{serviceName}}" has no selector or Endpoints: the pods get no DNS names',
  },
  examples: { good: 'valid/selector-subset-of-pod-labels.yaml', bad: 'invalid/service-name-typo.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id',
    'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-hostname-and-subdomain-fields',
    'https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors',
  ],
  check(context) {
    const resolution = resolveGoverningService(context.index, context.document);
    const path = ['spec', 'serviceName'];
    switch (resolution.status) {
      case 'misnamed': {
        const candidate = resolution.candidates[0]!;
        // One headless Service selecting the pods: naming it is the fix. Several: a person chooses.
        const names = [...new Set(resolution.candidates.map((service) => service.name))];
        const rename = (name: string) => [context.fixer.replaceScalar(path, name)];
        context.report({
          messageId: 'misnamed',
          data: { serviceName: resolution.serviceName, candidate: candidate.name },
          path,
          related: [{ document: candidate, path: ['metadata', 'name'], message: `headless Service "${candidate.name}" selects the pods` }],
          ...(names.length === 1
            ? { fix: rename(candidate.name) }
            : { suggestions: names.map((name) => ({ desc: `Set spec.serviceName to "${name}"`, edits: rename(name) })) }),
        });
        return;
      }
      case 'other-namespace': {
        const service = resolution.services[0]!;
        const otherNamespace = context.index.namespaceOf(service);
        context.report({
          messageId: 'otherNamespace',
          data: { serviceName: resolution.serviceName, otherNamespace },
          path,
          related: [{ document: service, path: ['metadata', 'namespace'], message: `Service "${service.name}" is in namespace "${otherNamespace}"` }],
        });
        return;
      }
      case 'not-selecting': {
        const service = resolution.services[0]!;
        const selector = selectorText(service);
        context.report({
          messageId: selector === '' ? 'noSelector' : 'notSelecting',
          data: { serviceName: resolution.serviceName, selector },
          path,
          related: [
            selector === ''
              ? { document: service, path: ['spec'], target: 'key', message: 'this Service has no selector' }
              : { document: service, path: ['spec', 'selector'], target: 'key', message: `selector "${selector}" does not match the pod labels` },
          ],
        });
        return;
      }
      default:
        return;
    }
  },
});
