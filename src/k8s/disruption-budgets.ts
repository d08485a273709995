/**
 * PodDisruptionBudgets as a StatefulSet's pods see them: which pods a budget selects and how many
 * of them it lets an eviction take (statefulset-semantics §4; policy/v1 PodDisruptionBudgetSpec).
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/disruptions/#pod-disruption-budgets
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/
 */
import { isEmptyLabelSelector, matchLabelSelector } from './label-selector.js';
import { asRecord, isRecord, type PlainRecord } from './plain-value.js';

/**
 * True when a PodDisruptionBudget's `spec.selector` selects pods with these labels, with the API's
 * semantics (`matchLabelSelector`): in `policy/v1` an empty selector (`{}`) selects every pod of
 * the namespace and an absent or null one selects none; in `policy/v1beta1` an empty selector
 * selected none. A malformed selector selects nothing (the schema check reports it).
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/pod-disruption-budget-v1/
 */
export function budgetSelectsPods(budget: PlainRecord, podLabels: unknown): boolean {
  const selector = asRecord(budget.spec).selector;
  if (!isRecord(selector)) return false;
  if (isEmptyLabelSelector(selector)) return budget.apiVersion === 'policy/v1';
  const match = matchLabelSelector(selector, podLabels);
  return match.matches && match.invalid === undefined;
}

/** Why a budget allows no voluntary disruption of a StatefulSet's pods. */
export interface BlockingBudget {
  /** The field that blocks: `maxUnavailable` or `minAvailable`. */
  field: 'maxUnavailable' | 'minAvailable';
  /** Its value as written (`0`, `"0%"`, `3`, `"100%"`). */
  value: string;
  /** How many pods must stay available, by the budget's reckoning (`replicas` when `maxUnavailable` is 0). */
  required: number;
}

/**
 * How a budget blocks every eviction of a StatefulSet's `replicas` pods, or `undefined` when it
 * lets at least one go: `maxUnavailable: 0` or `"0%"`; or `minAvailable` of at least `replicas`, as
 * a number or as a percentage of `replicas` rounded up, as the disruption controller computes it
 * (`"100%"`, or `"67%"` of 3). Nothing blocks a StatefulSet of 0 pods; values the API server
 * rejects (negative numbers, strings that are not percentages) are left to the schema check.
 *
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/#rounding-logic-when-specifying-percentages
 */
export function blockingBudget(budget: PlainRecord, replicas: number): BlockingBudget | undefined {
  if (replicas <= 0) return undefined;
  const spec = asRecord(budget.spec);
  const maxUnavailable = scaled(spec.maxUnavailable, replicas);
  if (maxUnavailable === 0) return { field: 'maxUnavailable', value: String(spec.maxUnavailable), required: replicas };
  const minAvailable = scaled(spec.minAvailable, replicas);
  if (minAvailable !== undefined && minAvailable >= replicas) return { field: 'minAvailable', value: String(spec.minAvailable), required: minAvailable };
  return undefined;
}

/** An IntOrString as a number of pods: a whole number as it is, `"N%"` of `replicas` rounded up. */
function scaled(value: unknown, replicas: number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const percent = /^(\d{1,3})%$/.exec(value);
  return percent ? Math.ceil((Number(percent[1]) * replicas) / 100) : undefined;
}
