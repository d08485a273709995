import { defineRule, type RelatedReport } from '../src/engine/rule.js';
import { findClustering } from '../src/index/clustering.js';
import { matchPeerEntry, peerEntryHost, readPeerLists, type PeerList } from '../src/k8s/peer-lists.js';
import { asRecord, asString, type PlainRecord } from '../src/k8s/plain-value.js';
import { ordinalCount, ordinalStart } from '../src/k8s/stateful-set.js';

type MessageId = 'countMismatch' | 'countSettingMismatch' | 'outsideOrdinals' | 'notAPod' | 'wrongService';

/** What is wrong with a peer list, as a message id and its data; `undefined` when nothing is. */
type Verdict = { messageId: MessageId; data: Record<string, string | number> } | undefined;

interface Pods {
  name: string;
  serviceName: string | undefined;
  start: number;
  replicas: number;
}

/** A host as messages show it: its first two labels (`cassandra-3.cassandra.default.svc.cluster.local` → `cassandra-3.cassandra`). */
function shortHost(host: string): string {
  return host.split('.').slice(0, 2).join('.');
}

function judge(list: PeerList, pods: Pods): Verdict {
  if (list.kind === 'count') {
    return list.count === pods.replicas ? undefined : { messageId: 'countSettingMismatch', data: { setting: list.setting, listed: list.count, replicas: pods.replicas } };
  }
  const range = { first: pods.start, last: pods.start + pods.replicas - 1 };
  const ordinals = new Set<number>();
  let others = 0;
  let outsideOrdinals: string | undefined;
  let foreign: string | undefined;
  for (const entry of list.entries) {
    const match = matchPeerEntry(entry, list.hosts, pods.name, pods.serviceName);
    const member = list.hosts ? shortHost(peerEntryHost(entry)) : entry;
    if (match.kind === 'wrong-service') return { messageId: 'wrongService', data: { setting: list.setting, member, serviceName: pods.serviceName ?? '' } };
    if (match.kind === 'other-stateful-set') others++;
    else if (match.kind === 'foreign') foreign ??= member;
    else {
      ordinals.add(match.ordinal);
      if (match.ordinal < pods.start || match.ordinal >= pods.start + pods.replicas) outsideOrdinals ??= member;
    }
  }
  // Seeds may be fewer, and may include hosts outside the StatefulSet; the pods they name must exist.
  if (list.kind === 'seeds') return outsideOrdinals === undefined ? undefined : { messageId: 'outsideOrdinals', data: { setting: list.setting, member: outsideOrdinals, ...range } };
  if (foreign !== undefined) return { messageId: 'notAPod', data: { setting: list.setting, member: foreign, pod: `${pods.name}-<ordinal>` } };
  // A list of other StatefulSets' pods only (brokers pointing at their controllers) is theirs to match.
  if (ordinals.size === 0) return undefined;
  // With pods of a second StatefulSet in the list (a split ensemble), only this one's members are counted.
  const listed = others > 0 ? ordinals.size : new Set(list.entries).size;
  if (listed !== pods.replicas) return { messageId: 'countMismatch', data: { setting: list.setting, listed, replicas: pods.replicas } };
  return outsideOrdinals === undefined ? undefined : { messageId: 'outsideOrdinals', data: { setting: list.setting, member: outsideOrdinals, ...range } };
}

