/**
 * Replication evidence: what a StatefulSet's pods show about joining their replicas into one
 * cluster (statefulset-semantics §5.2–5.4), gathered once and searched for the indicators of the
 * data-store family table (`data-store-families.ts`).
 */
import { asArray, asRecord, asString, isRecord, scalarString, type PlainRecord } from './plain-value.js';
import {
  dataStoreImageRepository,
  dataStoreNameMatches,
  dataStoreRepositoryMatches,
  type DataStoreFamily,
  type ReplicationIndicator,
  type ReplicationIndicatorGroup,
} from './data-store-family.js';
import { podContainers } from './pod-template.js';

/** What a StatefulSet's pods show about replication, gathered once for all indicators. */
export interface ReplicationEvidence {
  /**
   * Texts to search: each `command`/`args` element and the whole command line, `env` entries as
   * `NAME=value`, `lifecycle` exec commands, of every container and init container; then the
   * `data` entries of the given ConfigMaps as `key=value`. Readiness and liveness probes are left
   * out: they check a server, they do not configure it.
   */
  texts: string[];
  /** Names of environment variables that are set (a non-empty `value` or a `valueFrom`), plus the keys of the ConfigMaps. */
  envNames: Set<string>;
  /** Names of environment variables set from the pod's name (`fieldRef` `metadata.name` or the `statefulset.kubernetes.io/pod-name` label). */
  podNameEnvNames: Set<string>;
  /** True when an environment variable comes from the `apps.kubernetes.io/pod-index` label (§5.2). */
  podIndexFromLabel: boolean;
  /** Image repositories of all containers and init containers (`dataStoreImageRepository`). */
  imageRepositories: string[];
}

/**
 * Gathers the evidence of {@link ReplicationEvidence} from a StatefulSet's pod template and the
 * ConfigMaps its pods mount or read (plain objects, e.g. from `findMountedConfigMaps`). Values of
 * any shape are tolerated; non-strings are skipped.
 */
export function replicationEvidence(statefulSet: PlainRecord, configMaps: readonly PlainRecord[] = []): ReplicationEvidence {
  const evidence: ReplicationEvidence = { texts: [], envNames: new Set(), podNameEnvNames: new Set(), podIndexFromLabel: false, imageRepositories: [] };
  for (const { container } of podContainers(statefulSet)) {
    const repository = dataStoreImageRepository(container.image);
    if (repository !== undefined) evidence.imageRepositories.push(repository);
    addCommand(evidence, [...asArray(container.command), ...asArray(container.args)]);
    const lifecycle = asRecord(container.lifecycle);
    for (const hook of [lifecycle.postStart, lifecycle.preStop]) addCommand(evidence, asArray(asRecord(asRecord(hook).exec).command));
    for (const entry of asArray(container.env)) addEnv(evidence, entry);
  }
  for (const configMap of configMaps) {
    for (const [key, value] of Object.entries(asRecord(configMap.data))) {
      evidence.envNames.add(key);
      const text = scalarString(value);
      if (text !== undefined) evidence.texts.push(`${key}=${text}`);
    }
  }
  return evidence;
}

function addCommand(evidence: ReplicationEvidence, argv: readonly unknown[]): void {
  const words = argv.filter((word): word is string => typeof word === 'string');
  if (words.length === 0) return;
  evidence.texts.push(words.join(' '), ...words);
}

function addEnv(evidence: ReplicationEvidence, entry: unknown): void {
  if (!isRecord(entry)) return;
  const name = asString(entry.name);
  if (name === undefined || name === '') return;
  const value = scalarString(entry.value);
  if (value !== undefined && value !== '') {
    evidence.envNames.add(name);
    evidence.texts.push(`${name}=${value}`);
  }
  if (!isRecord(entry.valueFrom)) return;
  evidence.envNames.add(name);
  const fieldPath = asString(asRecord(entry.valueFrom.fieldRef).fieldPath);
  if (fieldPath === undefined) return;
  if (fieldPath === 'metadata.name' || fieldPath.includes('statefulset.kubernetes.io/pod-name')) evidence.podNameEnvNames.add(name);
  if (fieldPath.includes('apps.kubernetes.io/pod-index')) evidence.podIndexFromLabel = true;
}

