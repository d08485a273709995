import { describe, expect, it } from 'vitest';
import { DATA_STORE_FAMILIES } from '../../src/k8s/data-store-families.js';
import { containerDataStoreFamily, DATA_STORE_RECOGNITION } from '../../src/k8s/data-store-recognition.js';
import { detectDataStore } from '../../src/k8s/data-stores.js';
import { findMainContainer } from '../../src/k8s/pod-template.js';
import type { PlainRecord } from '../../src/k8s/plain-value.js';

// core-rules, "A data store": recognised by what the container does. Each family is tried with a
// team's own image whose name says nothing, as such StatefulSets are written in real repositories.

/** A StatefulSet `orders` whose pods run the given containers. */
function statefulSet(containers: PlainRecord[], volumes: PlainRecord[] = [{ name: 'data', emptyDir: {} }]): PlainRecord {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'orders' },
    spec: {
      serviceName: 'orders',
      replicas: 3,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'orders-store' } },
      template: { metadata: { labels: { 'app.kubernetes.io/name': 'orders-store' } }, spec: { containers, volumes } },
    },
  };
}

/** A container of a custom image `registry.example.com/platform/<name>-image:2.3.1`. */
function customContainer(name: string, mountPath: string | undefined, port: number | undefined, extra: PlainRecord = {}): PlainRecord {
  return {
    name,
    image: `registry.example.com/platform/${name}-image:2.3.1`,
    ...(port === undefined ? {} : { ports: [{ name: 'server', containerPort: port }] }),
    ...(mountPath === undefined ? {} : { volumeMounts: [{ name: 'data', mountPath }] }),
    resources: { requests: { cpu: '500m', memory: '1Gi' } },
    ...extra,
  };
}

/** The family ids of the recognition table with data directories and ports, each with a real-looking custom container. */
const CUSTOM_IMAGES: [family: string, container: PlainRecord][] = [
  ['postgresql', customContainer('pg', '/var/lib/postgresql/data', 5432)],
  ['mysql', customContainer('mysql', '/var/lib/mysql', 3306, { args: ['--default-authentication-plugin=mysql_native_password'] })],
  ['mariadb', customContainer('mariadb', '/bitnami/mariadb', 3306)],
  ['mongodb', customContainer('docdb', '/data/db', 27017)],
  ['zookeeper', customContainer('zk', '/var/lib/zookeeper', 2181, { ports: [{ containerPort: 2181 }, { containerPort: 2888 }, { containerPort: 3888 }] })],
  ['cassandra', customContainer('wide-column', '/var/lib/cassandra', 9042, { ports: [{ containerPort: 7000 }, { containerPort: 9042 }] })],
  ['elasticsearch', customContainer('es', '/usr/share/elasticsearch/data', 9200, { ports: [{ containerPort: 9200 }, { containerPort: 9300 }] })],
  ['etcd', customContainer('kv', '/var/lib/etcd', 2379)],
  ['rabbitmq', customContainer('queue', '/var/lib/rabbitmq', 5672)],
  ['cockroachdb', customContainer('sql', '/cockroach/cockroach-data', 26257)],
  ['couchdb', customContainer('docs', '/opt/couchdb/data', 5984)],
];

describe('recognition table', () => {
  it('has an entry per family id of the family table, each with its sources', () => {
    const ids = new Set(DATA_STORE_FAMILIES.map((family) => family.id));
    for (const [id, recognition] of Object.entries(DATA_STORE_RECOGNITION)) {
      expect(ids.has(id), id).toBe(true);
      expect(recognition.sources.length, id).toBeGreaterThan(0);
      expect(recognition.dataDirectories.length > 0, `${id}: directories and ports go together`).toBe(recognition.serverPorts.length > 0);
    }
  });

  it('is tried below with a custom image for every family that has data directories', () => {
    const withDirectories = Object.entries(DATA_STORE_RECOGNITION).filter(([, recognition]) => recognition.dataDirectories.length > 0).map(([id]) => id);
    expect(CUSTOM_IMAGES.map(([id]) => id).sort()).toEqual(withDirectories.sort());
  });
});