export default defineRule<MessageId>({
  id: 'peer-count-mismatch',
  title: 'A quorum store\'s peer list names exactly the pods the StatefulSet creates',
  severity: 'error',
  kinds: ['StatefulSet'],
  rationale: [
    'Quorum stores are told their members up front: ZooKeeper\'s `server.N` lines, etcd\'s `--initial-cluster`,',
    'Elasticsearch\'s `cluster.initial_master_nodes`, Kafka\'s `controller.quorum.voters`, Consul\'s',
    '`-bootstrap-expect`. The quorum is a majority of that list, not of the pods running. When the list',
    'names more members than `replicas`, the majority counts members that never start (5 listed, 3 running:',
    'a majority of 5 needs all 3, so one failure stops the cluster); when it names fewer, the pods beyond',
    'it never join; when it names `<name>-3` for a StatefulSet of 3 (ordinals 0 to 2) or another Service',
    'than `spec.serviceName`, that member is never found. The usual cause is a `replicas` change or a rename',
    'that the list did not follow (statefulset-semantics §5.2).',
    '',
    'Read per family, from `env`, `command`, `args` and the ConfigMaps the pods mount or read: ZooKeeper',
    '`server.N=` lines, `ZOO_SERVERS`, `ZOOKEEPER_SERVERS`, `start-zookeeper --servers`; etcd',
    '`--initial-cluster` / `ETCD_INITIAL_CLUSTER`; Elasticsearch/OpenSearch `cluster.initial_master_nodes` /',
    '`cluster.initial_cluster_manager_nodes`, and `discovery.seed_hosts` (seed hosts may be fewer: only names',
    'of this StatefulSet\'s pods outside its ordinals are reported); Kafka `controller.quorum.voters` /',
    '`KAFKA_CONTROLLER_QUORUM_VOTERS`; Consul `-bootstrap-expect` (a count); Cassandra/Scylla seeds (may be',
    'fewer, like seed hosts). A list built by a script from the ordinal range, or holding a variable or',
    'template expression, is not read. Entries shaped like the pods of another StatefulSet',
    '(`<other>-<i>.<otherService>`) are members of a second StatefulSet of the same cluster (a split',
    'ensemble): only this StatefulSet\'s members are then counted, and a list that names only other',
    'StatefulSets\' pods (brokers pointing at their controllers) is theirs to judge.',
    '',
    'Reported at the list\'s value, or at `spec.replicas` with the ConfigMap entry as related location when',
    'the list is in a ConfigMap. StatefulSets managed by an operator (§5.4) are skipped.',
  ].join('\n'),
  remediation: 'Make the peer list name exactly the pods <name>-<ordinal>.<serviceName> for every ordinal, or build it from spec.replicas in the start-up script.',
  messages: {
    countMismatch: '{{setting}} lists {{listed}} members for {{replicas}} replicas, so the quorum size is wrong',
    countSettingMismatch: '{{setting}} is {{listed}} for {{replicas}} replicas, so the cluster forms at the wrong size',
    outsideOrdinals: 'Peer "{{member}}" is outside the ordinals {{first}} to {{last}}, so it is never found',
    notAPod: 'Peer "{{member}}" is no pod of this StatefulSet, so it is never found',
    wrongService: 'Peer "{{member}}" is not under the governing Service, so it is never found',
  },
  examples: { good: 'valid/zookeeper-servers-match-replicas.yaml', bad: 'invalid/zookeeper-five-servers-three-replicas.yaml' },
  references: [
    'https://kubernetes.io/docs/tutorials/stateful-application/zookeeper/#facilitating-leader-election',
    'https://etcd.io/docs/latest/op-guide/clustering/#static',
    'https://www.elastic.co/guide/en/elasticsearch/reference/current/important-settings.html#initial_master_nodes',
  ],
  check({ object, document, index, report }) {
    const replicas = ordinalCount(object);
    const start = ordinalStart(object);
    const name = asString(asRecord(object.metadata).name);
    if (replicas === undefined || replicas === 0 || start === undefined || !name) return;
    const { quorum, operatorManaged, configMaps } = findClustering(index, document);
    if (!quorum || operatorManaged) return;
    const serviceName = asString(asRecord(object.spec).serviceName) || undefined;
    const pods: Pods = { name, serviceName, start, replicas };
    const plain: PlainRecord[] = configMaps.found.map((configMap) => configMap.object);
    for (const list of readPeerLists(quorum.family.id, object, plain)) {
      if (list.kind !== 'count' && list.hosts && serviceName === undefined) continue;
      const verdict = judge(list, pods);
      if (!verdict) continue;
      // What the pods are called, beside a member that names none of them.
      const naming: RelatedReport[] =
        verdict.messageId === 'notAPod'
          ? [{ document, path: ['metadata', 'name'], message: `the pods are named "${name}-<ordinal>"` }]
          : verdict.messageId === 'wrongService'
            ? [{ document, path: ['spec', 'serviceName'], message: `the pods are found under "<pod>.${serviceName ?? ''}"` }]
            : [];
      if (list.source.in === 'pod-template') {
        report({ ...verdict, path: list.source.path, related: naming });
      } else {
        const configMap = configMaps.found[list.source.configMap]!;
        const related: RelatedReport[] = [{ document: configMap, path: ['data', list.source.key], message: `${list.setting} is set here` }, ...naming];
        report({ ...verdict, path: ['spec', 'replicas'], related });
      }
    }
  },
});
