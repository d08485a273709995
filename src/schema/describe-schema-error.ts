import { dottedPath } from '../engine/finding.js';
import type { ManifestDocument } from '../parser/manifest-document.js';
import { fieldAt } from '../k8s/plain-value.js';
import { allowedFieldNames } from './allowed-field-names.js';
import { closestName } from '../text/closest-name.js';
import { describeValue } from './describe-value.js';
import type { SchemaError } from './generated/validators.js';
import { instancePath } from './instance-path.js';
import { QUANTITY_PATTERN } from './quantity-pattern.js';
import { scalarSource } from './scalar-source.js';
import type { SchemaProblem } from './schema-problem.js';

/** How messages name each JSON Schema type. */
export const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  array: 'a list',
  object: 'a mapping',
};

/** How messages name the type of a quantity field (an integer, a number or a string such as `1Gi`). */
export const QUANTITY_WORDS = 'a quantity such as 1Gi';

/**
 * Turns one ajv error on `object` (the null-stripped object of `document`, of kind `kind`) into a
 * {@link SchemaProblem}: an unknown field with a "did you mean" when a close name exists, a missing
 * required field at its parent's key, a wrong type (with quoting advice when YAML turned an unquoted
 * `yes` or `1.10` into a boolean or number where a string is wanted), an enum with its allowed
 * values, a malformed quantity.
 */
export function describeSchemaError(error: SchemaError, object: unknown, document: ManifestDocument, kind: string): SchemaProblem {
  const path = instancePath(error.instancePath, object);
  const field = dottedPath(path);
  const value = fieldAt(object, path);
  const params = error.params;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const suggestion = closestName(name, allowedFieldNames(kind, path) ?? []);
      const data = { field: name, parent: field === '' ? `the ${kind}` : field };
      if (suggestion === undefined) return { path: [...path, name], target: 'key', messageId: 'unknownField', data };
      return { path: [...path, name], target: 'key', messageId: 'unknownFieldSuggestion', data: { ...data, suggestion } };
    }
    case 'required':
      return { path, target: 'key', messageId: 'required', data: { path: dottedPath([...path, String(params.missingProperty)]) } };
    case 'type':
      return typeProblem(path, value, [params.type].flat().map(String), document);
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((allowedValue) => JSON.stringify(allowedValue)).join(', ');
      return { path, target: 'value', messageId: 'notOneOf', data: { path: field, allowed, actual: actualText(value) } };
    }
    case 'const':
      return { path, target: 'value', messageId: 'notOneOf', data: { path: field, allowed: JSON.stringify(params.allowedValue), actual: actualText(value) } };
    case 'pattern':
      if (params.pattern === QUANTITY_PATTERN) return { path, target: 'value', messageId: 'invalidQuantity', data: { path: field, value: String(value) } };
  }
  // scripts/gen-validators.ts refuses schemas with other keywords or patterns.
  throw new Error(`unexpected schema error "${error.keyword}" at ${error.instancePath}`);
}

function typeProblem(path: SchemaProblem['path'], value: unknown, types: string[], document: ManifestDocument): SchemaProblem {
  const field = dottedPath(path);
  const source = typeof value === 'boolean' || typeof value === 'number' ? scalarSource(document, path) : undefined;
  if (source !== undefined && types.length === 1 && types[0] === 'string') {
    return { path, target: 'value', messageId: 'unquotedScalar', data: { path: field, source, actual: describeValue(value) } };
  }
  const expected =
    types.includes('number') && types.includes('string')
      ? QUANTITY_WORDS
      : types.map((type) => TYPE_WORDS[type] ?? type).join(' or ');
  return { path, target: 'value', messageId: 'wrongType', data: { path: field, expected, actual: describeValue(value) } };
}

/** A value as quoted text when it is a string (`"Ordered"`), else in words (`the number 3`). */
function actualText(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
}
