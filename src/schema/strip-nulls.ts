import { isRecord, setOwn } from '../k8s/plain-value.js';

/**
 * A copy of a manifest value without its null-valued mapping keys, at any depth: Kubernetes
 * decodes `annotations:` (null) as "not set", so the schema check must see it absent (a required
 * field that is null is then reported as missing). List items are kept, null or not, so that
 * indices stay those of the source. The input is not modified.
 */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child !== null) setOwn(copy, key, stripNulls(child));
  }
  return copy;
}
