/**
 * How a pod template asks the scheduler to keep its replicas apart: `podAntiAffinity` terms and
 * `topologySpreadConstraints`, and whether each of them counts the StatefulSet's own pods
 * (statefulset-semantics §2.1, §6 #19).
 *
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/
 */
import { isEmptyLabelSelector, matchLabelSelector } from './label-selector.js';
import { asArray, asRecord, asString, isRecord, type PlainRecord } from './plain-value.js';
import { POD_SPEC_PATH, podSpec } from './pod-template.js';

/** The node label of a node's name: spreading over it keeps replicas on different nodes. */
export const HOSTNAME_TOPOLOGY_KEY = 'kubernetes.io/hostname';

/**
 * Topology keys that keep replicas off a common node: the hostname, and the zone labels (current and
 * deprecated; a zone holds many nodes, so spreading over zones also spreads over nodes).
 *
 * @see https://kubernetes.io/docs/reference/labels-annotations-taints/#topologykubernetesiozone
 */
export const SPREADING_TOPOLOGY_KEYS: ReadonlySet<string> = new Set([HOSTNAME_TOPOLOGY_KEY, 'topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']);

/** Labels the StatefulSet controller adds to each pod, with a value per pod or per revision (§2.1). */
const CONTROLLER_LABELS = ['statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'controller-revision-hash'];

/** One anti-affinity term or topology spread constraint of a pod template. */
export interface SpreadTerm {
  /** Where it comes from: a required or preferred `podAntiAffinity` term, or a `topologySpreadConstraints` entry. */
  source: 'required' | 'preferred' | 'topologySpreadConstraint';
  /** `topologyKey`, when it is a string. */
  topologyKey: string | undefined;
  /** The `labelSelector` as written (`undefined` when absent). */
  labelSelector: unknown;
  /** Node path of the `labelSelector` from the StatefulSet root (where it should be, when absent). */
  selectorPath: (string | number)[];
  /** `namespaces` of an anti-affinity term (empty when absent). */
  namespaces: readonly unknown[];
  /** `namespaceSelector` of an anti-affinity term (`undefined` when absent or null). */
  namespaceSelector: unknown;
}

/**
 * The `podAntiAffinity` terms (required, then preferred) and the `topologySpreadConstraints` of a
 * StatefulSet's pod template, in order. Entries that are not mappings are skipped.
 */
export function spreadTerms(statefulSet: PlainRecord): SpreadTerm[] {
  const spec = podSpec(statefulSet);
  const antiAffinityPath = [...POD_SPEC_PATH, 'affinity', 'podAntiAffinity'];
  const antiAffinity = asRecord(asRecord(spec.affinity).podAntiAffinity);
  const terms: SpreadTerm[] = [];
  asArray(antiAffinity.requiredDuringSchedulingIgnoredDuringExecution).forEach((term, position) => {
    if (isRecord(term)) terms.push(affinityTerm('required', term, [...antiAffinityPath, 'requiredDuringSchedulingIgnoredDuringExecution', position]));
  });
  asArray(antiAffinity.preferredDuringSchedulingIgnoredDuringExecution).forEach((weighted, position) => {
    const term = asRecord(weighted).podAffinityTerm;
    if (isRecord(term)) terms.push(affinityTerm('preferred', term, [...antiAffinityPath, 'preferredDuringSchedulingIgnoredDuringExecution', position, 'podAffinityTerm']));
  });
  asArray(spec.topologySpreadConstraints).forEach((constraint, position) => {
    if (!isRecord(constraint)) return;
    terms.push({
      source: 'topologySpreadConstraint',
      topologyKey: asString(constraint.topologyKey),
      labelSelector: constraint.labelSelector ?? undefined,
      selectorPath: [...POD_SPEC_PATH, 'topologySpreadConstraints', position, 'labelSelector'],
      namespaces: [],
      namespaceSelector: undefined,
    });
  });
  return terms;
}

function affinityTerm(source: 'required' | 'preferred', term: PlainRecord, path: (string | number)[]): SpreadTerm {
  return {
    source,
    topologyKey: asString(term.topologyKey),
    labelSelector: term.labelSelector ?? undefined,
    selectorPath: [...path, 'labelSelector'],
    namespaces: asArray(term.namespaces),
    namespaceSelector: term.namespaceSelector ?? undefined,
  };
}

/**
 * Whether a spread term counts the StatefulSet's own pods:
 *
 * - `matches`: its `labelSelector` selects the pod template's labels, in a set of namespaces that
 *   includes the StatefulSet's;
 * - `no-selector`: it has no `labelSelector`, so it counts no pod (API: "If it's null, this
 *   PodAffinityTerm matches with no Pods");
 * - `mismatch`: its selector fails the template's labels (`failed` is the first requirement that
 *   fails, as `kubectl get -l` spells it);
 * - `elsewhere`: its `namespaces` or `namespaceSelector` point at other namespaces, or at namespaces
 *   whose labels are not known, so the pods it counts are not this StatefulSet's to judge;
 * - `unreadable`: a malformed selector (the schema check reports it), or one on the labels the
 *   controller adds per pod (`statefulset.kubernetes.io/pod-name`, …).
 */
export type SpreadTermMatch =
  | { status: 'matches' }
  | { status: 'no-selector' }
  | { status: 'mismatch'; failed: string }
  | { status: 'elsewhere' }
  | { status: 'unreadable' };

/** Judges a spread term against the pod template's labels and the StatefulSet's namespace (see {@link SpreadTermMatch}). */
export function matchSpreadTerm(term: SpreadTerm, podLabels: unknown, namespace: string): SpreadTermMatch {
  if (!countsOwnNamespace(term, namespace)) return { status: 'elsewhere' };
  if (term.labelSelector === undefined) return { status: 'no-selector' };
  if (!isRecord(term.labelSelector) || mentionsControllerLabels(term.labelSelector)) return { status: 'unreadable' };
  if (isEmptyLabelSelector(term.labelSelector)) return { status: 'matches' };
  const match = matchLabelSelector(term.labelSelector, podLabels);
  if (match.invalid !== undefined) return { status: 'unreadable' };
  return match.matches ? { status: 'matches' } : { status: 'mismatch', failed: match.failed ?? '' };
}

/**
 * True when a term's namespaces include the StatefulSet's: no `namespaces` and no
 * `namespaceSelector` (the pod's own namespace), `namespaces` listing it, or an empty
 * `namespaceSelector` (`{}`: every namespace). A non-empty `namespaceSelector` selects by namespace
 * labels that manifests rarely carry, so it is taken as pointing elsewhere.
 */
function countsOwnNamespace(term: SpreadTerm, namespace: string): boolean {
  if (term.namespaceSelector !== undefined) {
    if (isRecord(term.namespaceSelector) && isEmptyLabelSelector(term.namespaceSelector)) return true;
    if (term.namespaces.length === 0) return false;
  }
  return term.namespaces.length === 0 || term.namespaces.includes(namespace);
}

function mentionsControllerLabels(selector: PlainRecord): boolean {
  const keys = [...Object.keys(asRecord(selector.matchLabels)), ...asArray(selector.matchExpressions).map((expression) => asRecord(expression).key)];
  return keys.some((key) => typeof key === 'string' && CONTROLLER_LABELS.includes(key));
}