describe('a custom image is a data store by its data directory and server port', () => {
  it.each(CUSTOM_IMAGES)('%s', (family, container) => {
    const found = detectDataStore(statefulSet([container]));
    expect(found?.family.id).toBe(family);
    expect(found?.by).toBe('data-directory');
  });

  it.each(CUSTOM_IMAGES)('%s: not by the data directory alone, nor by the port alone', (_family, container) => {
    expect(containerDataStoreFamily({ ...container, ports: [{ containerPort: 8080 }] })).toBeUndefined();
    expect(containerDataStoreFamily({ ...container, volumeMounts: [{ name: 'data', mountPath: '/srv/app/data' }] })).toBeUndefined();
  });

  it.each([
    ['$PGDATA below the mount', customContainer('pg', '/pgdata', 5432, { env: [{ name: 'PGDATA', value: '/pgdata/16/main' }] })],
    ['a mount inside the data directory', customContainer('pg', '/var/lib/postgresql/data/pgdata', 5432)],
    ['a mount holding the data directory', customContainer('pg', '/var/lib/postgresql/', 5432)],
  ])('PostgreSQL: %s', (_name, container) => {
    expect(containerDataStoreFamily(container)?.family.id).toBe('postgresql');
  });

  it('takes /var/lib/mysql with 3306 for MySQL, the first of the two families that share them', () => {
    expect(containerDataStoreFamily(customContainer('mariadb', '/var/lib/mysql', 3306))?.family.id).toBe('mysql');
  });

  it('does not judge a container without an image (set by an operator or an overlay) by its data directory', () => {
    const { image: _image, ...withoutImage } = customContainer('mongod-arbiter', '/data/db', 27017);
    expect(containerDataStoreFamily(withoutImage)).toBeUndefined();
  });

  it('does not count a mount at / as holding every data directory', () => {
    expect(containerDataStoreFamily(customContainer('pg', '/', 5432))).toBeUndefined();
  });

  it('leaves an application that listens on 5432 and keeps uploads elsewhere alone', () => {
    const app = customContainer('uploads', '/var/lib/uploads', 5432, { env: [{ name: 'DATABASE_URL', value: 'postgres://db:5432/app' }] });
    expect(detectDataStore(statefulSet([app]))).toBeUndefined();
  });
});

describe('images that wrap a family\'s server', () => {
  it.each([
    ['Patroni', 'registry.example.com/dba/patroni:4.0.4', { command: ['/usr/local/bin/patroni', '/etc/patroni/patroni.yml'] }, 'postgresql', 'command'],
    ['Patroni, started by its entry script', 'ghcr.io/example/patroni:4.0.4-pg16', {}, 'postgresql', 'image'],
    ['Spilo', 'ghcr.io/zalando/spilo-16:3.3-p1', {}, 'postgresql', 'image'],
    ['a Stolon keeper', 'sorintlab/stolon:v0.17.0-pg15', { command: ['/bin/bash', '-ec', 'exec gosu stolon stolon-keeper --data-dir /stolon-data'] }, 'postgresql', 'image'],
    ['Confluent Local', 'confluentinc/confluent-local:7.7.1', { command: ['/etc/confluent/docker/run'] }, 'kafka', 'image'],
    ['cp-kafka', 'confluentinc/cp-kafka:7.7.1', {}, 'kafka', 'image'],
    ['cp-server', 'confluentinc/cp-server:7.7.1', {}, 'kafka', 'image'],
    ['cp-zookeeper started through the Confluent run script', 'confluentinc/cp-zookeeper:7.7.1', { command: ['/etc/confluent/docker/run'] }, 'zookeeper', 'image'],
    ['k8szk', 'gcr.io/google_samples/k8szk:v3', { command: ['sh', '-c', 'zkGenConfig.sh && exec zkServer.sh start-foreground'] }, 'zookeeper', 'command'],
    ['Neo4j', 'neo4j:5.24-enterprise', {}, 'neo4j', 'image'],
  ])('%s', (_name, image, extra, family, by) => {
    const found = detectDataStore(statefulSet([{ name: 'server', image, ...extra }]));
    expect(found?.family.id).toBe(family);
    expect(found?.by).toBe(by);
  });
});

describe('the main container', () => {
  it('is not a clustering sidecar placed first', () => {
    const sidecar = { name: 'mongo-sidecar', image: 'cvallance/mongo-k8s-sidecar:latest', env: [{ name: 'MONGO_SIDECAR_POD_LABELS', value: 'role=mongo' }] };
    const mongod = { name: 'mongod', image: 'mongo:7.0', command: ['mongod', '--replSet', 'rs0', '--bind_ip_all'] };
    expect(findMainContainer(statefulSet([sidecar, mongod]))?.container.name).toBe('mongod');
    expect(detectDataStore(statefulSet([sidecar, mongod]))?.containerName).toBe('mongod');
  });

  it('is a custom image recognised by its data directory behind an exporter placed first', () => {
    const exporter = { name: 'metrics', image: 'quay.io/prometheuscommunity/elasticsearch-exporter:v1.7.0', ports: [{ containerPort: 9114 }] };
    const es = customContainer('es', '/usr/share/elasticsearch/data', 9200);
    expect(detectDataStore(statefulSet([exporter, es]))).toMatchObject({ containerName: 'es', family: { id: 'elasticsearch' } });
  });

  it('is still the container named like the StatefulSet or its app label, whatever runs first', () => {
    const named = { name: 'orders-store', image: 'registry.example.com/platform/orders:1.0' };
    expect(findMainContainer(statefulSet([{ name: 'pg', image: 'postgres:16' }, named]))?.container.name).toBe('orders-store');
  });

  it('is the first container when none runs a data store', () => {
    expect(findMainContainer(statefulSet([{ name: 'web', image: 'nginx:1.27' }, { name: 'log', image: 'fluent/fluent-bit:3.1' }]))?.container.name).toBe('web');
  });
});
