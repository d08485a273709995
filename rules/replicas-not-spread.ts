import { defineRule } from '../src/engine/rule.js';
import { findClustering } from '../src/index/clustering.js';
import { podTemplateLabels } from '../src/k8s/pod-template.js';
import { matchSpreadTerm, SPREADING_TOPOLOGY_KEYS, spreadTerms } from '../src/k8s/pod-spreading.js';
import { ordinalCount } from '../src/k8s/stateful-set.js';

export default defineRule({
  id: 'replicas-not-spread',
  title: 'Replicas of a data store are kept on different nodes',
  severity: 'warning',
  kinds: ['StatefulSet'],
  rationale: [
    'The scheduler places a StatefulSet\'s pods wherever they fit: nothing keeps two replicas off one node',
    'unless the pod template says so. A data store runs several replicas so that losing one machine loses',
    'one copy of the data; when they share a node, that node\'s failure (or its drain) takes every copy and',
    'the quorum at once. kube-score checks this for StatefulSets; this rule does it with StatefulSet',
    'semantics: what counts is a `podAntiAffinity` term, required or preferred, or a',
    '`topologySpreadConstraints` entry, on `kubernetes.io/hostname` or a zone key',
    '(`topology.kubernetes.io/zone`, `failure-domain.beta.kubernetes.io/zone`), whose `labelSelector` matches',
    'the pod template\'s labels in the StatefulSet\'s namespace (statefulset-semantics §6 #19).',
    '',
    'Reported at `spec.replicas` for a data store (core-rules, "A data store") with more than one replica',
    'that no operator manages (§5.4). A term whose selector matches none of the pods is',
    '`pod-anti-affinity-mismatch`\'s finding, not this one\'s.',
  ].join('\n'),
  remediation: 'Add a preferred podAntiAffinity term or a topologySpreadConstraints entry on kubernetes.io/hostname that selects the pod template labels.',
  messages: {
    notSpread: 'Nothing keeps the {{replicas}} {{dataStore}} pods on different nodes, so one node can take every copy',
  },
  examples: { good: 'valid/preferred-anti-affinity-on-hostname.yaml', bad: 'invalid/postgres-replicas-without-anti-affinity.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity',
    'https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/',
    'https://kubernetes.io/docs/tutorials/stateful-application/zookeeper/#tolerating-node-failure',
  ],
  check({ object, document, index, ref, report }) {
    const replicas = ordinalCount(object);
    if (replicas === undefined || replicas <= 1) return;
    const { dataStore, operatorManaged } = findClustering(index, document);
    if (!dataStore || operatorManaged) return;
    const labels = podTemplateLabels(object);
    const spreading = spreadTerms(object).filter((term) => term.topologyKey !== undefined && SPREADING_TOPOLOGY_KEYS.has(term.topologyKey));
    // A term that matches spreads the pods; one whose selector fails is pod-anti-affinity-mismatch's
    // finding; one that cannot be read leaves nothing to say. Only terms about other namespaces' pods
    // (or none) leave these pods free to share a node.
    if (spreading.some((term) => matchSpreadTerm(term, labels, ref.namespace).status !== 'elsewhere')) return;
    report({ messageId: 'notSpread', data: { replicas, dataStore: dataStore.family.displayName }, path: ['spec', 'replicas'] });
  },
});
