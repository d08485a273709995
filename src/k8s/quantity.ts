/**
 * Resource quantities (`10Gi`, `500m`, `1e3`) as the API server compares them: by value, not by
 * spelling. `apiequality.Semantic.DeepEqual`, which `ValidateStatefulSetUpdate` uses, compares
 * `resource.Quantity` values with `Cmp`, so `1Gi` and `1024Mi` are the same request.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */

/** A quantity as an exact fraction `numerator / denominator` (BigInts, denominator > 0). */
export interface QuantityValue {
  numerator: bigint;
  denominator: bigint;
}

const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:([KMGTPE]i|[numkMGTPE])|[eE]([+-]?\d+))?$/;

/**
 * Parses a quantity as `resource.ParseQuantity` (k8s.io/apimachinery) accepts it: an optional
 * sign, a decimal number, then a binary suffix (`Ki` … `Ei`), a decimal suffix (`n`, `u`, `m`,
 * `k`, `M`, `G`, `T`, `P`, `E`) or an exponent (`e3`). A YAML number (`storage: 10`) is read as its
 * spelling. Returns `undefined` for anything else (`1GB`, `ten`, a list); never throws.
 */
export function parseQuantity(value: unknown): QuantityValue | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const [, sign, number, suffix = '', exponent] = match;
  const [whole = '', fraction = ''] = number!.split('.');
  let numerator = BigInt(`${whole}${fraction}` || '0') * (sign === '-' ? -1n : 1n);
  let denominator = 10n ** BigInt(fraction.length);
  const power10 = exponent !== undefined ? Number(exponent) : (DECIMAL_SUFFIXES[suffix] ?? 0);
  if (Math.abs(power10) > 100) return undefined;
  if (power10 >= 0) numerator *= 10n ** BigInt(power10);
  else denominator *= 10n ** BigInt(-power10);
  const power2 = BINARY_SUFFIXES[suffix];
  if (power2 !== undefined) numerator *= 2n ** BigInt(power2);
  return { numerator, denominator };
}

/**
 * True when both values are quantities of the same value (`1Gi` and `1024Mi`), or, when either is
 * not a quantity, when they are the same scalar.
 */
export function sameQuantity(a: unknown, b: unknown): boolean {
  const left = parseQuantity(a);
  const right = parseQuantity(b);
  if (!left || !right) return a === b;
  return left.numerator * right.denominator === right.numerator * left.denominator;
}
