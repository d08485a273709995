/**
 * A StatefulSet's identity and the spec fields that decide it: how many ordinals it asks for,
 * where they start, and the pod names and claim names it creates (statefulset-semantics §0, §1.1,
 * §3.1). The limits those names must fit are in `names.ts`.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/stateful-set-v1/#StatefulSetSpec
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#pod-identity
 */
import { asArray, asRecord, asString, isRecord, type PlainRecord } from './plain-value.js';

/**
 * How many ordinals (pods `<name>-<start>` … `<name>-<start+n-1>`) the StatefulSet asks for:
 * `spec.replicas`, or 1 when it is absent or null (the API server's default, statefulset-semantics
 * §1.1). Anything that is not a whole number ≥ 0 (a string such as `"3"`, `2.5`, a template
 * placeholder) is rejected by the API server, so the count is unknown: `undefined`, and rules that
 * need it stay quiet.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/stateful-set-v1/#StatefulSetSpec
 */
export function ordinalCount(statefulSet: PlainRecord): number | undefined {
  const replicas = asRecord(statefulSet.spec).replicas;
  if (replicas === undefined || replicas === null) return 1;
  return typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0 ? replicas : undefined;
}

/**
 * The first ordinal: `spec.ordinals.start`, or 0 when `ordinals` or `start` is absent or null
 * (statefulset-semantics §1.1, GA in 1.31). `undefined` for a value the API server rejects
 * (negative, not a whole number).
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#start-ordinal
 */
export function ordinalStart(statefulSet: PlainRecord): number | undefined {
  const start = asRecord(asRecord(statefulSet.spec).ordinals).start;
  if (start === undefined || start === null) return 0;
  return typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : undefined;
}

/**
 * The highest ordinal the controller creates, `start + replicas - 1`; `undefined` when the
 * StatefulSet asks for no pod (`replicas: 0`) or either number is unknown.
 */
export function highestOrdinal(statefulSet: PlainRecord): number | undefined {
  const count = ordinalCount(statefulSet);
  const start = ordinalStart(statefulSet);
  if (count === undefined || start === undefined || count === 0) return undefined;
  return start + count - 1;
}

/** The name of the pod of an ordinal: `<statefulSet>-<ordinal>`, decimal without padding (§0). */
export function podName(statefulSetName: string, ordinal: number): string {
  return `${statefulSetName}-${ordinal}`;
}

/**
 * True when `claimName` is the name the controller gives the claim of `claimTemplateName` for some
 * ordinal of `statefulSetName`: `<claimTemplate>-<statefulSet>-<ordinal>`, the ordinal written in
 * decimal without leading zeros (statefulset-semantics §3.1). Plain string comparison: no pattern
 * is built from the names.
 */
export function isClaimNameOf(claimName: string, claimTemplateName: string, statefulSetName: string): boolean {
  const prefix = `${claimTemplateName}-${statefulSetName}-`;
  if (!claimName.startsWith(prefix)) return false;
  const ordinal = claimName.slice(prefix.length);
  return ordinal === '0' || /^[1-9][0-9]*$/.test(ordinal);
}

/** One entry of `spec.volumeClaimTemplates` that is a mapping, with where it sits. */
export interface ClaimTemplate {
  claimTemplate: PlainRecord;
  /** `metadata.name` when it is a string, else `undefined`. */
  name: string | undefined;
  /** Position in `spec.volumeClaimTemplates`. */
  position: number;
  /** Node path from the StatefulSet root, e.g. `['spec', 'volumeClaimTemplates', 0]`. */
  path: (string | number)[];
}

/** The claim templates of a StatefulSet, in order; entries that are not mappings are skipped. */
export function claimTemplates(statefulSet: PlainRecord): ClaimTemplate[] {
  const result: ClaimTemplate[] = [];
  asArray(asRecord(statefulSet.spec).volumeClaimTemplates).forEach((claimTemplate, position) => {
    if (!isRecord(claimTemplate)) return;
    const name = asString(asRecord(claimTemplate.metadata).name);
    result.push({ claimTemplate, name, position, path: ['spec', 'volumeClaimTemplates', position] });
  });
  return result;
}

/**
 * `spec.podManagementPolicy`: `OrderedReady` when absent or null (the API server's default,
 * statefulset-semantics §4.2), else the value when it is a string (`Parallel`; any other value is
 * `schema-violation`'s), else `undefined`.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#pod-management-policies
 */
export function podManagementPolicy(statefulSet: PlainRecord): string | undefined {
  const policy = asRecord(statefulSet.spec).podManagementPolicy;
  if (policy === undefined || policy === null) return 'OrderedReady';
  return asString(policy);
}
