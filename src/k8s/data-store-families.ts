import type { DataStoreFamily, ReplicationIndicator, ReplicationIndicatorGroup } from './data-store-family.js';

// The data-store family table. "§" means statefulset-semantics.md; Bitnami variable names come from
// the environment tables of bitnami/containers `bitnami/<image>/README.md`.

// §5.3 MySQL row (official image: server options and SQL; Bitnami: MYSQL_* variables).
const MYSQL_TEXT: readonly ReplicationIndicator[] = [
  { text: /server[-_]id/i },
  { text: /\blog[-_]bin\b/i },
  { text: /\bgtid[-_]mode\b/i },
  { text: /\bCHANGE\s+(MASTER|REPLICATION\s+SOURCE)\s+TO\b/i },
  { text: /\bSTART\s+(SLAVE|REPLICA)\b/i },
  { text: /\bgroup_replication/i },
  { text: /\bxtrabackup\b|\bCLONE\s+INSTANCE\s+FROM\b/i },
];

// §5.3 PostgreSQL row (pg_basebackup, standby settings, Spilo's SCOPE; Bitnami postgresql and
// postgresql-repmgr variables).
const POSTGRESQL_INDICATORS: readonly ReplicationIndicator[] = [
  { text: /\bpg_basebackup\b/ },
  { text: /\bstandby\.signal\b|\bstandby_mode\b|\brecovery\.conf\b/ },
  { text: /\bprimary_conninfo\b|\bprimary_slot_name\b/ },
  { text: /\bwal_level\s*=?\s*['"]?(replica|logical|hot_standby)\b/ },
  { text: /\bhot_standby\b/ },
  { env: 'POSTGRESQL_REPLICATION_USER' },
  { env: 'POSTGRESQL_MASTER_PORT_NUMBER' },
  { env: 'REPMGR_PARTNER_NODES' },
  { env: 'REPMGR_NODE_NAME' },
  { env: 'REPMGR_NODE_NETWORK_NAME' },
  { env: 'SCOPE' },
];

// lifecycle-rules "A quorum store": Galera (wsrep, gcomm:// addresses, the Galera images) is a
// majority-quorum cluster whose first node bootstraps alone, so not quorum-first.
const GALERA: ReplicationIndicatorGroup = {
  description: 'Galera',
  indicators: [
    { text: /\bwsrep_(on|cluster_address)\b|\bgcomm:\/\// },
    { image: 'mariadb-galera' },
    { image: 'percona-xtradb-cluster' },
    { env: 'MARIADB_GALERA_*' },
  ],
};

// §5.3 MongoDB: what names a replica set (mongod --replSet, replication.replSetName, the images' variables).
const MONGODB_REPLICA_SET_NAME: readonly ReplicationIndicator[] = [
  { text: /--replSet\b/ },
  { text: /\breplSetName\b/ },
  { env: 'MONGODB_REPLICA_SET_NAME' },
  { env: 'MONGODB_REPLSET' },
  { env: 'MONGODB_REPLICA_SET_MODE' },
];

/** One group named after the family: the usual shape. */
function anyOf(description: string, indicators: readonly ReplicationIndicator[]): ReplicationIndicatorGroup[] {
  return [{ description, indicators }];
}

/**
 * The data-store families of core-rules ("A data store") with the replication indicators of
 * statefulset-semantics §5.3 and the self-clustering images of §5.4; each entry cites its sources.
 * Order matters only when an image or command could match two families: the first wins.
 */
export const DATA_STORE_FAMILIES: readonly DataStoreFamily[] = [
  {
    // §5.3 MySQL; §5.1 (upstream MySQL tutorial); docker-library `mysql`, `mysql/mysql-server`,
    // `percona/percona-server`, `percona/percona-xtradb-cluster` (Galera, caught by the generic helpers).
    id: 'mysql',
    displayName: 'MySQL',
    imageRepositories: ['mysql', 'mysql-server', 'mysql/enterprise-server', 'percona', 'percona-server', 'percona-xtradb-cluster'],
    serverCommands: ['mysqld', 'mysqld_safe'],
    topology: 'primary-replica',
    replicationIndicators: anyOf('MySQL replication settings', [
      ...MYSQL_TEXT,
      { env: 'MYSQL_MASTER_PORT_NUMBER' },
      { env: 'MYSQL_REPLICATION_USER' },
      { env: 'MYSQL_MASTER_ROOT_PASSWORD' },
    ]),
    genericBootstrapCounts: true,
    quorum: { when: GALERA, quorumFirst: false },
  },
  {
    // §5.3 MariaDB (official image MARIADB_MASTER_HOST/MARIADB_REPLICATION_*; Galera wsrep_*;
    // Bitnami mariadb and mariadb-galera).
    id: 'mariadb',
    displayName: 'MariaDB',
    imageRepositories: ['mariadb', 'mariadb-galera'],
    serverCommands: ['mariadbd', 'mariadbd-safe'],
    topology: 'primary-replica',
    replicationIndicators: anyOf('MariaDB replication settings', [
      ...MYSQL_TEXT,
      { text: /\bmariabackup\b/ },
      { env: 'MARIADB_REPLICATION_USER' },
      { env: 'MARIADB_REPLICATION_PASSWORD' },
      { env: 'MARIADB_MASTER_PORT_NUMBER' },
      { env: 'MARIADB_MASTER_ROOT_PASSWORD' },
      { env: 'MARIADB_GALERA_CLUSTER_BOOTSTRAP' },
    ]),
    genericBootstrapCounts: true,
    quorum: { when: GALERA, quorumFirst: false },
  },
  {
    // §5.3 PostgreSQL; §5.4 Spilo/Patroni and bitnami/postgresql-repmgr; postgis, timescale and
    // pgvector images are PostgreSQL with extensions (their Docker Hub pages).
    id: 'postgresql',
    displayName: 'PostgreSQL',
    imageRepositories: ['postgres', 'postgresql', 'postgresql-repmgr', 'postgis', 'timescaledb', 'timescaledb-ha', 'pgvector', 'spilo', 'spilo-*', 'crunchy-postgres'],
    serverCommands: ['postgres', 'postmaster', 'patroni'],
    topology: 'primary-replica',
    replicationIndicators: anyOf('PostgreSQL streaming replication settings', POSTGRESQL_INDICATORS),
    genericBootstrapCounts: true,
  },
  {
    // core-rules "A data store" (DocumentDB-compatible images); ghcr.io/documentdb/documentdb is
    // PostgreSQL with the DocumentDB extension (github.com/documentdb/documentdb README), so
    // PostgreSQL's replication settings apply.
    id: 'documentdb',
    displayName: 'DocumentDB',
    imageRepositories: ['documentdb/documentdb-local', 'documentdb-local'],
    serverCommands: [],
    topology: 'primary-replica',
    replicationIndicators: anyOf('PostgreSQL streaming replication settings', POSTGRESQL_INDICATORS),
    genericBootstrapCounts: true,
  },
  {
    // §5.3 MongoDB: a named replica set PLUS something that runs rs.initiate()/rs.add(); core-rules
    // replication-bootstrap-missing (a name alone or a sidecar alone is not enough). Bitnami
    // MONGODB_REPLICA_SET_MODE implies the default name "replicaset" (bitnami/mongodb README).
    // Percona's entrypoint reads MONGODB_REPLSET (percona-server-mongodb-operator ps-entry.sh).
    id: 'mongodb',
    displayName: 'MongoDB',
    imageRepositories: ['mongo', 'mongodb', 'mongodb-community-server', 'mongodb-enterprise-server', 'percona-server-mongodb'],
    serverCommands: ['mongod'],
    topology: 'replica-set',
    replicationIndicators: [
      {
        description: 'a replica set name (--replSet or replication.replSetName)',
        indicators: MONGODB_REPLICA_SET_NAME,
      },
      {
        description: 'something that initiates the replica set (rs.initiate())',
        indicators: [
          { text: /\brs\.(initiate|add)\s*\(/ },
          { text: /\breplSetInitiate\b/ },
          { text: /\bpeer-finder\b/ },
          { image: 'mongo-k8s-sidecar' },
          { image: 'peer-finder' },
          { env: 'MONGODB_REPLICA_SET_MODE' },
          { env: 'MONGODB_INITIAL_PRIMARY_HOST' },
        ],
      },
    ],
    genericBootstrapCounts: false,
    // lifecycle-rules "A quorum store": MongoDB replica sets elect a primary by majority; a first
    // member is Ready alone, so not quorum-first.
    quorum: { when: { description: 'a replica set name', indicators: MONGODB_REPLICA_SET_NAME }, quorumFirst: false },
  },
  {
    // §5.3 Redis / Valkey: replicaof/slaveof, Sentinel, or `redis-cli --cluster create` (cluster-enabled
    // alone forms no cluster); Bitnami redis, redis-cluster (§5.4) and valkey variables. KeyDB is a
    // Redis fork (github.com/Snapchat/KeyDB README).
    id: 'redis',
    displayName: 'Redis/Valkey',
    imageRepositories: ['redis', 'redis-stack', 'redis-stack-server', 'redis-cluster', 'valkey', 'valkey-cluster', 'keydb'],
    serverCommands: ['redis-server', 'valkey-server', 'keydb-server'],
    topology: 'primary-replica',
    replicationIndicators: anyOf('Redis replication, Sentinel or cluster creation', [
      { text: /\b(replicaof|slaveof)\b/i },
      { text: /\bredis-sentinel\b|--sentinel\b|\bsentinel\s+monitor\b/ },
      { text: /--cluster\s+create\b|\bredis-trib(\.rb)?\s+create\b/ },
      { env: 'REDIS_MASTER_PORT_NUMBER' },
      { env: 'REDIS_SENTINEL_*' },
      { env: 'REDIS_NODES' },
      { env: 'REDIS_CLUSTER_CREATOR' },
      { env: 'REDIS_CLUSTER_REPLICAS' },
      { env: 'VALKEY_PRIMARY_PORT_NUMBER' },
      { env: 'VALKEY_SENTINEL_*' },
      { env: 'VALKEY_NODES' },
      { env: 'VALKEY_CLUSTER_CREATOR' },
    ]),
    genericBootstrapCounts: true,
    unfinishedSetup: {
      description: 'cluster mode (cluster-enabled yes)',
      indicators: [{ text: /\bcluster-enabled\s+["']?yes\b/ }],
    },
  },
  {
    // §5.1/§5.3 ZooKeeper (myid from the ordinal, server.N peer list, ZOO_* variables of the official
    // and Bitnami images); §5.2 app helper scripts (start-zookeeper of the tutorial image,
    // zkGenConfig.sh of google_samples/k8szk, generate-zookeeper-config.sh of Pulsar);
    // confluentinc/cp-zookeeper ZOOKEEPER_SERVER_ID/ZOOKEEPER_SERVERS (Confluent docs).
    id: 'zookeeper',
    displayName: 'ZooKeeper',
    imageRepositories: ['zookeeper', 'cp-zookeeper', 'k8szk', 'kubernetes-zookeeper'],
    serverCommands: ['zookeeper-server-start', 'zkServer', 'start-zookeeper', 'pulsar zookeeper'],
    topology: 'peer-list',
    replicationIndicators: anyOf('ZooKeeper ensemble settings', [
      { env: 'ZOO_MY_ID' },
      { env: 'ZOO_SERVERS' },
      { env: 'ZOO_SERVER_ID' },
      { env: 'ZOOKEEPER_SERVER_ID' },
      { env: 'ZOOKEEPER_SERVERS' },
      { env: 'ZK_ENSEMBLE' },
      { env: 'ZK_REPLICAS' },
      { text: /\bmyid\b/ },
      { text: /\bserver\.\d+\s*=/ },
      { text: /\bstart-zookeeper\b|\bzkGenConfig\.sh\b|\bgenerate-zookeeper-config\.sh\b/ },
    ]),
    genericBootstrapCounts: true,
    // A ZooKeeper ensemble elects a leader by majority and serves nothing before it has one.
    quorum: { quorumFirst: true },
  },
  {
    // §5.3 Kafka (broker.id/node.id, KRaft process.roles and controller.quorum.voters, ZooKeeper mode
    // zookeeper.connect; official/Confluent KAFKA_* and Bitnami KAFKA_CFG_* variables).
    id: 'kafka',
    displayName: 'Kafka',
    imageRepositories: ['kafka', 'kafka-native', 'cp-kafka', 'cp-server', 'k8skafka'],
    serverCommands: ['kafka-server-start'],
    topology: 'peer-list',
    replicationIndicators: anyOf('Kafka broker id and quorum settings', [
      { text: /\bbroker\.id\b|\bnode\.id\b/ },
      { text: /\bprocess\.roles\b|\bcontroller\.quorum\.(voters|bootstrap\.servers)\b/ },
      { text: /\bzookeeper\.connect\b/ },
      { env: 'KAFKA_BROKER_ID' },
      { env: 'KAFKA_NODE_ID' },
      { env: 'KAFKA_PROCESS_ROLES' },
      { env: 'KAFKA_CONTROLLER_QUORUM_VOTERS' },
      { env: 'KAFKA_ZOOKEEPER_CONNECT' },
      { env: 'KAFKA_CFG_NODE_ID' },
      { env: 'KAFKA_CFG_BROKER_ID' },
      { env: 'KAFKA_CFG_PROCESS_ROLES' },
      { env: 'KAFKA_CFG_CONTROLLER_QUORUM_VOTERS' },
      { env: 'KAFKA_CFG_ZOOKEEPER_CONNECT' },
      { env: 'KAFKA_KRAFT_CLUSTER_ID' },
    ]),
    genericBootstrapCounts: true,
    // KRaft mode only (brokers of a ZooKeeper-mode cluster form no quorum of their own); controllers
    // cannot start serving before a majority of the voters has elected a leader (KIP-500, KIP-595).
    quorum: {
      when: {
        description: 'KRaft mode',
        indicators: [
          { text: /\bprocess\.roles\b|\bcontroller\.quorum\.(voters|bootstrap\.servers)\b/ },
          { env: 'KAFKA_PROCESS_ROLES' },
          { env: 'KAFKA_CFG_PROCESS_ROLES' },
          { env: 'KAFKA_CONTROLLER_QUORUM_VOTERS' },
          { env: 'KAFKA_CFG_CONTROLLER_QUORUM_VOTERS' },
        ],
      },
      quorumFirst: { description: 'the KRaft controller role', indicators: [{ text: /process[._]roles["']?\s*[=:]\s*["']?[\w, ]*\bcontroller\b/i }] },
    },
  },
  {
    // §5.1 (Cassandra tutorial: CASSANDRA_SEEDS) and §5.3 Cassandra/Scylla (Scylla --seeds). A cluster
    // name alone joins nothing: without seeds each node seeds itself (docker-library cassandra docs).
    id: 'cassandra',
    displayName: 'Cassandra/Scylla',
    imageRepositories: ['cassandra', 'scylla'],
    serverCommands: ['cassandra', 'scylla'],
    topology: 'seed',
    replicationIndicators: anyOf('Cassandra seeds', [
      { env: 'CASSANDRA_SEEDS' },
      { text: /--seeds\b/ },
      { text: /\bseed_provider\b/ },
    ]),
    genericBootstrapCounts: true,
    // Cassandra/Scylla replicate by quorum, but a seed starts alone: not quorum-first.
    quorum: { quorumFirst: false },
  },
  {
    // §5.3 Elasticsearch/OpenSearch (discovery.seed_hosts, initial master nodes, node.name from
    // metadata.name); pires/docker-elasticsearch-kubernetes discovers through DISCOVERY_SERVICE
    // (its README).
    id: 'elasticsearch',
    displayName: 'Elasticsearch/OpenSearch',
    imageRepositories: ['elasticsearch', 'elasticsearch-oss', 'opensearch', 'pires/docker-elasticsearch-kubernetes'],
    serverCommands: ['elasticsearch', 'opensearch'],
    topology: 'seed',
    replicationIndicators: anyOf('Elasticsearch discovery settings', [
      { text: /\bdiscovery\.(seed_hosts|seed_providers|zen\.ping\.unicast\.hosts)\b/ },
      { text: /\bcluster\.initial_(master|cluster_manager)_nodes\b/ },
      { env: 'ELASTICSEARCH_CLUSTER_HOSTS' },
      { env: 'DISCOVERY_SERVICE' },
      { podNameEnv: 'NODE_NAME' },
      { podNameEnv: 'node.name' },
    ]),
    genericBootstrapCounts: true,
    // Master-eligible nodes (the default roles) elect a master by majority and report no cluster
    // before one is elected; data-only or coordinating nodes take no part (elastic.co "Node roles").
    quorum: {
      unless: {
        description: 'not master-eligible',
        indicators: [
          { text: /\bnode\.master["']?\s*[=:]\s*["']?false\b/i },
          { text: /\bNODE_MASTER=["']?false\b/i },
          { text: /\b(?:node\.roles|NODE_ROLES)["']?\s*[=:][ \t]*(?=\S)(?![^\n]*\b(?:master|cluster_manager)\b)/ },
        ],
      },
      quorumFirst: true,
    },
  },
  {
    // §5.3 etcd (--initial-cluster, ETCD_INITIAL_CLUSTER*, discovery); etcd docs "Clustering guide".
    id: 'etcd',
    displayName: 'etcd',
    imageRepositories: ['etcd'],
    serverCommands: ['etcd'],
    topology: 'peer-list',
    replicationIndicators: anyOf('etcd initial cluster', [
      { text: /--initial-cluster\b|\binitial-cluster\s*:/ },
      { text: /--discovery(-srv)?\b/ },
      { env: 'ETCD_INITIAL_CLUSTER' },
      { env: 'ETCD_INITIAL_CLUSTER_STATE' },
      { env: 'ETCD_DISCOVERY' },
      { env: 'ETCD_DISCOVERY_SRV' },
    ]),
    genericBootstrapCounts: true,
    // etcd is a Raft cluster: a member serves nothing before a majority has elected a leader.
    quorum: { quorumFirst: true },
  },
  {
    // §5.3 Others: RabbitMQ (cluster_formation peer discovery, shared Erlang cookie, long names);
    // §5.4 RabbitMQ with the k8s peer-discovery plugin; rabbitmqctl join_cluster (rabbitmq.com/clustering).
    id: 'rabbitmq',
    displayName: 'RabbitMQ',
    imageRepositories: ['rabbitmq'],
    serverCommands: ['rabbitmq-server'],
    topology: 'seed',
    replicationIndicators: anyOf('RabbitMQ cluster formation', [
      { text: /\bcluster_formation\.|\brabbit_peer_discovery_/ },
      { text: /\bjoin_cluster\b|\bcluster_nodes\b/ },
      { env: 'RABBITMQ_ERLANG_COOKIE' },
      { env: 'RABBITMQ_USE_LONGNAME' },
    ]),
    genericBootstrapCounts: true,
    // RabbitMQ clusters (quorum queues, Khepri) use Raft, but a first node is Ready alone.
    quorum: { quorumFirst: false },
  },
  {
    // §5.3 Others and §5.4: CockroachDB `start --join=...` + `cockroach init`; the cockroach-k8s-init
    // bootstrap container of the upstream StatefulSet examples.
    id: 'cockroachdb',
    displayName: 'CockroachDB',
    imageRepositories: ['cockroach'],
    serverCommands: ['cockroach start', 'cockroach start-single-node'],
    topology: 'seed',
    replicationIndicators: anyOf('CockroachDB join settings', [
      { text: /--join\b/ },
      { text: /\bcockroach\s+init\b/ },
      { image: 'cockroach-k8s-init' },
    ]),
    genericBootstrapCounts: true,
    // CockroachDB ranges use Raft and a node reports ready only once the cluster is initialised and
    // live; start-single-node is a cluster of one.
    quorum: { unless: { description: 'a single-node cluster', indicators: [{ text: /\bstart-single-node\b/ }] }, quorumFirst: true },
  },
  {
    // core-rules "A data store" (NATS only with JetStream) and §5.3 Others (--routes / cluster.routes);
    // JetStream is enabled by `-js`/`--jetstream` or a `jetstream` block (docs.nats.io, JetStream config).
    id: 'nats',
    displayName: 'NATS JetStream',
    imageRepositories: ['nats', 'nats-server'],
    serverCommands: ['nats-server'],
    topology: 'seed',
    replicationIndicators: anyOf('NATS cluster routes', [{ text: /--routes\b|\broutes\s*[:=[]/ }]),
    genericBootstrapCounts: true,
    // JetStream clusters elect a meta leader by Raft; the health check waits for JetStream.
    quorum: { quorumFirst: true },
    requires: {
      description: 'JetStream enabled',
      indicators: [{ text: /(^|\s)--?(js|jetstream)(\s|=|$)/m }, { text: /\bjetstream\s*[:=]?\s*(\{|enabled\b|true\b|on\b)/i }],
    },
  },
  {
    // §5.2/§5.3 Others: MinIO distributed mode lists several hosts, usually with `{0...3}` expansion;
    // Bitnami MINIO_DISTRIBUTED_* variables.
    id: 'minio',
    displayName: 'MinIO',
    imageRepositories: ['minio'],
    serverCommands: ['minio server'],
    topology: 'peer-list',
    replicationIndicators: anyOf('MinIO distributed mode', [
      { text: /https?:\/\/\S*\{\d+\.\.\.\d+\}/ },
      { text: /https?:\/\/\S+\s+https?:\/\/\S+/ },
      { env: 'MINIO_DISTRIBUTED_MODE_ENABLED' },
      { env: 'MINIO_DISTRIBUTED_NODES' },
    ]),
    genericBootstrapCounts: true,
  },
  {
    // §5.3 Others: Consul -bootstrap-expect / -retry-join (developer.hashicorp.com consul agent config).
    id: 'consul',
    displayName: 'Consul',
    imageRepositories: ['consul'],
    serverCommands: ['consul agent'],
    topology: 'seed',
    replicationIndicators: anyOf('Consul join settings', [
      { text: /(^|\s)--?(bootstrap-expect|retry-join|join)\b/m },
      { text: /\b(retry_join|bootstrap_expect)\b/ },
    ]),
    genericBootstrapCounts: true,
    // Consul servers (not clients) form a Raft quorum; with -bootstrap-expect above 1 no server
    // elects a leader before that many have joined (developer.hashicorp.com, consul agent config).
    quorum: {
      when: { description: 'server mode', indicators: [{ text: /(^|\s)--?server\b/m }, { text: /["']?\bserver["']?\s*[=:]\s*true\b/ }] },
      quorumFirst: {
        description: '-bootstrap-expect above 1',
        indicators: [{ text: /(^|\s)--?bootstrap-expect(=|\s+)["']?([2-9]|[1-9]\d+)\b/m }, { text: /\bbootstrap_expect["']?\s*[=:]\s*([2-9]|[1-9]\d+)\b/ }],
      },
    },
  },
  {
    // §5.3 Others: CouchDB node names `-name couchdb@<pod>.<svc>` in ERL_FLAGS; the official image's
    // NODENAME variable; cluster setup through `_cluster_setup` (docs.couchdb.org, cluster setup).
    id: 'couchdb',
    displayName: 'CouchDB',
    imageRepositories: ['couchdb'],
    serverCommands: ['couchdb'],
    topology: 'seed',
    replicationIndicators: anyOf('CouchDB cluster settings', [
      { text: /(^|\s)-name\s+\S+@/m },
      { text: /\b_cluster_setup\b|\/_nodes\// },
      { env: 'NODENAME' },
    ]),
    genericBootstrapCounts: true,
  },
  {
    // core-rules "A data store" (Vault only with integrated raft storage) and §5.3 Others (raft
    // retry_join); `vault operator raft join` (developer.hashicorp.com vault raft storage).
    id: 'vault',
    displayName: 'Vault (raft storage)',
    imageRepositories: ['vault'],
    serverCommands: ['vault server'],
    topology: 'seed',
    replicationIndicators: anyOf('Vault raft join settings', [{ text: /\bretry_join\b|\braft\s+join\b|\bleader_api_addr\b/ }]),
    genericBootstrapCounts: true,
    // Vault's integrated storage is Raft: a node is not active before a quorum has elected a leader.
    quorum: { quorumFirst: true },
    requires: {
      description: 'integrated raft storage',
      indicators: [{ text: /\bstorage\s+"raft"/ }, { text: /"storage"\s*:\s*\{\s*"raft"/ }],
    },
  },
  {
    // Neo4j (core-rules: Neo4j's causal_clustering.initial_discovery_members is a clustering
    // helper). Neo4j Operations Manual: 4.x causal clustering (`causal_clustering.*`, `dbms.mode`),
    // 5.x clustering (`dbms.cluster.discovery.endpoints`); the docker image maps NEO4J_* variables to
    // settings (`_` → `.`, `__` → `_`), "Configuration > Docker".
    id: 'neo4j',
    displayName: 'Neo4j',
    imageRepositories: ['neo4j', 'neo4j-enterprise'],
    serverCommands: ['neo4j console', 'neo4j start'],
    topology: 'seed',
    replicationIndicators: anyOf('Neo4j cluster discovery', [
      { text: /\bcausal_clustering\.(initial_discovery_members|discovery_type)\b/ },
      { text: /\bdbms\.cluster\.discovery\.(endpoints|resolver_type)\b/ },
      { env: 'NEO4J_causal__clustering_initial__discovery__members' },
      { env: 'NEO4J_causal__clustering_discovery__type' },
      { env: 'NEO4J_dbms_cluster_discovery_endpoints' },
      { env: 'NEO4J_dbms_cluster_discovery_resolver__type' },
    ]),
    genericBootstrapCounts: true,
  },
  {
    // §5.3 Others: YugabyteDB --master_addresses (docs.yugabyte.com yb-master / yb-tserver flags).
    id: 'yugabytedb',
    displayName: 'YugabyteDB',
    imageRepositories: ['yugabyte'],
    serverCommands: ['yb-master', 'yb-tserver'],
    topology: 'peer-list',
    replicationIndicators: anyOf('YugabyteDB master addresses', [{ text: /--(master_addresses|tserver_master_addrs)\b/ }]),
    genericBootstrapCounts: true,
  },
];

/**
 * Signs that count for every family whose `genericBootstrapCounts` is true, whatever the image:
 * the generic variable names of core-rules (`*_REPLICATION_MODE`, `*_PRIMARY_HOST`,
 * `*_MASTER_HOST`, `PG_MODE`, `*_SEEDS`, `*_CLUSTER_ADDRESS`) and the clustering helpers core-rules
 * names (replication-bootstrap-missing; §5.4): peer-finder, Patroni/Spilo, repmgr, Galera, Stolon's
 * keeper and sentinel, ZooKeeper's `start-zookeeper` and `zkGenConfig.sh`, a CouchDB cluster-setup
 * sidecar (`couchdb-statefulset-assembler`, or a script calling `_cluster_setup`), and Neo4j's
 * `causal_clustering.initial_discovery_members`.
 * Ordinal derivation and peer names are checked separately (`ordinal-derivation-found.ts`,
 * `replication-peer-reference-found.ts`).
 */
export const GENERIC_REPLICATION_INDICATORS: ReplicationIndicatorGroup = {
  description: 'generic replication settings or a clustering helper',
  indicators: [
    { env: '*_REPLICATION_MODE' },
    { env: '*_PRIMARY_HOST' },
    { env: '*_MASTER_HOST' },
    { env: 'PG_MODE' },
    { env: '*_SEEDS' },
    { env: '*_CLUSTER_ADDRESS' },
    { text: /\bpeer-finder\b/ },
    { image: 'peer-finder' },
    { env: 'PATRONI_*' },
    { text: /\bpatroni\b/i },
    { env: 'REPMGR_*' },
    { text: /\brepmgr\b/ },
    { text: /\bwsrep_(on|cluster_address)\b|\bgcomm:\/\// },
    // Stolon: keepers run PostgreSQL and the sentinel elects the primary and sets up replication
    // (github.com/sorintlab/stolon, doc/architecture.md); keepers are configured by STKEEPER_* variables.
    { text: /\bstolon-(keeper|sentinel)\b/ },
    { env: 'STKEEPER_*' },
    { env: 'STSENTINEL_*' },
    // ZooKeeper's helper scripts: start-zookeeper (kubernetes.io ZooKeeper tutorial image) and
    // zkGenConfig.sh (google_samples/k8szk) write myid from the ordinal and the server.N list.
    { text: /\bstart-zookeeper\b|\bzkGenConfig\.sh\b/ },
    // CouchDB: the cluster-setup sidecar of the Apache CouchDB Helm chart (kocolosk/couchdb-statefulset-assembler),
    // or a script calling the _cluster_setup endpoint (docs.couchdb.org "Cluster Set Up").
    { image: 'couchdb-statefulset-assembler' },
    { text: /\b_cluster_setup\b/ },
    // Neo4j causal clustering's discovery members (Neo4j Operations Manual, 4.x clustering settings).
    { text: /\bcausal_clustering\.initial_discovery_members\b/ },
    { env: 'NEO4J_causal__clustering_initial__discovery__members' },
  ],
};
