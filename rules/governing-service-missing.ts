import { resolveGoverningService } from '../src/index/governing-service.js';
import { defineRule } from '../src/engine/rule.js';
import { headlessServiceFor } from '../src/k8s/services.js';

export default defineRule({
  id: 'governing-service-missing',
  title: 'A headless Service governs the pods',
  severity: 'error',
  kinds: ['StatefulSet'],
  rationale: [
    'Each pod of a StatefulSet gets a stable DNS name, `<pod>.<serviceName>.<namespace>.svc`, only through',
    'its governing Service: a headless Service (`clusterIP: None`) named by `spec.serviceName`, in the same',
    'namespace, that selects the pods. Without it the pods run, but peers resolving `db-0.db` get NXDOMAIN and',
    'clustered software cannot find its members. Nothing warns at deploy time: the API server accepts any',
    '`serviceName`, or none.',
    '',
    'This rule fires when `spec.serviceName` is unset (or names a Service that is not in the inputs) and no',
    'headless Service in the namespace selects the pods. Cross-file check: when no Service at all was among',
    'the linted manifests, the message says so, so you know to lint the Service together with the',
    'StatefulSet. A misspelt or misplaced Service is `service-name-mismatch`\'s finding instead.',
  ].join('\n'),
  remediation: 'Add a headless Service (spec.clusterIP: None) that selects the pods, and name it in spec.serviceName.',
  messages: {
    unset: 'spec.serviceName is not set and no headless Service selects the pods: they get no per-pod DNS names',
    unsetNoServices: 'spec.serviceName is not set and no Service was linted: the pods get no per-pod DNS names',
    notFound: 'Governing Service "{{serviceName}}" is not in the inputs: the pods get no per-pod DNS names',
    notFoundNoServices: 'Governing Service "{{serviceName}}" cannot be checked: no Service was linted with this file',
  },
  examples: { good: 'valid/headless-service-same-file.yaml', bad: 'invalid/service-not-defined.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id',
    'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pods',
  ],
  check(context) {
    const resolution = resolveGoverningService(context.index, context.document);
    if (resolution.status !== 'missing') return;
    const { serviceName, anyServiceGiven } = resolution;
    const unset = serviceName === '';
    const messageId = unset ? (anyServiceGiven ? 'unset' : 'unsetNoServices') : anyServiceGiven ? 'notFound' : 'notFoundNoServices';
    const name = unset ? context.ref.name : serviceName;
    const service = headlessServiceFor(context.object, name);
    const insert = service && context.fixer.insertDocumentAfter(service);
    context.report({
      messageId,
      data: { serviceName },
      path: ['spec', 'serviceName'],
      target: 'value',
      // Only when Services were linted and none is there: with none given, the Service may simply live elsewhere.
      ...(insert && anyServiceGiven ? { suggestions: [{ desc: `Add a headless Service "${name}" selecting the pods after this StatefulSet`, edits: [insert] }] } : {}),
    });
  },
});
