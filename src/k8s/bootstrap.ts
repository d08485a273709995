/**
 * The one bootstrap detector: what a StatefulSet's pods show about how its replicas become one
 * cluster, read once and judged by several rules. `replication-bootstrap-missing` asks whether any
 * bootstrap is there (core-rules; statefulset-semantics §5.2–5.4); the lifecycle rules ask whether
 * it is *ordinal bootstrap*, the kind that relies on ordered start (lifecycle-rules, "Shared terms";
 * statefulset-semantics §4.1–4.3, §5.1–5.2).
 */
import { GENERIC_REPLICATION_INDICATORS } from './data-store-families.js';
import type { DataStoreFamily } from './data-store-family.js';
import type { PlainRecord } from './plain-value.js';
import {
  ordinalDerivationFound,
  podReferencesIn,
  replicationEvidence,
  replicationGroupsMissing,
  replicationIndicatorFound,
  type PodReference,
  type ReplicationEvidence,
} from './replication.js';
import { asRecord, asString } from './plain-value.js';

/**
 * The kinds of ordinal bootstrap (lifecycle-rules, "Ordinal bootstrap"; statefulset-semantics
 * §5.1–5.2), each of which assumes that pod N−1 (or pod 0) is up and serving before pod N starts:
 *
 * - `role-from-ordinal`: the ordinal, derived from the pod's name, decides a role (a comparison with
 *   0, such as the tutorial's `if [[ $ordinal -eq 0 ]]`), or the pod's name is compared with
 *   `<name>-0`;
 * - `clone-from-previous`: data is fetched from `<name>-$((ordinal-1)).<serviceName>`;
 * - `waits-for-first`: a loop (`until`, `while`, `wait-for…`) waits for `<name>-0.<serviceName>`;
 * - `points-at-first`: the pods are pointed at `<name>-0.<serviceName>` (a primary, a seed) and at
 *   no other pod by number.
 *
 * Deriving only an identifier from the ordinal (`myid`, `broker.id`) is none of these, and neither
 * is a list of every peer (`<name>-0…`, `<name>-1…`, or MinIO's `<name>-{0...3}`): such a store
 * waits for all its peers, not for the previous one.
 */
export type OrdinalBootstrapKind = 'role-from-ordinal' | 'clone-from-previous' | 'waits-for-first' | 'points-at-first';

/** What a StatefulSet's pods show about bootstrap (see {@link detectBootstrap}). */
export interface Bootstrap {
  /** The evidence read from the pod template and the ConfigMaps its pods mount or read. */
  evidence: ReplicationEvidence;
  /** Whether the pods derive their ordinal from their name, for any purpose (statefulset-semantics §5.2). */
  ordinalDerivation: boolean;
  /** Whether the pods name any pod of the StatefulSet through the governing Service (`<name>-<i>.<serviceName>`). */
  peerReference: boolean;
  /** The kinds of ordinal bootstrap found, in the order of {@link OrdinalBootstrapKind}. */
  ordinal: readonly OrdinalBootstrapKind[];
}

/**
 * Reads the bootstrap a StatefulSet's pods show, from every container and init container
 * (`command`, `args`, `env`, lifecycle hooks) and the ConfigMaps its pods mount or read (plain
 * objects, e.g. from `findMountedConfigMaps`). Names from the manifest are searched as strings:
 * no pattern is built from them.
 */
export function detectBootstrap(statefulSet: PlainRecord, configMaps: readonly PlainRecord[] = []): Bootstrap {
  const evidence = replicationEvidence(statefulSet, configMaps);
  const ordinalDerivation = ordinalDerivationFound(evidence);
  const references = evidence.texts.map((text) => ({ text, references: podReferencesIn(statefulSet, text) }));
  const kinds = new Set<OrdinalBootstrapKind>();
  if ((ordinalDerivation && evidence.texts.some(comparesWithZero)) || evidence.texts.some((text) => comparesPodNameWithFirst(statefulSet, evidence, text))) {
    kinds.add('role-from-ordinal');
  }
  const numbered = new Set(references.flatMap((entry) => entry.references.filter((reference) => /^\d+$/.test(reference.ordinal)).map((reference) => reference.ordinal)));
  for (const { text, references: found } of references) {
    if (found.some((reference) => isPreviousOrdinal(reference, text))) kinds.add('clone-from-previous');
    if (found.some((reference) => reference.ordinal === '0' && inWaitLoop(text, reference))) kinds.add('waits-for-first');
  }
  if (numbered.size === 1 && numbered.has('0')) kinds.add('points-at-first');
  const order: OrdinalBootstrapKind[] = ['role-from-ordinal', 'clone-from-previous', 'waits-for-first', 'points-at-first'];
  return {
    evidence,
    ordinalDerivation,
    peerReference: references.some((entry) => entry.references.length > 0),
    ordinal: order.filter((kind) => kinds.has(kind)),
  };
}

/**
 * True when the bootstrap is what `replication-bootstrap-missing` accepts for the family
 * (core-rules; statefulset-semantics §5.2–5.4):
 *
 * - for families whose `genericBootstrapCounts` is set: ordinal derivation, ordinal bootstrap, the
 *   pods' own names through the governing Service, or a generic variable or clustering helper
 *   (`GENERIC_REPLICATION_INDICATORS`);
 * - otherwise, or when none of those is present: an indicator of every one of the family's groups
 *   (`replicationGroupsMissing` is empty); for MongoDB both a replica set name and an initiator.
 */
