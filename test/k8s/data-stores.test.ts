import { describe, expect, it } from 'vitest';
import { DATA_STORE_FAMILIES, GENERIC_REPLICATION_INDICATORS } from '../../src/k8s/data-store-families.js';
import { type DataStoreFamily, dataStoreImageRepository } from '../../src/k8s/data-store-family.js';
import { dataStoreCommandLines, detectDataStore } from '../../src/k8s/data-stores.js';
import { mountedVolumes } from '../../src/k8s/volumes.js';
import { hasReplicationBootstrap } from '../../src/k8s/bootstrap.js';
import { replicationEvidence, replicationGroupsMissing } from '../../src/k8s/replication.js';
import { isOperatorManaged } from '../../src/k8s/operators.js';
import { ordinalCount } from '../../src/k8s/stateful-set.js';
import type { PlainRecord } from '../../src/k8s/plain-value.js';

/** A StatefulSet `db` governed by Service `db-hs`, with the given pod spec fields. */
function statefulSet(podSpec: PlainRecord, spec: PlainRecord = {}, metadata: PlainRecord = {}): PlainRecord {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', ...metadata },
    spec: { serviceName: 'db-hs', replicas: 3, template: { metadata: { labels: { app: 'db' } }, spec: podSpec }, ...spec },
  };
}

