/**
 * Peer lists: the members a quorum store is told to form its cluster with, read per family from
 * the pod template and the ConfigMaps its pods mount or read (lifecycle-rules `peer-count-mismatch`;
 * statefulset-semantics §5.2–5.3), and how their entries relate to the pods the StatefulSet creates.
 *
 * Values are split and compared as strings: no pattern is built from manifest values.
 */
import { asArray, asRecord, asString, isRecord, scalarString, type PlainRecord } from './plain-value.js';
import { podContainers } from './pod-template.js';

/** Where a peer list was read. */
export type PeerListSource =
  /** A container's `env[].value`, `command[]` or `args[]` element: `path` is its node path from the StatefulSet root. */
  | { in: 'pod-template'; path: (string | number)[] }
  /** An entry of a ConfigMap's `data`: `configMap` is its position in the list given to {@link readPeerLists}. */
  | { in: 'config-map'; configMap: number; key: string };

/**
 * A peer list as configured:
 *
 * - `members` lists every member (ZooKeeper servers, etcd's initial cluster, Elasticsearch's initial
 *   master nodes, Kafka's controller voters): its count must equal `replicas`;
 * - `seeds` lists some members to join through (Cassandra seeds, Elasticsearch seed hosts): it may
 *   be shorter, but the pods it names must exist;
 * - `count` gives a number of members (Consul's `-bootstrap-expect`, `start-zookeeper --servers`).
 *
 * Entries are host names (`zk-0.zk-hs:2888` → `zk-0.zk-hs`) when `hosts`, or node names
 * (Elasticsearch's `node.name`, the pod name) when not.
 */
export type PeerList =
  | { kind: 'members' | 'seeds'; setting: string; source: PeerListSource; entries: readonly string[]; hosts: boolean }
  | { kind: 'count'; setting: string; source: PeerListSource; count: number };

/** A text a setting can be read from, with where it is. */
interface SettingText {
  /** The variable or ConfigMap key that holds the text, if any. */
  name: string | undefined;
  text: string;
  source: PeerListSource;
  /** For an option and its value given as two elements (`--initial-cluster`, `<value>`): the option; only it is read from this text. */
  option?: string;
}

/** Reads a family's peer lists from the texts of a StatefulSet. */
type PeerListReader = (texts: readonly SettingText[]) => PeerList[];

/**
 * The peer lists of a StatefulSet of the family `familyId` (`data-store-families.ts` ids), from the
 * `env` values, `command` and `args` elements of its containers and init containers and the `data`
 * of the given ConfigMaps (plain objects, e.g. from `findMountedConfigMaps`), in that order. A list
 * with an entry the rule cannot read (a shell variable, a template expression, a brace range) is
 * left out: a list built by a loop over the ordinals is not a fixed list. Families without a reader
 * give none.
 *
 * Read: ZooKeeper `server.N=` lines, `ZOO_SERVERS`, `ZOOKEEPER_SERVERS`, `ZK_ENSEMBLE`, and the
 * counts `start-zookeeper --servers` and `ZK_REPLICAS`; etcd `--initial-cluster` /
 * `ETCD_INITIAL_CLUSTER` / `initial-cluster:`; Elasticsearch/OpenSearch
 * `cluster.initial_master_nodes` / `cluster.initial_cluster_manager_nodes` (members) and
 * `discovery.seed_hosts` / `discovery.zen.ping.unicast.hosts` (seeds); Kafka
 * `controller.quorum.voters` / `KAFKA_CONTROLLER_QUORUM_VOTERS` / `KAFKA_CFG_CONTROLLER_QUORUM_VOTERS`;
 * Consul `-bootstrap-expect` / `bootstrap_expect`; Cassandra/Scylla `CASSANDRA_SEEDS`, `--seeds`,
 * `seeds:` of `cassandra.yaml`.
 */
export function readPeerLists(familyId: string, statefulSet: PlainRecord, configMaps: readonly PlainRecord[] = []): PeerList[] {
  const reader = PEER_LIST_READERS[familyId];
  return reader ? reader(settingTexts(statefulSet, configMaps)) : [];
}

