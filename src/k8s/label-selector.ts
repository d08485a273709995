import { asArray, isRecord, scalarString } from './plain-value.js';

/** Outcome of matching a selector against a label set. */
export interface SelectorMatch {
  matches: boolean;
  /** Set when the selector itself is malformed (unknown operator, `values` misuse). */
  invalid?: string;
  /** The first requirement the labels fail, spelled as in `kubectl get -l`: `app=web`, `tier in (db)`. */
  failed?: string;
}

/**
 * Matches a `metav1.LabelSelector` (`matchLabels` and `matchExpressions`) against pod labels,
 * with the API's semantics (k8s.io/apimachinery `LabelSelectorAsSelector`):
 * every `matchLabels` pair must be present; `In` needs the key with a listed value; `NotIn` needs
 * the key absent or with an unlisted value; `Exists` and `DoesNotExist` test the key. `In` and
 * `NotIn` need a non-empty `values`; `Exists` and `DoesNotExist` must have none. A selector with no
 * requirements matches everything (callers decide whether an empty selector is allowed).
 *
 * Label values that are numbers or booleans are compared as their spelling. Never throws.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */
export function matchLabelSelector(selector: unknown, labels: unknown): SelectorMatch {
  if (!isRecord(selector)) return { matches: false, invalid: 'selector is not a mapping' };
  const podLabels = labelMap(labels);
  const matchLabels = selector.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null && !isRecord(matchLabels)) {
    return { matches: false, invalid: 'matchLabels is not a mapping' };
  }
  let failed: string | undefined;
  for (const [key, value] of Object.entries(matchLabels ?? {})) {
    const text = scalarString(value);
    if (text === undefined) return { matches: false, invalid: `matchLabels "${key}" is not a string` };
    if (podLabels.get(key) !== text) failed ??= `${key}=${text}`;
  }
  const matchExpressions = selector.matchExpressions;
  if (matchExpressions !== undefined && matchExpressions !== null && !Array.isArray(matchExpressions)) {
    return { matches: false, invalid: 'matchExpressions is not a list' };
  }
  for (const expression of asArray(matchExpressions)) {
    const result = matchExpression(expression, podLabels);
    if (result.invalid) return result;
    if (!result.matches) failed ??= result.failed;
  }
  return failed === undefined ? { matches: true } : { matches: false, failed };
}

/** True when the selector has no `matchLabels` entries and no `matchExpressions` (absent or an empty list). */
export function isEmptyLabelSelector(selector: unknown): boolean {
  if (!isRecord(selector)) return true;
  const matchLabels = isRecord(selector.matchLabels) ? Object.keys(selector.matchLabels) : [];
  const expressions = selector.matchExpressions;
  const noExpressions = expressions === undefined || expressions === null || (Array.isArray(expressions) && expressions.length === 0);
  return matchLabels.length === 0 && noExpressions;
}

/**
 * Matches a Service's `spec.selector` (a plain label map) against pod labels: every pair must be
 * present. An absent or empty map selects nothing: such a Service has no managed endpoints
 * (core/v1 ServiceSpec.selector).
 */
export function matchServiceSelector(selector: unknown, labels: unknown): boolean {
  if (!isRecord(selector)) return false;
  const entries = Object.entries(selector);
  if (entries.length === 0) return false;
  const podLabels = labelMap(labels);
  return entries.every(([key, value]) => scalarString(value) !== undefined && podLabels.get(key) === scalarString(value));
}

function matchExpression(expression: unknown, labels: Map<string, string>): SelectorMatch {
  if (!isRecord(expression) || typeof expression.key !== 'string') {
    return { matches: false, invalid: 'a matchExpressions entry has no key' };
  }
  const { key, operator } = expression;
  const values = asArray(expression.values).map(scalarString);
  if (values.includes(undefined)) return { matches: false, invalid: `a value of key "${key}" is not a string` };
  const has = labels.has(key);
  switch (operator) {
    case 'In':
    case 'NotIn': {
      if (values.length === 0) return { matches: false, invalid: `operator "${operator}" needs values (key "${key}")` };
      const listed = has && values.includes(labels.get(key));
      const matches = operator === 'In' ? listed : !listed;
      return matches ? { matches } : { matches, failed: `${key} ${operator.toLowerCase()} (${values.join(', ')})` };
    }
    case 'Exists':
    case 'DoesNotExist': {
      if (values.length > 0) return { matches: false, invalid: `operator "${operator}" takes no values (key "${key}")` };
      const matches = operator === 'Exists' ? has : !has;
      return matches ? { matches } : { matches, failed: operator === 'Exists' ? key : `!${key}` };
    }
    default:
      return { matches: false, invalid: `unknown operator "${String(operator)}" (key "${key}")` };
  }
}

function labelMap(labels: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (!isRecord(labels)) return map;
  for (const [key, value] of Object.entries(labels)) {
    const text = scalarString(value);
    if (text !== undefined) map.set(key, text);
  }
  return map;
}

/**
 * A `metav1.LabelSelector` spelled as `kubectl get -l` takes it: `app=db,tier in (primary)`,
 * `matchLabels` first, then `matchExpressions` (`key in (a,b)`, `key notin (a)`, `key`, `!key`).
 * `undefined` when the selector is not a mapping or an entry cannot be spelled (a malformed
 * expression). An empty selector is `''`.
 */
export function formatLabelSelector(selector: unknown): string | undefined {
  if (!isRecord(selector)) return undefined;
  const parts: string[] = [];
  const matchLabels = selector.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null && !isRecord(matchLabels)) return undefined;
  for (const [key, value] of Object.entries(matchLabels ?? {})) {
    const text = scalarString(value);
    if (text === undefined) return undefined;
    parts.push(`${key}=${text}`);
  }
  for (const expression of asArray(selector.matchExpressions)) {
    if (!isRecord(expression) || typeof expression.key !== 'string') return undefined;
    const values = asArray(expression.values).map(scalarString);
    if (values.includes(undefined)) return undefined;
    const { key, operator } = expression;
    if (operator === 'In' || operator === 'NotIn') parts.push(`${key} ${operator.toLowerCase()} (${values.join(',')})`);
    else if (operator === 'Exists') parts.push(key);
    else if (operator === 'DoesNotExist') parts.push(`!${key}`);
    else return undefined;
  }
  return parts.join(',');
}
