import { replicationBootstrapFound } from '../src/k8s/bootstrap.js';
import type { DataStoreFamily } from '../src/k8s/data-store-family.js';
import { type ReplicationEvidence, replicationGroupsMissing, replicationIndicatorFound } from '../src/k8s/replication.js';
import { ordinalCount } from '../src/k8s/stateful-set.js';
import { defineRule } from '../src/engine/rule.js';
import { findClustering } from '../src/index/clustering.js';

type MessageId =
  | 'primaryReplica'
  | 'peerList'
  | 'seed'
  | 'unfinishedSetup'
  | 'replicaSetMissing'
  | 'replicaSetNotInitiated'
  | 'replicaSetNotNamed'
  | 'configMapNotInInputs';

/** The message for a family without bootstrap: by what was started, by topology, and for MongoDB by what is missing. */
function messageFor(family: DataStoreFamily, evidence: ReplicationEvidence): MessageId {
  const unfinished = family.unfinishedSetup;
  if (unfinished?.indicators.some((indicator) => replicationIndicatorFound(indicator, evidence))) return 'unfinishedSetup';
  if (family.topology === 'primary-replica') return 'primaryReplica';
  if (family.topology === 'peer-list') return 'peerList';
  if (family.topology === 'seed') return 'seed';
  const missing = replicationGroupsMissing(family, evidence);
  if (missing.length > 1) return 'replicaSetMissing';
  // MongoDB's first group is the replica set name, the second its initiator (data-store-families.ts).
  return missing[0] === family.replicationIndicators[0] ? 'replicaSetNotNamed' : 'replicaSetNotInitiated';
}

export default defineRule<MessageId>({
  id: 'replication-bootstrap-missing',
  title: 'Replicated data stores join their replicas into one cluster',
  severity: 'warning',
  kinds: ['StatefulSet'],
  rationale: [
    'A StatefulSet only gives its pods stable names and volumes; it does not make a database replicate.',
    'Started with `spec.replicas` above 1 and nothing else, MySQL, PostgreSQL, Redis, MongoDB and the other',
    'data stores of core-rules run as that many independent single-node servers behind one Service, and',
    'clients see different data depending on the pod they reach. The upstream tutorial (statefulset-semantics',
    '§5.1, "Run a Replicated Stateful Application") shows what is needed: derive each pod\'s role from its',
    'ordinal, clone an empty volume from the previous pod, and point the replicas at `<name>-0.<serviceName>`.',
    '',
    'The rule looks at every container and init container (`command`, `args`, `env`, lifecycle hooks) and',
    'at the ConfigMaps of the inputs that the pods mount or read, for ordinal derivation (§5.2), the',
    'family\'s replication settings (§5.3), generic variables (`*_REPLICATION_MODE`, `*_PRIMARY_HOST`,',
    '`*_MASTER_HOST`, `PG_MODE`, `*_SEEDS`, `*_CLUSTER_ADDRESS`), the pods\' own names through the governing',
    'Service, and clustering helpers (peer-finder, Patroni/Spilo, Stolon\'s keeper and sentinel, repmgr, Galera,',
    'ZooKeeper\'s `start-zookeeper` and `zkGenConfig.sh`, a CouchDB cluster-setup sidecar or `_cluster_setup`',
    'script, Neo4j\'s discovery members); a sidecar counts as much as an init container. A MongoDB replica set must',
    'be both named and initiated. StatefulSets managed by an operator (controller ownerReference to a kind',
    'outside `apps/v1`, or an operator label, §5.4) are skipped. When the pods mount a ConfigMap that is not',
    'among the inputs and nothing else shows bootstrap, the message names that ConfigMap instead of',
    'guessing what it holds. The main container is the one named like the StatefulSet or its `app` label,',
    'else the first that runs a data store (a clustering sidecar placed first is not it). A data store is',
    'recognised by the server it starts, its image or an image wrapping the server (Patroni, Stolon,',
    'Confluent\'s images), or, for an image whose name says nothing, by the family\'s data directory mounted',
    'together with its server port. Vault counts as a data store only with raft storage and NATS only with',
    'JetStream; when that setting sits in a ConfigMap missing from the inputs, the StatefulSet is not reported.',
    '',
    'What is missing depends on how the family\'s members find each other (the message says which):',
    '',
    '- primary and replicas (MySQL, MariaDB, PostgreSQL, Redis): derive each pod\'s role from its ordinal,',
    '  clone an empty data directory from the previous pod, and point the replicas at `<name>-0.<serviceName>`;',
    '- a member list (ZooKeeper, Kafka, etcd, MinIO, YugabyteDB): derive each member\'s id from its ordinal',
    '  and list every member, `<name>-0.<serviceName>` to `<name>-<replicas-1>.<serviceName>`;',
    '- seeds (Cassandra, Elasticsearch, RabbitMQ, CockroachDB, Consul, CouchDB, NATS, Vault): point every',
    '  pod at a seed such as `<name>-0.<serviceName>` so that they find each other;',
    '- MongoDB: start `mongod` with `--replSet` (or `replication.replSetName`) and run `rs.initiate()` on the',
    '  first pod and `rs.add()` for the others, from a script or a sidecar;',
    '- Redis or Valkey with `cluster-enabled yes`: run `redis-cli --cluster create` once with every pod.',
  ].join('\n'),
  remediation:
    'Derive each pod\'s role or id from its ordinal and point the replicas at the first pod through the governing Service, or let an operator run the data store.',
  messages: {
    primaryReplica: 'spec.replicas is {{replicas}}, but nothing joins the {{dataStore}} pods: each runs as a separate primary',
    peerList: 'spec.replicas is {{replicas}}, but the {{dataStore}} pods get no member list: each runs alone',
    seed: 'spec.replicas is {{replicas}}, but the {{dataStore}} pods have no seed: each forms a cluster of its own',
    unfinishedSetup: 'The {{dataStore}} pods enable {{setup}}, but nothing joins them into one cluster',
    replicaSetMissing: 'spec.replicas is {{replicas}}, but the MongoDB pods form no replica set: each runs as a separate primary',
    replicaSetNotInitiated: 'mongod is given a replica set name, but nothing runs rs.initiate(): the replica set never forms',
    replicaSetNotNamed: 'The MongoDB pods initiate a replica set, but mongod gets no --replSet name: it never forms',
    configMapNotInInputs: 'Nothing joins the pods into one cluster, unless ConfigMap "{{configMap}}" (not linted) does',
  },
  examples: { good: 'valid/mysql-tutorial-ordinal-bootstrap.yaml', bad: 'invalid/postgres-three-replicas.yaml' },
  references: [
    'https://kubernetes.io/docs/tasks/run-application/run-replicated-stateful-application/',
    'https://kubernetes.io/docs/tutorials/stateful-application/zookeeper/',
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id',
  ],
  check({ object, document, index, report }) {
    const { configMaps: mounted, dataStore, bootstrap, operatorManaged } = findClustering(index, document);
    if (!dataStore) return;
    const replicas = ordinalCount(object);
    if (replicas === undefined || replicas <= 1 || operatorManaged) return;
    if (replicationBootstrapFound(bootstrap, dataStore.family)) return;
    const data = {
      replicas,
      dataStore: dataStore.family.displayName,
      configMap: mounted.notInInputs[0] ?? '',
      setup: dataStore.family.unfinishedSetup?.description ?? '',
    };
    const messageId = mounted.notInInputs.length > 0 ? 'configMapNotInInputs' : messageFor(dataStore.family, bootstrap.evidence);
    report({ messageId, data, path: ['spec', 'replicas'] });
  },
});