function settingTexts(statefulSet: PlainRecord, configMaps: readonly PlainRecord[]): SettingText[] {
  const texts: SettingText[] = [];
  for (const { container, path } of podContainers(statefulSet)) {
    asArray(container.env).forEach((entry, position) => {
      const value = isRecord(entry) ? scalarString(entry.value) : undefined;
      if (value !== undefined && value !== '') texts.push({ name: asString(asRecord(entry).name), text: value, source: { in: 'pod-template', path: [...path, 'env', position, 'value'] } });
    });
    for (const field of ['command', 'args'] as const) {
      const elements = asArray(container[field]);
      elements.forEach((element, position) => {
        if (typeof element !== 'string') return;
        texts.push({ name: undefined, text: element, source: { in: 'pod-template', path: [...path, field, position] } });
        // `--initial-cluster`, `<value>` as two elements: read as one, located at the value.
        const next = elements[position + 1];
        if (/^-{1,2}[\w.-]+$/.test(element) && typeof next === 'string') {
          texts.push({ name: undefined, text: `${element} ${next}`, source: { in: 'pod-template', path: [...path, field, position + 1] }, option: element });
        }
      });
    }
  }
  configMaps.forEach((configMap, position) => {
    for (const [key, value] of Object.entries(asRecord(configMap.data))) {
      const text = scalarString(value);
      if (text !== undefined && text !== '') texts.push({ name: key, text, source: { in: 'config-map', configMap: position, key } });
    }
  });
  return texts;
}

/** Characters that make an entry unreadable: variables, template expressions, brace ranges, globs. */
const UNREADABLE = /[$`{}*<>()]/;

/** Splits a list value at commas, semicolons and white space, dropping quotes and brackets. */
function splitEntries(value: string, separators = /[,;\s]+/): string[] {
  return value
    .replace(/^\s*\[|\]\s*$/g, '')
    .split(separators)
    .map((entry) => entry.trim().replace(/^["']|["']$/g, ''))
    .filter((entry) => entry !== '');
}

/** The host of an entry: without `scheme://`, `id@`, `name=`, port or path (`1@kafka-0.kafka:9093` → `kafka-0.kafka`). */
export function peerEntryHost(entry: string): string {
  let host = entry;
  const scheme = host.indexOf('://');
  if (scheme !== -1) host = host.slice(scheme + 3);
  const at = host.lastIndexOf('@');
  if (at !== -1) host = host.slice(at + 1);
  const cut = host.search(/[:/]/);
  return cut === -1 ? host : host.slice(0, cut);
}

/** A list when every entry is readable; `undefined` (not a fixed list) otherwise. */
function readable(entries: string[]): string[] | undefined {
  return entries.length > 0 && !entries.some((entry) => UNREADABLE.test(entry)) ? entries : undefined;
}

/** Each `key=value` or `key value` (also `--key`, `-Ekey`) in a text, values up to the end of the word or line. */
function optionValues(text: string, key: string, options: { spaceSeparated?: boolean } = {}): string[] {
  const values: string[] = [];
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) {
    const before = text[at - 1] ?? '';
    if (/[\w.]/.test(before) && !(before === 'E' && text[at - 2] === '-')) continue;
    let rest = text.slice(at + key.length);
    const separator = /^["']?\s*[=:]\s*|^\s+/.exec(rest);
    if (!separator || (!options.spaceSeparated && /^\s+$/.test(separator[0]))) continue;
    rest = rest.slice(separator[0].length);
    const value = /^\[[^\]\n]*\]|^"[^"\n]*"|^'[^'\n]*'|^[^\s]+/.exec(rest);
    if (value) values.push(value[0]);
  }
  return values;
}