function family(id: string): DataStoreFamily {
  const found = DATA_STORE_FAMILIES.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no family ${id}`);
  return found;
}

function configMap(data: PlainRecord): PlainRecord {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'scripts' }, data };
}

describe('family table', () => {
  it('has unique ids, a display name, image or command, and at least one indicator per group', () => {
    const ids = DATA_STORE_FAMILIES.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of DATA_STORE_FAMILIES) {
      expect(entry.displayName).not.toBe('');
      expect(entry.imageRepositories.length + entry.serverCommands.length).toBeGreaterThan(0);
      expect(entry.replicationIndicators.length).toBeGreaterThan(0);
      for (const group of entry.replicationIndicators) expect(group.indicators.length).toBeGreaterThan(0);
    }
  });

  it('uses no stateful (global or sticky) regular expressions', () => {
    const groups = [GENERIC_REPLICATION_INDICATORS, ...DATA_STORE_FAMILIES.flatMap((entry) => [...entry.replicationIndicators, entry.requires, entry.unfinishedSetup])];
    for (const group of groups) {
      for (const indicator of group?.indicators ?? []) {
        if ('text' in indicator) expect(indicator.text.flags).not.toMatch(/[gy]/);
      }
    }
  });
});

describe('dataStoreImageRepository', () => {
  it.each([
    ['postgres', 'postgres'],
    ['postgres:16', 'postgres'],
    ['docker.io/bitnami/postgresql:16', 'bitnami/postgresql'],
    ['docker.io/library/mysql:8.4', 'mysql'],
    ['library/redis', 'redis'],
    ['localhost:5000/team/redis:7@sha256:abcd', 'team/redis'],
    ['public.ecr.aws/docker/library/redis:8-alpine', 'docker/library/redis'],
    ['Quay.io/Pires/docker-elasticsearch-kubernetes:6.3.2', 'pires/docker-elasticsearch-kubernetes'],
    ['mongo@sha256:0123', 'mongo'],
  ])('%s → %s', (image, repository) => {
    expect(dataStoreImageRepository(image)).toBe(repository);
  });

  it.each([[''], [undefined], [42], ['registry.example.com/']])('%s → undefined', (image) => {
    expect(dataStoreImageRepository(image)).toBeUndefined();
  });
});

describe('dataStoreCommandLines', () => {
  it('skips wrappers and entrypoints and reads sh -c scripts', () => {
    const lines = dataStoreCommandLines({
      command: ['/bin/sh', '-ec'],
      args: ['set -e; FOO=1 exec gosu mysql /usr/sbin/mysqld --user=mysql && echo done'],
    });
    expect(lines).toContainEqual(['mysqld', '--user=mysql']);
    expect(lines).toContainEqual(['echo', 'done']);
    expect(dataStoreCommandLines({ command: ['docker-entrypoint.sh'], args: ['postgres', '-c', 'wal_level=replica'] })[0]).toEqual([
      'postgres',
      '-c',
      'wal_level=replica',
    ]);
  });

  it('does not read arguments of a program as commands', () => {
    const lines = dataStoreCommandLines({ command: ['psql'], args: ['-U', 'postgres', '-h', 'db-0.db'] });
    expect(lines).toEqual([['psql', '-U', 'postgres', '-h', 'db-0.db']]);
  });
});

describe('detectDataStore', () => {
  it.each([
    ['postgres:16', 'postgresql'],
    ['docker.io/bitnami/postgresql-repmgr:16', 'postgresql'],
    ['ghcr.io/zalando/spilo-16:3.3-p1', 'postgresql'],
    ['mysql/mysql-server:8.0.28', 'mysql'],
    ['mariadb:11', 'mariadb'],
    ['mongo', 'mongodb'],
    ['valkey/valkey:8', 'redis'],
    ['gcr.io/google_samples/k8szk:v3', 'zookeeper'],
    ['solsson/kafka:2.5.1@sha256:5c52', 'kafka'],
    ['gcr.io/google-samples/cassandra:v14', 'cassandra'],
    ['quay.io/pires/docker-elasticsearch-kubernetes:6.3.2', 'elasticsearch'],
    ['opensearchproject/opensearch:2', 'elasticsearch'],
    ['quay.io/coreos/etcd:v3.5.0', 'etcd'],
    ['rabbitmq:3.13-management', 'rabbitmq'],
    ['cockroachdb/cockroach:v23.1.0', 'cockroachdb'],
    ['quay.io/minio/minio', 'minio'],
    ['hashicorp/consul:1.19', 'consul'],
    ['couchdb:3', 'couchdb'],
    ['ghcr.io/documentdb/documentdb/documentdb-local:pg17-0.112.0', 'documentdb'],
  ])('recognises image %s as %s', (image, id) => {
    expect(detectDataStore(statefulSet({ containers: [{ name: 'db', image }] }))?.family.id).toBe(id);
  });

  it.each([
    'prometheuscommunity/postgres-exporter:v0.15.0',
    'prom/mysqld-exporter',
    'oliver006/redis_exporter',
    'ghcr.io/joeferner/redis-commander:0.8.1',
    'memcached:1.6',
    'busybox',
    'docker.elastic.co/eck/eck-operator:3.2.0',
  ])('does not take %s for a data store', (image) => {
    expect(detectDataStore(statefulSet({ containers: [{ name: 'db', image }] }))).toBeUndefined();
  });

  it.each([
    [{ image: 'ubuntu:24.04', command: ['mysqld'] }, 'mysql'],
    [{ image: 'debian:12', command: ['bash', '-c', 'apt-get install -y postgresql && exec postgres -D /data'] }, 'postgresql'],
    [{ image: 'apachepulsar/pulsar:3.3', command: ['sh', '-c', 'bin/apply-config-from-env.py conf/zookeeper.conf && exec bin/pulsar zookeeper'] }, 'zookeeper'],
    [{ image: 'solsson/kafka:2.5.1', command: ['./bin/zookeeper-server-start.sh', '/etc/kafka/zookeeper.properties'] }, 'zookeeper'],
    [{ image: 'alpine:3.20', args: ['redis-server', '--appendonly', 'yes'] }, 'redis'],
  ])('recognises the server a general-purpose image starts: %j', (container, id) => {
    expect(detectDataStore(statefulSet({ containers: [{ name: 'db', ...container }] }))?.family.id).toBe(id);
  });

  it('ignores a server name that is only an argument', () => {
    const container = { name: 'db', image: 'ghcr.io/example/migrate:1', command: ['psql', '-U', 'postgres'], args: ['-c', 'echo mysqld'] };
    expect(detectDataStore(statefulSet({ containers: [container] }))).toBeUndefined();
  });

  it('judges the main container only: the one named like the StatefulSet, else the first data store, else the first', () => {
    const containers = [
      { name: 'cache', image: 'redis:7' },
      { name: 'db', image: 'postgres:16' },
    ];
    expect(detectDataStore(statefulSet({ containers }))?.containerName).toBe('db');
    expect(detectDataStore(statefulSet({ containers: [{ name: 'app', image: 'nginx' }, { name: 'postgres', image: 'postgres:16' }] }))?.containerName).toBe('postgres');
    expect(detectDataStore(statefulSet({ containers: [{ name: 'db', image: 'nginx' }, { name: 'postgres', image: 'postgres:16' }] }))).toBeUndefined();
    expect(detectDataStore(statefulSet({ containers: [{ name: 'app', image: 'nginx' }, { name: 'metrics', image: 'prom/statsd-exporter' }] }))).toBeUndefined();
    expect(detectDataStore(statefulSet({ containers: [] }))).toBeUndefined();
    expect(detectDataStore(statefulSet({ containers: [{ name: 'db' }] }))).toBeUndefined();
  });

  it('counts Vault only with raft storage, from env, args or a mounted ConfigMap', () => {
    const vault = { name: 'db', image: 'hashicorp/vault:1.17', args: ['server'] };
    expect(detectDataStore(statefulSet({ containers: [vault] }))).toBeUndefined();
    const gcs = { ...vault, env: [{ name: 'VAULT_LOCAL_CONFIG', value: 'storage "gcs" { bucket = "b" }' }] };
    expect(detectDataStore(statefulSet({ containers: [gcs] }))).toBeUndefined();
    const raft = { ...vault, env: [{ name: 'VAULT_LOCAL_CONFIG', value: 'storage "raft" { path = "/vault/data" }' }] };
    expect(detectDataStore(statefulSet({ containers: [raft] }))?.family.id).toBe('vault');
    expect(detectDataStore(statefulSet({ containers: [vault] }), [configMap({ 'vault.hcl': 'storage "raft" {\n path = "/d"\n}' })])?.family.id).toBe('vault');
  });

  it('counts NATS only with JetStream', () => {
    const nats = { name: 'db', image: 'nats:2.10-alpine', command: ['nats-server', '--config', '/etc/nats/nats.conf'] };
    expect(detectDataStore(statefulSet({ containers: [nats] }), [configMap({ 'nats.conf': 'cluster { port: 6222 }' })])).toBeUndefined();
    expect(detectDataStore(statefulSet({ containers: [nats] }), [configMap({ 'nats.conf': 'jetstream {\n store_dir: /data\n}' })])?.family.id).toBe('nats');
    expect(detectDataStore(statefulSet({ containers: [{ ...nats, args: ['-js'] }] }))?.family.id).toBe('nats');
    expect(detectDataStore(statefulSet({ containers: [nats] }), [configMap({ 'nats.conf': 'jetstream: disabled' })])).toBeUndefined();
  });

  it('never throws on malformed pod templates', () => {
    const shapes: unknown[] = [null, 'x', 3, [], { containers: 'x' }, { containers: [null, 'x', { image: 5, command: 'mysqld', args: { a: 1 }, env: 'x' }] }];
    for (const podSpec of shapes) {
      const object = { metadata: 7, spec: { template: { spec: podSpec }, replicas: 'many' } } as PlainRecord;
      expect(() => detectDataStore(object, [{ data: 'x' }, { data: { a: null } }])).not.toThrow();
      expect(() => hasReplicationBootstrap(object, family('mongodb'), [{ data: [1] }])).not.toThrow();
      expect(() => isOperatorManaged(object)).not.toThrow();
      expect(() => mountedVolumes(object, { volumeMounts: 'x' })).not.toThrow();
    }
  });
});

describe('hasReplicationBootstrap', () => {
  const postgres = { name: 'db', image: 'postgres:16' };
  const withInit = (init: PlainRecord, configMaps: PlainRecord[] = []) =>
    hasReplicationBootstrap(statefulSet({ containers: [postgres], initContainers: [{ name: 'init', image: 'busybox', ...init }] }), family('postgresql'), configMaps);

  it('is false for a plain data store', () => {
    expect(hasReplicationBootstrap(statefulSet({ containers: [postgres] }), family('postgresql'))).toBe(false);
  });

  it.each([
    ['${HOSTNAME##*-}', 'ORD=${HOSTNAME##*-}; echo $ORD'],
    ['BASH_REMATCH', '[[ $(hostname) =~ -([0-9]+)$ ]] && ordinal=${BASH_REMATCH[1]}'],
    ['hostname | awk', "ordinal=$(hostname | awk -F- '{print $NF}')"],
    ['hostname | sed', "ordinal=$(hostname | sed 's/.*-//')"],
    ['rev | cut', 'ordinal=$(hostname | rev | cut -d- -f1 | rev)'],
    ['$HOSTNAME | grep', "ID=$(echo $HOSTNAME | grep -o '[^-]*$')"],
    ['expr', "expr \"$HOSTNAME\" : '.*-\\([0-9]*\\)'"],
    ['python', "python3 -c \"import socket; print(socket.gethostname().rsplit('-', 1)[1])\""],
    ['primary by name', 'pg_isready -h db-0.db-hs'],
    ['previous pod', 'pg_basebackup -h db-$(($ordinal-1)).db-hs -D /data'],
    ['MinIO expansion', 'minio server http://db-{0...3}.db-hs.default.svc.cluster.local/data'],
  ])('finds %s in an init container', (_name, script) => {
    expect(withInit({ command: ['sh', '-c', script] })).toBe(true);
  });

  it('finds a pod name from the downward API once its suffix is stripped', () => {
    const env = [{ name: 'MY_POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }];
    expect(withInit({ env, command: ['sh', '-c', 'echo ${MY_POD##*-}'] })).toBe(true);
    expect(withInit({ env, command: ['sh', '-c', 'echo $MY_POD'] })).toBe(false);
    expect(withInit({ env: [{ name: 'ORD', valueFrom: { fieldRef: { fieldPath: "metadata.labels['apps.kubernetes.io/pod-index']" } } }] })).toBe(true);
  });

  it.each([
    ['a plain hostname', 'redis-cli -h $(hostname) ping'],
    ['another variable stripped', 'echo ${VERSION##*-}'],
    ['another StatefulSet', 'pg_isready -h other-0.db-hs'],
    ['another Service', 'pg_isready -h db-0.db-read'],
  ])('ignores %s', (_name, script) => {
    expect(withInit({ command: ['sh', '-c', script] })).toBe(false);
  });

  it.each([
    ['STANDBY_REPLICATION_MODE', 'slave'],
    ['APP_PRIMARY_HOST', 'db-primary'],
    ['OLD_MASTER_HOST', 'db-primary'],
    ['PG_MODE', 'replica'],
    ['NODE_SEEDS', 'a,b'],
    ['GALERA_CLUSTER_ADDRESS', 'gcomm://a,b'],
    ['PATRONI_KUBERNETES_LABELS', '{}'],
    ['REPMGR_PARTNER_NODES', 'a,b'],
  ])('counts the generic variable %s for any image', (name, value) => {
    expect(withInit({ env: [{ name, value }] })).toBe(true);
  });

  it('does not count a variable that is set to nothing', () => {
    expect(withInit({ env: [{ name: 'APP_PRIMARY_HOST', value: '' }] })).toBe(false);
  });

  it('counts clustering helpers and family settings, also in a mounted ConfigMap', () => {
    expect(withInit({ image: 'registry.k8s.io/e2e-test-images/peer-finder:1.0' })).toBe(true);
    expect(withInit({ command: ['bash', '/scripts/setup.sh'] }, [configMap({ 'setup.sh': 'pg_basebackup -R -D /data -h primary' })])).toBe(true);
    expect(withInit({}, [configMap({ PG_MODE: 'replica' })])).toBe(true);
  });

  it('asks MongoDB for a replica set name and an initiator', () => {
    const mongod = { name: 'db', image: 'mongo:7', command: ['mongod', '--replSet', 'rs0'] };
    const mongo = family('mongodb');
    const named = statefulSet({ containers: [mongod] });
    expect(hasReplicationBootstrap(named, mongo)).toBe(false);
    expect(replicationGroupsMissing(mongo, replicationEvidence(named)).map((group) => group.description)).toEqual([mongo.replicationIndicators[1]!.description]);
    expect(hasReplicationBootstrap(named, mongo, [configMap({ 'init.sh': "mongosh --eval 'rs.initiate()'" })])).toBe(true);
    const sidecarOnly = statefulSet({ containers: [{ ...mongod, command: ['mongod'] }, { name: 'sidecar', image: 'cvallance/mongo-k8s-sidecar' }] });
    expect(hasReplicationBootstrap(sidecarOnly, mongo)).toBe(false);
    expect(replicationGroupsMissing(mongo, replicationEvidence(sidecarOnly))).toEqual([mongo.replicationIndicators[0]]);
    const ordinalOnly = statefulSet({ containers: [{ ...mongod, command: ['sh', '-c', 'exec mongod --bind_ip_all # ${HOSTNAME##*-}'] }] });
    expect(hasReplicationBootstrap(ordinalOnly, mongo)).toBe(false);
    const bitnami = statefulSet({ containers: [{ name: 'db', image: 'bitnami/mongodb:7', env: [{ name: 'MONGODB_REPLICA_SET_MODE', value: 'primary' }] }] });
    expect(hasReplicationBootstrap(bitnami, mongo)).toBe(true);
  });

  it('does not take Redis cluster-enabled or a Cassandra cluster name for bootstrap', () => {
    const redis = statefulSet({ containers: [{ name: 'db', image: 'redis:7', args: ['--cluster-enabled', 'yes'] }] });
    expect(hasReplicationBootstrap(redis, family('redis'))).toBe(false);
    expect(hasReplicationBootstrap(redis, family('redis'), [configMap({ 'create.sh': 'redis-cli --cluster create a:6379 b:6379 c:6379' })])).toBe(true);
    const cassandra = statefulSet({ containers: [{ name: 'db', image: 'cassandra:5', env: [{ name: 'CASSANDRA_CLUSTER_NAME', value: 'c' }] }] });
    expect(hasReplicationBootstrap(cassandra, family('cassandra'))).toBe(false);
  });

  it('counts node.name from metadata.name for Elasticsearch only', () => {
    const env = [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }];
    expect(hasReplicationBootstrap(statefulSet({ containers: [{ name: 'db', image: 'elasticsearch:8.15.0', env }] }), family('elasticsearch'))).toBe(true);
    expect(hasReplicationBootstrap(statefulSet({ containers: [{ name: 'db', image: 'postgres:16', env }] }), family('postgresql'))).toBe(false);
  });
});

describe('isOperatorManaged', () => {
  const podSpec = { containers: [{ name: 'db', image: 'postgres:16' }] };
  it.each([
    [{ ownerReferences: [{ apiVersion: 'acid.zalan.do/v1', kind: 'postgresql', name: 'x', controller: true }] }, true],
    [{ ownerReferences: [{ kind: 'PerconaServerMongoDB', name: 'x', controller: true }] }, true],
    [{ ownerReferences: [{ apiVersion: 'acid.zalan.do/v1', kind: 'postgresql', name: 'x' }] }, false],
    [{ ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'x', controller: true }] }, false],
    [{ labels: { 'strimzi.io/cluster': 'my-cluster' } }, true],
    [{ labels: { application: 'spilo' } }, true],
    [{ labels: { application: 'shop' } }, false],
    [{ labels: { 'app.kubernetes.io/managed-by': 'percona-server-mongodb-operator' } }, true],
    [{ labels: { 'app.kubernetes.io/managed-by': 'Helm' } }, false],
    [{ ownerReferences: 'x', labels: ['x'] }, false],
  ])('%j → %s', (metadata, expected) => {
    expect(isOperatorManaged(statefulSet(podSpec, {}, metadata))).toBe(expected);
  });

  it('reads operator labels on the pod template too', () => {
    const object = statefulSet(podSpec);
    (object.spec as { template: { metadata: { labels: PlainRecord } } }).template.metadata.labels['cnpg.io/cluster'] = 'pg';
    expect(isOperatorManaged(object)).toBe(true);
  });
});

describe('ordinalCount', () => {
  it.each([
    [undefined, 1],
    [null, 1],
    [0, 0],
    [3, 3],
    ['3', undefined],
    [2.5, undefined],
    [-1, undefined],
    [{ value: 3 }, undefined],
  ])('spec.replicas %j → %s', (replicas, expected) => {
    expect(ordinalCount({ spec: replicas === undefined ? {} : { replicas } })).toBe(expected);
  });
});

describe('mountedVolumes', () => {
  it('resolves mounts and devices to volumes with their lifetime', () => {
    const object = statefulSet({
      volumes: [
        { name: 'data', persistentVolumeClaim: { claimName: 'shared' } },
        { name: 'scratch', emptyDir: {} },
        { name: 'bare' },
        { name: 'conf', configMap: { name: 'c' } },
        { name: 'disk', ephemeral: { volumeClaimTemplate: {} } },
      ],
    });
    const container = {
      volumeMounts: [{ name: 'scratch' }, { name: 'conf' }, { name: 'missing' }, { name: 'bare' }, { name: 'scratch' }],
      volumeDevices: [{ name: 'disk' }, { name: 'data' }],
    };
    expect(mountedVolumes(object, container)).toEqual([
      { name: 'scratch', source: 'emptyDir', lifetime: 'ephemeral' },
      { name: 'conf', source: 'configMap', lifetime: 'config' },
      { name: 'bare', source: 'emptyDir', lifetime: 'ephemeral' },
      { name: 'disk', source: 'ephemeral', lifetime: 'ephemeral' },
      { name: 'data', source: 'persistentVolumeClaim', lifetime: 'persistent' },
    ]);
  });
});
