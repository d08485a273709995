import { defineRule } from '../src/engine/rule.js';
import { findClustering } from '../src/index/clustering.js';
import { preferSameFile } from '../src/index/object-index.js';
import { SERVICE } from '../src/k8s/group-kind.js';
import { asRecord, scalarString } from '../src/k8s/plain-value.js';
import { findMainContainer, hasReadinessProbe } from '../src/k8s/pod-template.js';
import { publishesNotReadyAddresses } from '../src/k8s/services.js';
import { ordinalCount, podManagementPolicy } from '../src/k8s/stateful-set.js';

export default defineRule({
  id: 'peer-discovery-blocked',
  title: 'Members of a quorum-first store can resolve each other before they are Ready',
  severity: 'warning',
  kinds: ['StatefulSet'],
  rationale: [
    'Cluster DNS publishes `<pod>.<serviceName>` records for Ready pods only, unless the governing Service',
    'sets `spec.publishNotReadyAddresses: true` (or, before that field, the annotation',
    '`service.alpha.kubernetes.io/tolerate-unready-endpoints: "true"`); the API reference names this very',
    'use, peer discovery for a StatefulSet (statefulset-semantics §2.2, §2.4). Quorum-first stores (ZooKeeper,',
    'etcd, Consul servers with `-bootstrap-expect` above 1, Elasticsearch/OpenSearch master-eligible nodes,',
    'Kafka KRaft controllers, CockroachDB, NATS JetStream, Vault raft) become Ready only once a quorum of',
    'members has found each other, and without the flag they can only find members that are already Ready:',
    'cluster formation waits on itself. With `OrderedReady` pod 0 never becomes Ready and pod 1 is never',
    'created (§6 #15: cockroach-operator#470, nats-io/k8s#622, bitnami/charts#25931).',
    '',
    'Reported at `spec.serviceName`, the Service as related location, when `replicas` is above 1, the main',
    'container has a `readinessProbe` (without one there is nothing to wait for, which',
    '`readiness-probe-missing` reports), and the Service named by `spec.serviceName` is among the inputs in',
    'the StatefulSet\'s namespace. When that Service is not in the inputs the rule is silent. StatefulSets',
    'managed by an operator (§5.4) are skipped. Keep a second Service without the flag for clients, so that',
    'they still reach only Ready members.',
  ].join('\n'),
  remediation: 'Set publishNotReadyAddresses: true on the governing headless Service, and use podManagementPolicy: Parallel.',
  messages: {
    orderedReady: 'Without publishNotReadyAddresses, {{dataStore}} pods find peers only once Ready, so pod 0 waits forever',
    parallel: 'Without publishNotReadyAddresses, {{dataStore}} pods find peers only once Ready, which needs those peers',
  },
  examples: { good: 'valid/zookeeper-publish-not-ready.yaml', bad: 'invalid/zookeeper-ordered-ready.yaml' },
  references: [
    'https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec',
    'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pods',
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#pod-management-policies',
  ],
  check({ object, document, index, ref, report }) {
    const replicas = ordinalCount(object);
    if (replicas === undefined || replicas <= 1) return;
    const { quorum, operatorManaged } = findClustering(index, document);
    if (!quorum?.quorumFirst || operatorManaged) return;
    const main = findMainContainer(object);
    if (!main || !hasReadinessProbe(main.container)) return;
    const serviceName = scalarString(asRecord(object.spec).serviceName) ?? '';
    if (serviceName === '') return;
    const services = preferSameFile(index.named(SERVICE, ref.namespace, serviceName), document);
    if (services.length === 0 || services.some((service) => publishesNotReadyAddresses(service.object))) return;
    const policy = podManagementPolicy(object);
    report({
      messageId: policy === 'OrderedReady' ? 'orderedReady' : 'parallel',
      data: { serviceName, dataStore: quorum.family.displayName },
      path: ['spec', 'serviceName'],
      related: [{ document: services[0]!, path: ['spec', 'publishNotReadyAddresses'], target: 'key', message: 'publishNotReadyAddresses is not true here' }],
    });
  },
});