export function replicationBootstrapFound(bootstrap: Bootstrap, family: DataStoreFamily): boolean {
  if (family.genericBootstrapCounts) {
    if (bootstrap.ordinalDerivation || bootstrap.peerReference || bootstrap.ordinal.length > 0) return true;
    if (GENERIC_REPLICATION_INDICATORS.indicators.some((indicator) => replicationIndicatorFound(indicator, bootstrap.evidence))) return true;
  }
  return replicationGroupsMissing(family, bootstrap.evidence).length === 0;
}

/**
 * True when any container or init container of the StatefulSet, or a ConfigMap its pods mount or
 * read, shows that the family's replicas are joined into one cluster ({@link detectBootstrap} judged
 * by {@link replicationBootstrapFound}).
 */
export function hasReplicationBootstrap(statefulSet: PlainRecord, family: DataStoreFamily, configMaps: readonly PlainRecord[] = []): boolean {
  return replicationBootstrapFound(detectBootstrap(statefulSet, configMaps), family);
}

/** `x -eq 0`, `x == 0`, `x != "0"`, `[ x = 0 ]`, `=~ -0$`: a comparison with 0 that is not of `$?` or `$#`. */
const ZERO_COMPARISONS = [/(\S+)\s*(?:-eq|-ne|-gt|===|!==|==|!=)\s*\(?["']?0["']?(?![\w.])/g, /(\S+)\s+=\s+["']?0["']?\s*\]/g];

function comparesWithZero(text: string): boolean {
  if (/=~\s*["']?-0\$/.test(text)) return true;
  return ZERO_COMPARISONS.some((pattern) =>
    [...text.matchAll(pattern)].some((match) => !/\$[?#]|\$\{#/.test(match[1]!)),
  );
}

/** Spellings of the pod's name in scripts (see `replication.ts`). */
const POD_NAME_SOURCES = ['hostname', 'HOSTNAME', 'POD_NAME', 'MY_POD_NAME', 'PODNAME', 'HOST_NAME'];

/**
 * True when a text compares the pod's name with pod 0's: `[ "$(hostname)" = "<name>-0" ]`,
 * `[[ $HOSTNAME == *-0 ]]`, `case $POD_NAME in *-0)`.
 */
function comparesPodNameWithFirst(statefulSet: PlainRecord, evidence: ReplicationEvidence, text: string): boolean {
  const sources = [...POD_NAME_SOURCES, ...evidence.podNameEnvNames];
  if (!sources.some((source) => text.includes(source))) return false;
  if (/(?:==?|\bin)\s*["']?\*-0(?=["'\s)\]|;]|$)/m.test(text)) return true;
  if (!/==|!=|\s=\s|-eq|-ne/.test(text)) return false;
  const name = asString(asRecord(statefulSet.metadata).name);
  if (name === undefined || name === '') return false;
  const first = `${name}-0`;
  for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + first.length] ?? '';
    if (!/[\w.-]/.test(before) && !/[\w.-]/.test(after)) return true;
  }
  return false;
}

/**
 * `$((ordinal-1))` as the ordinal, or `$prev` where the text computes something minus 1, unless
 * what is decremented is a loop variable (`for N in $(seq 3); do … <name>-$((N - 1)).<svc> …`: a
 * list of every peer built by a loop, not a clone from the previous pod).
 */
function isPreviousOrdinal(reference: PodReference, text: string): boolean {
  if (reference.ordinal.startsWith('$((')) {
    if (!/-\s*1\s*\)\)$/.test(reference.ordinal)) return false;
    const variable = /^\$\(\(\s*\$?\{?(\w+)/.exec(reference.ordinal)?.[1];
    return variable === undefined || !isLoopVariable(variable, text);
  }
  if (!reference.ordinal.startsWith('$')) return false;
  const computed = /\$\(\(\s*\$?\{?(\w+)\}?\s*-\s*1\s*\)\)|\bexpr\s+\$\{?(\w+)\}?\s+-\s+1\b/.exec(text);
  return computed !== null && !isLoopVariable(computed[1] ?? computed[2]!, text);
}

/** True when the text runs a loop over `variable` (`for N in …`, `for ((N = …`, `for N; do`). Plain string search. */
function isLoopVariable(variable: string, text: string): boolean {
  const compact = text.replace(/[ \t]+/g, ' ');
  return [`for ${variable} in `, `for ${variable};`, `for ((${variable}=`, `for (( ${variable}=`, `for ((${variable} =`, `for (( ${variable} =`].some((loop) => compact.includes(loop));
}

/** True when a loop (`until`, `while`, `wait-for…`) starts on the reference's line or one of the two before it. */
function inWaitLoop(text: string, reference: PodReference): boolean {
  const lineStart = text.lastIndexOf('\n', reference.start - 1) + 1;
  let windowStart = lineStart;
  for (let lines = 0; lines < 2 && windowStart > 0; lines++) windowStart = text.lastIndexOf('\n', windowStart - 2) + 1;
  const lineEnd = text.indexOf('\n', reference.end);
  const window = text.slice(windowStart, lineEnd === -1 ? text.length : lineEnd);
  return /\b(?:until|while)\b|\bwait[-_]?for\b|\bwait-for-it\b/i.test(window);
}
