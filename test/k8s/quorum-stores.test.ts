import { describe, expect, it } from 'vitest';
import { DATA_STORE_FAMILIES } from '../../src/k8s/data-store-families.js';
import { detectDataStore } from '../../src/k8s/data-stores.js';
import type { PlainRecord } from '../../src/k8s/plain-value.js';
import { quorumStore } from '../../src/k8s/quorum-stores.js';
import { replicationEvidence } from '../../src/k8s/replication.js';

/** A StatefulSet whose one container runs `image` with these fields. */
function statefulSet(container: PlainRecord, configMaps: PlainRecord[] = []): { quorum: ReturnType<typeof quorumStore>; dataStore: string | undefined } {
  const object = { metadata: { name: 'db' }, spec: { replicas: 3, template: { spec: { containers: [{ name: 'db', ...container }] } } } };
  const dataStore = detectDataStore(object, configMaps);
  const quorum = dataStore ? quorumStore(dataStore.family, replicationEvidence(object, configMaps)) : undefined;
  return { quorum, dataStore: dataStore?.family.id };
}

const env = (entries: Record<string, string>) => Object.entries(entries).map(([name, value]) => ({ name, value }));

describe('quorumStore', () => {
  it.each([
    ['ZooKeeper', { image: 'zookeeper:3.9' }, true],
    ['etcd', { image: 'quay.io/coreos/etcd:v3.5.13' }, true],
    ['Elasticsearch (master-eligible by default)', { image: 'elasticsearch:8.13.4' }, true],
    ['OpenSearch with node.roles including cluster_manager', { image: 'opensearchproject/opensearch:2', env: env({ 'node.roles': 'cluster_manager,data' }) }, true],
    ['CockroachDB', { image: 'cockroachdb/cockroach:v23.2.0', command: ['cockroach', 'start', '--join=db-0.db'] }, true],
    ['Consul servers with -bootstrap-expect=3', { image: 'hashicorp/consul:1.18', args: ['agent', '-server', '-bootstrap-expect=3'] }, true],
    ['Consul servers with -bootstrap-expect=1', { image: 'hashicorp/consul:1.18', args: ['agent', '-server', '-bootstrap-expect=1'] }, false],
    ['Kafka KRaft controllers', { image: 'apache/kafka:3.7.0', env: env({ KAFKA_PROCESS_ROLES: 'broker,controller' }) }, true],
    ['Kafka KRaft brokers', { image: 'apache/kafka:3.7.0', env: env({ KAFKA_PROCESS_ROLES: 'broker', KAFKA_CONTROLLER_QUORUM_VOTERS: '0@c-0.c:9093' }) }, false],
    ['Cassandra', { image: 'cassandra:4.1' }, false],
    ['RabbitMQ', { image: 'rabbitmq:3.13' }, false],
    ['a MongoDB replica set', { image: 'mongo:7', command: ['mongod', '--replSet', 'rs0'] }, false],
    ['Galera (MariaDB with wsrep)', { image: 'mariadb:11', args: ['--wsrep-on=ON', '--wsrep_cluster_address=gcomm://db-0.db'] }, false],
    ['bitnami/mariadb-galera', { image: 'bitnami/mariadb-galera:11.3' }, false],
    ['NATS with JetStream', { image: 'nats:2.10', args: ['--jetstream', '--routes=nats://db-0.db:6222'] }, true],
    ['Vault with raft storage', { image: 'hashicorp/vault:1.16', args: ['server'], env: env({ VAULT_LOCAL_CONFIG: 'storage "raft" { path = "/vault/data" }' }) }, true],
  ])('%s is a quorum store (quorum-first: %s)', (_name, container, quorumFirst) => {
    expect(statefulSet(container).quorum?.quorumFirst).toBe(quorumFirst);
  });

  it.each([
    ['PostgreSQL', { image: 'postgres:16' }],
    ['Redis', { image: 'redis:7' }],
    ['MinIO', { image: 'minio/minio:latest', args: ['server', 'http://db-{0...3}.db/data'] }],
    ['MySQL without Galera', { image: 'mysql:8.0' }],
    ['MongoDB without a replica set', { image: 'mongo:7' }],
    ['Kafka in ZooKeeper mode', { image: 'confluentinc/cp-kafka:7.6.1', env: env({ KAFKA_ZOOKEEPER_CONNECT: 'zk:2181' }) }],
    ['Consul clients', { image: 'hashicorp/consul:1.18', args: ['agent', '-retry-join=consul-server'] }],
    ['Elasticsearch data nodes (NODE_MASTER=false)', { image: 'quay.io/pires/docker-elasticsearch-kubernetes:6.3.2', env: env({ NODE_MASTER: 'false', NODE_DATA: 'true' }) }],
    ['Elasticsearch data nodes (node.roles without master)', { image: 'elasticsearch:8.13.4', env: env({ 'node.roles': 'data,ingest' }) }],
    ['CockroachDB start-single-node', { image: 'cockroachdb/cockroach:v23.2.0', command: ['cockroach', 'start-single-node'] }],
  ])('%s is not a quorum store', (_name, container) => {
    const result = statefulSet(container);
    expect(result.dataStore).toBeDefined();
    expect(result.quorum).toBeUndefined();
  });

  it('reads quorum settings from a mounted ConfigMap (Elasticsearch node.roles in elasticsearch.yml)', () => {
    const configMap = { data: { 'elasticsearch.yml': 'cluster.name: logs\nnode.roles: [ data, ingest ]\n' } };
    expect(statefulSet({ image: 'elasticsearch:8.13.4' }, [configMap]).quorum).toBeUndefined();
    const masters = { data: { 'elasticsearch.yml': 'node.roles: [ master ]\n' } };
    expect(statefulSet({ image: 'elasticsearch:8.13.4' }, [masters]).quorum?.quorumFirst).toBe(true);
  });

  it('gives every quorum indicator pattern without global or sticky flags', () => {
    for (const family of DATA_STORE_FAMILIES) {
      const quorum = family.quorum;
      const groups = [quorum?.when, quorum?.unless, typeof quorum?.quorumFirst === 'object' ? quorum.quorumFirst : undefined];
      for (const indicator of groups.flatMap((group) => group?.indicators ?? [])) {
        if ('text' in indicator) expect(indicator.text.flags).not.toMatch(/[gy]/);
      }
    }
  });
});
