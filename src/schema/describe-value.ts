/**
 * A manifest value in words, for messages: `the string "3"`, `the number 2.5`, `the boolean true`,
 * `a list`, `a mapping`, `null`. Long strings are cut at 40 characters.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'null';
  return 'a mapping';
}