/**
 * True when the evidence shows the indicator (see {@link ReplicationIndicator} for what each kind
 * is compared with).
 */
export function replicationIndicatorFound(indicator: ReplicationIndicator, evidence: ReplicationEvidence): boolean {
  if ('env' in indicator) return [...evidence.envNames].some((name) => dataStoreNameMatches(name, indicator.env));
  if ('text' in indicator) return evidence.texts.some((text) => indicator.text.test(text));
  if ('image' in indicator) return evidence.imageRepositories.some((repository) => dataStoreRepositoryMatches(repository, indicator.image));
  return evidence.podNameEnvNames.has(indicator.podNameEnv);
}

/**
 * The family's indicator groups of which the evidence shows no indicator, in table order. Empty
 * when every group is met. For MongoDB this tells "no replica set name" from "nothing initiates
 * the replica set" (core-rules replication-bootstrap-missing).
 */
export function replicationGroupsMissing(family: DataStoreFamily, evidence: ReplicationEvidence): ReplicationIndicatorGroup[] {
  return family.replicationIndicators.filter((group) => !group.indicators.some((indicator) => replicationIndicatorFound(indicator, evidence)));
}

/** Variables that hold the pod's name in scripts even without a `fieldRef` (the shell's `HOSTNAME`, common spellings). */
const POD_NAME_VARIABLES = ['HOSTNAME', 'HOST_NAME', 'POD_NAME', 'MY_POD_NAME', 'PODNAME'];

/**
 * True when a container, init container or mounted ConfigMap derives the pod's ordinal from its
 * name (statefulset-semantics §5.2): a shell suffix strip `${HOSTNAME##*-}` (also of a variable
 * set from `fieldRef: metadata.name`, e.g. `${POD_NAME##*-}`), a bash regex read through
 * `BASH_REMATCH`, the pod name piped into `awk`/`sed`/`rev`/`cut`/`grep`/`tr` or given to `expr`,
 * `gethostname().rsplit('-', 1)`, or an environment variable from the
 * `apps.kubernetes.io/pod-index` label. App helper scripts that derive it internally
 * (`start-zookeeper`) are family indicators instead (`data-store-families.ts`).
 */
