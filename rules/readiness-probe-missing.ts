import { defineRule } from '../src/engine/rule.js';
import { findClustering } from '../src/index/clustering.js';
import { findMainContainer, hasReadinessProbe } from '../src/k8s/pod-template.js';
import { asRecord, asString } from '../src/k8s/plain-value.js';
import { ordinalCount, podManagementPolicy, podName } from '../src/k8s/stateful-set.js';

type MessageId = 'cloneFromPrevious' | 'reliesOnFirstPod' | 'quorumStore';

export default defineRule<MessageId>({
  id: 'readiness-probe-missing',
  title: 'Ordered start waits for a readiness probe',
  severity: 'warning',
  kinds: ['StatefulSet'],
  rationale: [
    'With `podManagementPolicy: OrderedReady` (the default) the controller creates pod N+1 only once pod N is',
    'Running and Ready (statefulset-semantics §4.2). A container without a `readinessProbe` is Ready as soon as',
    'its process starts (§4.1; a `startupProbe` only delays that to when it passes), so ordered start then',
    'orders process launches, not service: pod 1 clones from or joins a pod 0 whose database does not yet',
    'accept connections, and a quorum member joins a peer that has not opened its ports.',
    '',
    'Reported at the main container\'s `name` when `replicas` is above 1, the policy is `OrderedReady`, the',
    'main container has no `readinessProbe`, and the StatefulSet either shows ordinal bootstrap (the role',
    'derived from the ordinal, a clone from `<name>-(ordinal-1)`, a wait for or a pointer at `<name>-0`:',
    'statefulset-semantics §5.1–5.2) or runs a quorum store (ZooKeeper, etcd, Consul servers, Elasticsearch,',
    'Cassandra, CockroachDB, RabbitMQ, NATS JetStream, Kafka KRaft, MongoDB replica sets, Vault raft, Galera).',
    'An identifier derived from the ordinal alone (`myid`, `broker.id`) is not ordinal bootstrap. StatefulSets',
    'managed by an operator (§5.4) are skipped: the operator decides readiness.',
  ].join('\n'),
  remediation: 'Add a readinessProbe to the main container that passes only once the server accepts connections or has joined the cluster.',
  messages: {
    cloneFromPrevious: 'No readinessProbe, so pod N+1 clones from pod N before pod N serves',
    reliesOnFirstPod: 'No readinessProbe, so later pods start before "{{firstPod}}", which they rely on, serves',
    quorumStore: 'No readinessProbe, so each {{dataStore}} member starts before the previous one has joined',
  },
  examples: { good: 'valid/mysql-tutorial-with-probe.yaml', bad: 'invalid/mysql-clone-without-probe.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#deployment-and-scaling-guarantees',
    'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes',
    'https://kubernetes.io/docs/tasks/run-application/run-replicated-stateful-application/',
  ],
  check({ object, document, index, report }) {
    if (podManagementPolicy(object) !== 'OrderedReady') return;
    const replicas = ordinalCount(object);
    if (replicas === undefined || replicas <= 1) return;
    const { bootstrap, quorum, dataStore, operatorManaged } = findClustering(index, document);
    if (operatorManaged || (bootstrap.ordinal.length === 0 && !quorum)) return;
    const main = findMainContainer(object);
    if (!main || hasReadinessProbe(main.container)) return;
    const messageId = bootstrap.ordinal.includes('clone-from-previous') ? 'cloneFromPrevious' : bootstrap.ordinal.length > 0 ? 'reliesOnFirstPod' : 'quorumStore';
    const data = {
      container: asString(main.container.name) ?? '',
      firstPod: podName(asString(asRecord(object.metadata).name) ?? '', 0),
      dataStore: dataStore?.family.displayName ?? '',
    };
    report({ messageId, data, path: [...main.path, 'name'] });
  },
});
