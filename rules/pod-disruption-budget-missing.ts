import { defineRule } from '../src/engine/rule.js';
import { findClustering } from '../src/index/clustering.js';
import { findPodDisruptionBudgets } from '../src/index/disruption-budgets.js';
import { POD_DISRUPTION_BUDGET } from '../src/k8s/group-kind.js';
import { ordinalCount } from '../src/k8s/stateful-set.js';

export default defineRule({
  id: 'pod-disruption-budget-missing',
  title: 'A quorum store has a PodDisruptionBudget',
  severity: 'info',
  kinds: ['StatefulSet'],
  rationale: [
    'Without a PodDisruptionBudget nothing stops a node drain, a cluster upgrade or the autoscaler from',
    'evicting several members of a quorum store at once: with 3 members, evicting 2 loses the majority and',
    'the cluster stops serving writes (or elections) until they are back. A budget with `maxUnavailable: 1`',
    'makes voluntary disruptions take one member at a time (statefulset-semantics §4; kube-score\'s',
    'StatefulSet PodDisruptionBudget check).',
    '',
    'Reported at `spec.replicas` when a quorum store (ZooKeeper, etcd, Consul servers, Elasticsearch',
    'master-eligible nodes, Cassandra, CockroachDB, RabbitMQ, NATS JetStream, Kafka KRaft, MongoDB replica',
    'sets, Vault raft, Galera) runs 3 or more replicas, no operator manages it (§5.4), and no',
    'PodDisruptionBudget of the inputs selects its pods, while at least one PodDisruptionBudget is among',
    'the inputs. With no budget in the inputs at all the rule stays silent: budgets are often kept apart',
    'from workloads, and it would only guess.',
  ].join('\n'),
  remediation: 'Add a PodDisruptionBudget with maxUnavailable: 1 whose selector matches the pod template labels.',
  messages: {
    missing: 'No PodDisruptionBudget selects the {{dataStore}} pods, so a drain can evict a majority at once',
  },
  examples: { good: 'valid/etcd-with-budget.yaml', bad: 'invalid/etcd-budget-for-other-pods.yaml' },
  references: [
    'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
    'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/',
  ],
  check({ object, document, index, report }) {
    const replicas = ordinalCount(object);
    if (replicas === undefined || replicas < 3 || !index.has(POD_DISRUPTION_BUDGET)) return;
    const { quorum, operatorManaged } = findClustering(index, document);
    if (!quorum || operatorManaged) return;
    if (findPodDisruptionBudgets(index, document).length > 0) return;
    report({ messageId: 'missing', data: { replicas, dataStore: quorum.family.displayName }, path: ['spec', 'replicas'] });
  },
});
