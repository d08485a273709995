/**
 * Type guards for reading manifest values whose shape is not trusted: any field of a user's
 * manifest may be a string, a number, a list, a map or null, whatever the API says.
 */

/** A YAML mapping as a plain object. */
export type PlainRecord = Record<string, unknown>;

/** True for a plain mapping (not null, not a list). */
export function isRecord(value: unknown): value is PlainRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a mapping, else an empty object. */
export function asRecord(value: unknown): PlainRecord {
  return isRecord(value) ? value : {};
}

/** The value when it is a list, else an empty list. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value when it is a string, else `undefined`. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * A scalar as the API server would compare it in a string field: strings as they are, numbers and
 * booleans spelled out (YAML `version: 1` is the string `"1"` to a reader of the manifest, though the
 * API server rejects it; the schema check reports that). Anything else gives `undefined`.
 */
export function scalarString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Follows a path of mapping keys and list indices; `undefined` as soon as a step is missing. */
export function fieldAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isRecord(current) || !Object.hasOwn(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

/**
 * Sets `object[key]` as an own data property, whatever the key: an assignment with the key
 * `__proto__` would replace the object's prototype instead, letting a manifest's key reach into
 * the object model. Objects built from manifest keys are filled with this (or with
 * `Object.fromEntries` and spreads, which define properties too).
 */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}
