import { asRecord, type PlainRecord } from '../../parser/plain-value.js';

/**
 * How many ordinals (pods `<name>-0` … `<name>-<n-1>`) the StatefulSet asks for: `spec.replicas`,
 * or 1 when it is absent or null (the API server's default, statefulset-semantics §1.1). Anything
 * that is not a whole number ≥ 0 (a string such as `"3"`, `2.5`, a template placeholder) is
 * rejected by the API server, so the count is unknown: `undefined`, and rules that need it stay
 * quiet.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/stateful-set-v1/#StatefulSetSpec
 */
export function ordinalCount(statefulSet: PlainRecord): number | undefined {
  const replicas = asRecord(statefulSet.spec).replicas;
  if (replicas === undefined || replicas === null) return 1;
  return typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0 ? replicas : undefined;
}