export function ordinalDerivationFound(evidence: ReplicationEvidence): boolean {
  if (evidence.podIndexFromLabel) return true;
  // Variable names come from the manifest: only identifiers of a sane length, and a bounded number of
  // them, go into the patterns (they need no escaping).
  const names = [...new Set([...POD_NAME_VARIABLES, ...evidence.podNameEnvNames])]
    .filter((name) => name.length <= 64 && /^[A-Za-z_]\w*$/.test(name))
    .slice(0, 32)
    .join('|');
  const variable = `\\$(?:\\{(?:${names})\\}|(?:${names})\\b)`;
  const podName = `(?:\\bhostname\\b|${variable})`;
  const patterns = [
    new RegExp(`\\$\\{(?:${names})(?:##?[^}]*-|:\\s*-\\d+|//[^}]*)\\}`),
    /\bBASH_REMATCH\b/,
    new RegExp(`${podName}[^\\n|]*\\|\\s*(?:awk|sed|rev|cut|grep|tr)\\b`),
    new RegExp(`\\b(?:awk|sed|cut|grep)\\b[^\\n]*<<<\\s*["']?(?:\\$\\(hostname\\)|${variable})`),
    new RegExp(`\\bexpr\\b[^\\n]*(?:\\$\\(hostname\\)|${variable})`),
    /gethostname\(\)[^\n]*\.r?split\(/,
  ];
  return evidence.texts.some((text) => patterns.some((pattern) => pattern.test(text)));
}

/**
 * True when the evidence names the StatefulSet's own pods through the governing Service, as
 * replicas pointed at the primary or peer lists do (statefulset-semantics §5.2): `<name>-0.<serviceName>`,
 * `<name>-$((ordinal-1)).<serviceName>`, `<name>-$i.<serviceName>`, MinIO's
 * `<name>-{0...3}.<serviceName>`. Without `spec.serviceName`, any `<name>-<digits>.<label>`
 * counts. A StatefulSet without a name (a kustomize patch) has no peer names.
 */
export function replicationPeerReferenceFound(statefulSet: PlainRecord, evidence: ReplicationEvidence): boolean {
  return evidence.texts.some((text) => podReferencesIn(statefulSet, text).length > 0);
}

/**
 * One place where a text names a pod of the StatefulSet through its governing Service:
 * `<name>-<ordinal>.<serviceName>`. `ordinal` is the text written for the ordinal: digits (`0`),
 * or with a `serviceName` also `$((ordinal-1))`, `$i`, `${i}` or `{0...3}`.
 */
export interface PodReference {
  ordinal: string;
  /** Offset of `<name>` in the text. */
  start: number;
  /** Offset just after `<serviceName>` (after the `.` and the next character without one). */
  end: number;
}

/**
 * The places where `text` names a pod of the StatefulSet as `<name>-<ordinal>.<serviceName>`
 * (not preceded by a word character or `-`, and `<serviceName>` not followed by one), in order,
 * found by string search: no pattern is built from the names, which come from the manifest and
 * may be of any length. Without `spec.serviceName`, only digits followed by `.` and a lower-case
 * letter or digit count. Empty for a StatefulSet without a name (a kustomize patch).
 */
export function podReferencesIn(statefulSet: PlainRecord, text: string): PodReference[] {
  const name = asString(asRecord(statefulSet.metadata).name);
  if (name === undefined || name === '') return [];
  const serviceName = asString(asRecord(statefulSet.spec).serviceName) || undefined;
  const references: PodReference[] = [];
  const prefix = `${name}-`;
  for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + 1)) {
    if (at > 0 && WORD_OR_DASH.test(text[at - 1]!)) continue;
    const ordinalStart = at + prefix.length;
    for (const end of ordinalEnds(text, ordinalStart, serviceName !== undefined)) {
      if (text[end] !== '.') continue;
      const service = end + 1;
      if (serviceName === undefined) {
        if (!/[a-z0-9]/.test(text[service] ?? '')) continue;
        references.push({ ordinal: text.slice(ordinalStart, end), start: at, end: service + 1 });
        break;
      }
      if (text.startsWith(serviceName, service) && !WORD_OR_DASH.test(text[service + serviceName.length] ?? '')) {
        references.push({ ordinal: text.slice(ordinalStart, end), start: at, end: service + serviceName.length });
        break;
      }
    }
  }
  return references;
}

const WORD_OR_DASH = /[\w-]/;
const DIGIT = /\d/;
const WORD = /\w/;

/** Where an ordinal written at `start` may end: digits, and with `variables` also `$((…))`, `$var`, `${var}`, `{…}`. */
function ordinalEnds(text: string, start: number, variables: boolean): number[] {
  const ends: number[] = [];
  let digits = start;
  while (DIGIT.test(text[digits] ?? '')) digits++;
  if (digits > start) ends.push(digits);
  if (!variables) return ends;
  if (text.startsWith('$((', start)) {
    const close = text.indexOf(')', start + 3);
    if (close !== -1 && text[close + 1] === ')') ends.push(close + 2);
  }
  if (text[start] === '$') {
    let word = text[start + 1] === '{' ? start + 2 : start + 1;
    const first = word;
    while (WORD.test(text[word] ?? '')) word++;
    if (word > first) ends.push(text[word] === '}' ? word + 1 : word);
  }
  if (text[start] === '{') {
    const close = text.indexOf('}', start + 1);
    if (close !== -1) ends.push(close + 1);
  }
  return ends;
}
