import { describe, expect, it } from 'vitest';
import { matchPeerEntry, peerEntryHost, readPeerLists, type PeerList } from '../../src/k8s/peer-lists.js';
import type { PlainRecord } from '../../src/k8s/plain-value.js';

/** A StatefulSet `zk` whose one container has these fields. */
function statefulSet(container: PlainRecord): PlainRecord {
  return { metadata: { name: 'zk' }, spec: { serviceName: 'zk-hs', template: { spec: { containers: [{ name: 'zk', ...container }] } } } };
}

/** The lists without their sources, for comparison. */
function lists(familyId: string, container: PlainRecord, configMaps: PlainRecord[] = []): unknown[] {
  return readPeerLists(familyId, statefulSet(container), configMaps).map(({ source: _source, ...list }: PeerList) => list);
}

const env = (name: string, value: string) => ({ env: [{ name, value }] });

describe('readPeerLists', () => {
  it.each([
    ['zookeeper', 'ZOO_SERVERS (official image)', env('ZOO_SERVERS', 'server.1=zk-0.zk-hs:2888:3888;2181 server.2=zk-1.zk-hs:2888:3888;2181'), [{ kind: 'members', setting: 'ZOO_SERVERS', entries: ['zk-0.zk-hs:2888:3888', 'zk-1.zk-hs:2888:3888'], hosts: true }]],
    ['zookeeper', 'ZOO_SERVERS (Bitnami)', env('ZOO_SERVERS', 'zk-0.zk-hs:2888:3888::1,zk-1.zk-hs:2888:3888::2'), [{ kind: 'members', setting: 'ZOO_SERVERS', entries: ['zk-0.zk-hs:2888:3888::1', 'zk-1.zk-hs:2888:3888::2'], hosts: true }]],
    ['zookeeper', 'ZOOKEEPER_SERVERS (Confluent)', env('ZOOKEEPER_SERVERS', 'zk-0.zk-hs:2888:3888;zk-1.zk-hs:2888:3888'), [{ kind: 'members', setting: 'ZOOKEEPER_SERVERS', entries: ['zk-0.zk-hs:2888:3888', 'zk-1.zk-hs:2888:3888'], hosts: true }]],
    ['zookeeper', 'start-zookeeper --servers', { command: ['sh', '-c', 'start-zookeeper --servers=3 --data_dir=/data'] }, [{ kind: 'count', setting: '--servers', count: 3 }]],
    ['zookeeper', 'ZK_REPLICAS', env('ZK_REPLICAS', '5'), [{ kind: 'count', setting: 'ZK_REPLICAS', count: 5 }]],
    ['etcd', '--initial-cluster=', { command: ['etcd', '--initial-cluster=zk-0=http://zk-0.zk-hs:2380,zk-1=http://zk-1.zk-hs:2380', '--initial-cluster-state=new'] }, [{ kind: 'members', setting: '--initial-cluster', entries: ['zk-0=http://zk-0.zk-hs:2380', 'zk-1=http://zk-1.zk-hs:2380'], hosts: true }]],
    ['etcd', '--initial-cluster as two arguments', { args: ['--initial-cluster', 'zk-0=http://zk-0.zk-hs:2380'] }, [{ kind: 'members', setting: '--initial-cluster', entries: ['zk-0=http://zk-0.zk-hs:2380'], hosts: true }]],
    ['etcd', 'ETCD_INITIAL_CLUSTER', env('ETCD_INITIAL_CLUSTER', 'zk-0=http://zk-0.zk-hs:2380'), [{ kind: 'members', setting: 'ETCD_INITIAL_CLUSTER', entries: ['zk-0=http://zk-0.zk-hs:2380'], hosts: true }]],
    ['elasticsearch', '-Ecluster.initial_master_nodes', { args: ['-Ecluster.initial_master_nodes=zk-0,zk-1'] }, [{ kind: 'members', setting: 'cluster.initial_master_nodes', entries: ['zk-0', 'zk-1'], hosts: false }]],
    ['elasticsearch', 'discovery.seed_hosts as a variable', env('discovery.seed_hosts', 'zk-0.zk-hs,zk-1.zk-hs'), [{ kind: 'seeds', setting: 'discovery.seed_hosts', entries: ['zk-0.zk-hs', 'zk-1.zk-hs'], hosts: true }]],
    ['kafka', 'KAFKA_CONTROLLER_QUORUM_VOTERS', env('KAFKA_CONTROLLER_QUORUM_VOTERS', '0@zk-0.zk-hs:9093,1@zk-1.zk-hs:9093'), [{ kind: 'members', setting: 'KAFKA_CONTROLLER_QUORUM_VOTERS', entries: ['0@zk-0.zk-hs:9093', '1@zk-1.zk-hs:9093'], hosts: true }]],
    ['kafka', '--override controller.quorum.voters=', { args: ['--override', 'controller.quorum.voters=0@zk-0.zk-hs:9093'] }, [{ kind: 'members', setting: 'controller.quorum.voters', entries: ['0@zk-0.zk-hs:9093'], hosts: true }]],
    ['consul', '-bootstrap-expect=3', { args: ['agent', '-server', '-bootstrap-expect=3'] }, [{ kind: 'count', setting: '-bootstrap-expect', count: 3 }]],
    ['consul', '-bootstrap-expect 5 in a script', { command: ['sh', '-c', 'exec consul agent -server -bootstrap-expect 5 -data-dir=/data'] }, [{ kind: 'count', setting: '-bootstrap-expect', count: 5 }]],
    ['cassandra', 'CASSANDRA_SEEDS', env('CASSANDRA_SEEDS', 'zk-0.zk-hs.default.svc.cluster.local'), [{ kind: 'seeds', setting: 'CASSANDRA_SEEDS', entries: ['zk-0.zk-hs.default.svc.cluster.local'], hosts: true }]],
  ])('%s: %s', (familyId, _name, container, expected) => {
    expect(lists(familyId, container)).toEqual(expected);
  });

  it('reads server.N lines of a ConfigMap the pods mount, one list per text, located at the ConfigMap key', () => {
    const configMap = { data: { 'zoo.cfg': 'tickTime=2000\nserver.1=zk-0.zk-hs:2888:3888\nserver.2=zk-1.zk-hs:2888:3888\n' } };
    const found = readPeerLists('zookeeper', statefulSet({}), [configMap]);
    expect(found).toEqual([{ kind: 'members', setting: 'server.N', source: { in: 'config-map', configMap: 0, key: 'zoo.cfg' }, entries: ['zk-0.zk-hs:2888:3888', 'zk-1.zk-hs:2888:3888'], hosts: true }]);
  });

  it('locates a list in an env value or an argument by its node path', () => {
    const [fromEnv] = readPeerLists('zookeeper', statefulSet(env('ZOO_SERVERS', 'server.1=zk-0.zk-hs:2888:3888')));
    expect(fromEnv?.source).toEqual({ in: 'pod-template', path: ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'] });
    const [fromArgument] = readPeerLists('etcd', statefulSet({ args: ['--initial-cluster', 'zk-0=http://zk-0.zk-hs:2380'] }));
    expect(fromArgument?.source).toEqual({ in: 'pod-template', path: ['spec', 'template', 'spec', 'containers', 0, 'args', 1] });
  });

  it.each([
    ['a shell variable', env('ZOO_SERVERS', '$(SERVERS)')],
    ['a template expression', env('ETCD_INITIAL_CLUSTER', '{{ .Values.initialCluster }}')],
    ['server.N lines written by a loop', { command: ['bash', '-c', 'for i in 0 1 2; do echo "server.$((i+1))=zk-$i.zk-hs:2888:3888" >> zoo.cfg; done'] }],
    ['a brace range', env('CASSANDRA_SEEDS', 'zk-{0..2}.zk-hs')],
  ])('leaves out a list holding %s', (_name, container) => {
    for (const familyId of ['zookeeper', 'etcd', 'cassandra']) expect(lists(familyId, container)).toEqual([]);
  });

  it('reads nothing for a family without peer lists', () => {
    expect(lists('postgresql', env('ZOO_SERVERS', 'server.1=zk-0.zk-hs:2888:3888'))).toEqual([]);
  });
});

describe('peerEntryHost', () => {
  it.each([
    ['zk-0.zk-hs:2888:3888', 'zk-0.zk-hs'],
    ['1@kafka-0.kafka:9093', 'kafka-0.kafka'],
    ['etcd-0=http://etcd-0.etcd:2380', 'etcd-0.etcd'],
    ['http://minio-0.minio/data', 'minio-0.minio'],
    ['cassandra-0.cassandra.default.svc.cluster.local', 'cassandra-0.cassandra.default.svc.cluster.local'],
  ])('%s → %s', (entry, host) => {
    expect(peerEntryHost(entry)).toBe(host);
  });
});

describe('matchPeerEntry', () => {
  it.each([
    ['zk-2.zk-hs:2888', true, { kind: 'pod', ordinal: 2 }],
    ['zk-12.zk-hs.default.svc.cluster.local', true, { kind: 'pod', ordinal: 12 }],
    ['zk-0.zk:2888', true, { kind: 'wrong-service', ordinal: 0 }],
    ['zk-0:2888', true, { kind: 'wrong-service', ordinal: 0 }],
    ['zoo-1.zoo:2888', true, { kind: 'other-stateful-set' }],
    ['zookeeper-0.zk-hs:2888', true, { kind: 'foreign' }],
    ['10.0.0.7:2888', true, { kind: 'foreign' }],
    ['zk-01.zk-hs:2888', true, { kind: 'foreign' }],
    ['zk-1', false, { kind: 'pod', ordinal: 1 }],
    ['es-data-1', false, { kind: 'other-stateful-set' }],
    ['zk-1.zk-hs', false, { kind: 'foreign' }],
  ])('%s (hosts: %s)', (entry, hosts, expected) => {
    expect(matchPeerEntry(entry, hosts, 'zk', 'zk-hs')).toEqual(expected);
  });
});
