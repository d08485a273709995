import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import validateConfig from '../../src/config/generated/validate-config.js';
import { CONFIG_SCHEMA_FILE, CONFIG_VALIDATOR_JS, configSchemaFiles } from '../../scripts/gen-config-schema.js';
import { ROOT } from '../support/fixtures.js';

const Ajv = AjvModule.default;
const files = configSchemaFiles();
const schema = JSON.parse(readFileSync(path.join(ROOT, CONFIG_SCHEMA_FILE), 'utf8')) as Record<string, unknown>;

type Node = Record<string, unknown>;

/** Every subschema with its JSON Pointer. */
function subschemas(node: unknown, pointer = '#'): [string, Node][] {
  if (typeof node !== 'object' || node === null) return [];
  if (Array.isArray(node)) return node.flatMap((item, index) => subschemas(item, `${pointer}/${index}`));
  const own: [string, Node][] = [[pointer, node as Node]];
  for (const key of ['properties', 'definitions'] as const) {
    for (const [name, child] of Object.entries((node as Node)[key] ?? {})) own.push(...subschemas(child, `${pointer}/${key}/${name}`));
  }
  for (const key of ['items', 'anyOf', 'allOf'] as const) own.push(...subschemas((node as Node)[key], `${pointer}/${key}`));
  return own;
}

describe('generated configuration schema and validator', () => {
  it.each(files)('%s is up to date (run `npx tsx scripts/gen-config-schema.ts`)', (file, content) => {
    const committed = readFileSync(path.join(ROOT, file), 'utf8');
    expect(committed === content, `${file} is stale: run \`npx tsx scripts/gen-config-schema.ts\``).toBe(true);
  });

  it('is a valid draft-07 schema that ajv compiles in strict mode', () => {
    const ajv = new Ajv({ strict: true, strictTuples: false });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('closes every mapping and describes every property', () => {
    const nodes = subschemas(schema);
    const objects = nodes.filter(([, node]) => node.type === 'object');
    expect(objects.length).toBeGreaterThan(3);
    for (const [pointer, node] of objects) expect(node.additionalProperties, pointer).toBe(false);
    const properties = nodes.filter(([pointer]) => /\/properties\/[^/]+$/.test(pointer));
    for (const [pointer, node] of properties) expect(typeof node.description === 'string' && node.description !== '', pointer).toBe(true);
  });

  it('lists every rule id, and only those', () => {
    const properties = schema.properties as Record<string, Node>;
    const rules = properties.rules!.properties as Record<string, Node>;
    expect(Object.keys(rules)).toEqual([...RULES.keys()]);
    const exemption = (properties.exemptions!.items as Node).properties as Record<string, Node>;
    expect(exemption.rule!.enum).toEqual([...RULES.keys()]);
  });

  it('compiles to import-free code', () => {
    const code = files.find(([file]) => file === CONFIG_VALIDATOR_JS)![1];
    expect(code).not.toMatch(/\brequire\(|^\s*import\s/m);
  });

  const samples: [string, unknown, boolean][] = [
    ['empty', {}, true],
    ['full', { namespace: 'prod', files: ['a/**'], ignores: ['b/'], context: ['c/*.yaml'], rules: { 'yaml-syntax': 'off', 'node-local-storage': ['error', {}] }, exemptions: [{ rule: 'yaml-syntax', kind: 'StatefulSet', namespace: 'dev', name: 'kafka-*', reason: 'why', expires: '2027-01-31' }] }, true],
    ['one-item setting', { rules: { 'yaml-syntax': ['warning'] } }, true],
    ['$schema', { $schema: 'https://example.com/s.json' }, true],
    ['unknown key', { rule: {} }, false],
    ['unknown rule', { rules: { nope: 'off' } }, false],
    ['bad severity', { rules: { 'yaml-syntax': 'warn' } }, false],
    ['options not empty', { rules: { 'yaml-syntax': ['error', { a: 1 }] } }, false],
    ['three items', { rules: { 'yaml-syntax': ['error', {}, 1] } }, false],
    ['empty list', { rules: { 'yaml-syntax': [] } }, false],
    ['no reason', { exemptions: [{ rule: 'yaml-syntax' }] }, false],
    ['blank reason', { exemptions: [{ rule: 'yaml-syntax', reason: ' ' }] }, false],
    ['bad date', { exemptions: [{ rule: 'yaml-syntax', reason: 'r', expires: '2027-1-31' }] }, false],
    ['lower-case kind', { exemptions: [{ rule: 'yaml-syntax', reason: 'r', kind: 'statefulset' }] }, false],
    ['namespace too long', { namespace: 'a'.repeat(64) }, false],
    ['namespace of 63', { namespace: 'a'.repeat(63) }, true],
    ['empty glob', { files: [''] }, false],
    ['not a mapping', [], false],
  ];

  it.each(samples)('the precompiled validator agrees with ajv on the committed schema: %s', (_name, value, valid) => {
    const compiled = new Ajv({ strict: true, strictTuples: false, allErrors: true }).compile(schema);
    expect(compiled(value)).toBe(valid);
    expect(validateConfig(value)).toBe(valid);
  });
});
