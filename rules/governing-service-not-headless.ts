import { resolveGoverningService } from '../src/index/governing-service.js';
import { SERVICE } from '../src/k8s/group-kind.js';
import { headlessServiceFor } from '../src/k8s/services.js';
import { defineRule, type ManifestDocument, type RelatedReport } from '../src/engine/rule.js';
import { asRecord, scalarString } from '../src/k8s/plain-value.js';

/** Where the Service is made non-headless, with a few words saying how. */
function clusterIpEvidence(service: ManifestDocument): RelatedReport {
  const spec = asRecord(service.object.spec);
  const clusterIP = scalarString(spec.clusterIP);
  const type = scalarString(spec.type);
  if (clusterIP !== undefined && clusterIP !== '') return { document: service, path: ['spec', 'clusterIP'], message: `clusterIP "${clusterIP}" is set here` };
  if (type !== undefined && type !== 'ClusterIP') return { document: service, path: ['spec', 'type'], message: `type ${type} allocates a cluster IP` };
  return { document: service, path: ['spec', 'clusterIP'], target: 'key', message: 'no clusterIP: None here, so a cluster IP is allocated' };
}

export default defineRule({
  id: 'governing-service-not-headless',
  title: 'The governing Service is headless',
  severity: 'error',
  kinds: ['StatefulSet'],
  rationale: [
    'The Kubernetes DNS specification guarantees per-pod records (`<pod>.<service>.<namespace>.svc`) and',
    'SRV records listing every pod only for headless Services (`spec.clusterIP: None`). A ClusterIP,',
    'NodePort or LoadBalancer Service resolves to one virtual IP that load-balances across the pods, which',
    'is wrong for databases whose clients and peers must reach a specific member. CoreDNS happens to answer',
    'pod names for ClusterIP Services too; other DNS servers need not, so do not rely on it.',
    '',
    'This rule fires when the Service named by `spec.serviceName` exists in the namespace and selects the',
    'pods but is not headless. A Service without a selector whose Endpoints or EndpointSlice object is in the',
    'inputs is an application-managed leader Service (Patroni and Spilo keep the primary\'s address there) and',
    'is not flagged: such an application finds its members through its own store, not through per-pod DNS.',
    '`clusterIP` cannot be changed on an existing Service: switching to headless',
    'means deleting and recreating it. Keep a second, non-headless Service for clients if you need one.',
  ].join('\n'),
  remediation: 'Set spec.clusterIP: None on the governing Service, and use a separate Service for client traffic.',
  messages: {
    notHeadless: 'Governing Service "{{serviceName}}" is not headless: per-pod DNS names need clusterIP: None',
  },
  examples: { good: 'valid/headless-plus-client-service.yaml', bad: 'invalid/cluster-ip-service.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/service/#headless-services',
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id',
    'https://github.com/kubernetes/dns/blob/master/docs/specification.md',
  ],
  check(context) {
    const resolution = resolveGoverningService(context.index, context.document);
    if (resolution.status !== 'not-headless') return;
    // clusterIP cannot be changed in place: offer a second, headless Service and point serviceName at it.
    const headlessName = `${resolution.serviceName}-headless`;
    const service = context.index.named(SERVICE, context.ref.namespace, headlessName).length === 0 ? headlessServiceFor(context.object, headlessName) : undefined;
    const edits = service ? [context.fixer.insertDocumentAfter(service), context.fixer.replaceScalar(['spec', 'serviceName'], headlessName)] : [];
    context.report({
      messageId: 'notHeadless',
      data: { serviceName: resolution.serviceName },
      path: ['spec', 'serviceName'],
      related: [clusterIpEvidence(resolution.services[0]!)],
      ...(edits.length > 0
        ? { suggestions: [{ desc: `Add headless Service "${headlessName}" and name it in spec.serviceName (a Service's clusterIP cannot change in place)`, edits }] }
        : {}),
    });
  },
});