/** YAML `key:` followed by a block list on the next lines (`- es-0`). */
function blockListAfter(text: string, key: string): string[] | undefined {
  const lines = text.split('\n');
  const line = lines.findIndex((entry) => entry.trim() === `${key}:`);
  if (line === -1) return undefined;
  const items: string[] = [];
  for (const next of lines.slice(line + 1)) {
    const item = /^\s*-\s+(.*)$/.exec(next);
    if (!item) break;
    items.push(item[1]!.trim().replace(/^["']|["']$/g, ''));
  }
  return items.length > 0 ? items : undefined;
}

/** Texts that set a variable or ConfigMap key of one of these names. */
function named(texts: readonly SettingText[], names: readonly string[]): SettingText[] {
  return texts.filter((text) => text.name !== undefined && names.includes(text.name));
}

/** Reads `--option=value` / `option=value` / `option: value` lists from every text, and a variable of the same meaning. */
function listReader(kind: 'members' | 'seeds', hosts: boolean, options: readonly string[], variables: readonly string[]): PeerListReader {
  return (texts) => {
    const lists: PeerList[] = [];
    for (const text of texts) {
      if (text.name !== undefined && variables.includes(text.name)) {
        const entries = readable(splitEntries(text.text));
        if (entries) lists.push({ kind, setting: text.name, source: text.source, entries, hosts });
        continue;
      }
      for (const option of options) {
        if (text.option !== undefined && text.option !== option) continue;
        const values = [...optionValues(text.text, option, { spaceSeparated: option.startsWith('-') }), ...(blockListAfter(text.text, option) ?? [])];
        if (values.length === 0) continue;
        const entries = readable(values.flatMap((value) => splitEntries(value)));
        if (entries) lists.push({ kind, setting: option, source: text.source, entries, hosts });
        break;
      }
    }
    return lists;
  };
}

/** A count given as `option=N`, `option N` or `option: N`, or a variable. */
function countReader(options: readonly string[], variables: readonly string[]): PeerListReader {
  return (texts) => {
    const lists: PeerList[] = [];
    for (const text of texts) {
      const candidates = text.name !== undefined && variables.includes(text.name)
        ? [{ setting: text.name, value: text.text.trim() }]
        : options.filter((option) => text.option === undefined || text.option === option).flatMap((option) => optionValues(text.text, option, { spaceSeparated: true }).map((value) => ({ setting: option, value })));
      const found = candidates.find(({ value }) => /^["']?\d+["']?,?$/.test(value));
      if (found) lists.push({ kind: 'count', setting: found.setting, source: text.source, count: Number(found.value.replace(/\D/g, '')) });
    }
    return lists;
  };
}

/** ZooKeeper `server.N=host:2888:3888[:role][;2181]` lines, all of one text forming one list. */
const readZooKeeperServerLines: PeerListReader = (texts) => {
  const lists: PeerList[] = [];
  for (const text of texts) {
    if (text.option !== undefined) continue;
    const matches = [...text.text.matchAll(/(?<![\w.])server\.(\d+)\s*=\s*([^\s;]+)/g)];
    if (matches.length === 0) continue;
    const entries = readable(matches.map((match) => match[2]!));
    const setting = text.name === 'ZOO_SERVERS' ? 'ZOO_SERVERS' : 'server.N';
    if (entries) lists.push({ kind: 'members', setting, source: text.source, entries, hosts: true });
  }
  return lists;
};

/** `ZOO_SERVERS` in Bitnami's form (`zk-0.zk:2888:3888::1,…`) and Confluent's `ZOOKEEPER_SERVERS` (`host:2888:3888;…`). */
const readZooKeeperServerVariables: PeerListReader = (texts) =>
  named(texts, ['ZOO_SERVERS', 'ZOOKEEPER_SERVERS', 'ZK_ENSEMBLE'])
    .filter((text) => !/(?<![\w.])server\.\d+\s*=/.test(text.text))
    .flatMap((text) => {
      const entries = readable(splitEntries(text.text));
      return entries ? [{ kind: 'members' as const, setting: text.name!, source: text.source, entries, hosts: text.name !== 'ZK_ENSEMBLE' }] : [];
    });

/** The peer-list readers of each family of `data-store-families.ts` that has peer lists. */
const PEER_LIST_READERS: Readonly<Record<string, PeerListReader>> = {
  // §5.3 ZooKeeper; the official image's ZOO_SERVERS (server.N=…), Bitnami's and Confluent's lists;
  // the tutorial image's start-zookeeper --servers and k8szk's ZK_REPLICAS / ZK_ENSEMBLE.
  zookeeper: (texts) => [
    ...readZooKeeperServerLines(texts),
    ...readZooKeeperServerVariables(texts),
    ...countReader(['--servers'], ['ZK_REPLICAS'])(texts),
  ],
  // §5.3 etcd: --initial-cluster name=url,… (also the config file's initial-cluster:).
  etcd: listReader('members', true, ['--initial-cluster', 'initial-cluster'], ['ETCD_INITIAL_CLUSTER']),
  // §5.3 Elasticsearch/OpenSearch: initial master nodes are every master-eligible node; seed hosts may be fewer.
  elasticsearch: (texts) => [
    ...listReader('members', false, ['cluster.initial_master_nodes', 'cluster.initial_cluster_manager_nodes'], ['cluster.initial_master_nodes', 'cluster.initial_cluster_manager_nodes'])(texts),
    ...listReader('seeds', true, ['discovery.seed_hosts', 'discovery.zen.ping.unicast.hosts'], ['discovery.seed_hosts', 'discovery.zen.ping.unicast.hosts'])(texts),
  ],
  // §5.3 Kafka KRaft: controller.quorum.voters id@host:port,….
  kafka: listReader('members', true, ['controller.quorum.voters'], ['KAFKA_CONTROLLER_QUORUM_VOTERS', 'KAFKA_CFG_CONTROLLER_QUORUM_VOTERS']),
  // §5.3 Consul: -bootstrap-expect=N (also the config file's bootstrap_expect).
  consul: countReader(['-bootstrap-expect', '--bootstrap-expect', 'bootstrap_expect'], []),
  // §5.1/§5.3 Cassandra/Scylla seeds.
  cassandra: listReader('seeds', true, ['--seeds', 'seeds'], ['CASSANDRA_SEEDS']),
};

/**
 * How a peer-list entry relates to the StatefulSet's pods (`<name>-<i>.<serviceName>`, or
 * `<name>-<i>` for node names):
 *
 * - `pod`: one of its pods, `ordinal` given, whether or not the ordinal is in range;
 * - `wrong-service`: `<name>-<i>` under another domain than `<serviceName>` (or none, for a host);
 * - `other-stateful-set`: shaped like a pod of another StatefulSet (`<other>-<i>.<otherService>`,
 *   or `<other>-<i>` for node names): a member of a second StatefulSet of the same cluster;
 * - `foreign`: anything else (an IP address, a Service, a pod of another name under this Service).
 */
export type PeerEntryMatch =
  | { kind: 'pod'; ordinal: number }
  | { kind: 'wrong-service'; ordinal: number }
  | { kind: 'other-stateful-set' }
  | { kind: 'foreign' };

/** Judges one entry (see {@link PeerEntryMatch}); `hosts` says whether entries are host names. */
export function matchPeerEntry(entry: string, hosts: boolean, name: string, serviceName: string | undefined): PeerEntryMatch {
  const host = hosts ? peerEntryHost(entry) : entry;
  const dot = host.indexOf('.');
  const podPart = dot === -1 ? host : host.slice(0, dot);
  const domain = dot === -1 ? '' : host.slice(dot + 1);
  const dash = podPart.lastIndexOf('-');
  const ordinalText = dash === -1 ? '' : podPart.slice(dash + 1);
  const isOrdinal = ordinalText === '0' || /^[1-9]\d{0,8}$/.test(ordinalText);
  if (!isOrdinal) return { kind: 'foreign' };
  const setName = podPart.slice(0, dash);
  const firstLabel = domain.split('.')[0] ?? '';
  if (setName !== name) {
    if (!hosts) return { kind: 'other-stateful-set' };
    return firstLabel !== '' && firstLabel !== serviceName ? { kind: 'other-stateful-set' } : { kind: 'foreign' };
  }
  const ordinal = Number(ordinalText);
  if (!hosts) return dot === -1 ? { kind: 'pod', ordinal } : { kind: 'foreign' };
  return serviceName !== undefined && firstLabel === serviceName ? { kind: 'pod', ordinal } : { kind: 'wrong-service', ordinal };
}
