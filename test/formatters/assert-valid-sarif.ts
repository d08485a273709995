import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { Validator } from 'jsonschema';
import { expect } from 'vitest';
import { ROOT } from '../support/fixtures.js';

/**
 * Validation of SARIF logs as integrations.md §2.4 recommends: the OASIS errata01 schema (draft-04)
 * kept in the shared folder, checked by hash, compiled with ajv-draft-04 + ajv-formats, and also
 * run through jsonschema 1.5.0 (what github/codeql-action `upload-sarif` uses), plus the GitHub
 * requirements the schema cannot see.
 */

/** Where the schema is; never copied into the project. */
export const SARIF_SCHEMA_PATH = path.resolve(ROOT, '../shared/schemas/sarif-schema-2.1.0.json');
const SCHEMA_SHA256 = 'c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e';

if (!existsSync(SARIF_SCHEMA_PATH)) {
  throw new Error(`SARIF schema not found at ${SARIF_SCHEMA_PATH}: the SARIF tests cannot run without it`);
}
const raw = readFileSync(SARIF_SCHEMA_PATH);
const digest = createHash('sha256').update(raw).digest('hex');
if (digest !== SCHEMA_SHA256) throw new Error(`unexpected SARIF schema copy at ${SARIF_SCHEMA_PATH} (sha256 ${digest})`);
const schema = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;

// CommonJS packages: under NodeNext the default import is `module.exports`, whose `default` is the
// class/plugin; a bundler-style interop may hand over the class itself.
type Ajv04Class = typeof Ajv04Module.default;
type AddFormats = typeof addFormatsModule.default;
const Ajv04: Ajv04Class = (Ajv04Module as { default?: Ajv04Class }).default ?? (Ajv04Module as unknown as Ajv04Class);
const addFormats: AddFormats = (addFormatsModule as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);
const ajv = new Ajv04({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** A parsed SARIF log, loosely typed for assertions. */
export type SarifLog = any;

/** Fails unless the log is valid for ajv (draft-04 + formats) and for jsonschema 1.5.0. */
export function assertSchemaValid(log: SarifLog): void {
  const valid = validate(log);
  expect(valid, ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
  // upload-sarif treats uri/uri-reference format failures as warnings only; everything else fails.
  const errors = new Validator()
    .validate(log, schema)
    .errors.filter((error) => !(error.name === 'format' && ['uri', 'uri-reference'].includes(String(error.argument))));
  expect(errors.map((error) => error.stack)).toEqual([]);
}

/** GitHub code scanning's own requirements (integrations.md §1.2, §1.8, §2.4). */
export function assertGithubAcceptable(log: SarifLog, options: { relativeUris: boolean }): void {
  expect(log.$schema).toMatch(/^https:\/\//);
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  for (const run of log.runs) {
    expect(Array.isArray(run.results)).toBe(true);
    expect(run.results.length).toBeLessThanOrEqual(25_000);
    expect(run.columnKind).toBe('utf16CodeUnits');
    const rules = run.tool.driver.rules as SarifLog[];
    expect(Array.isArray(rules)).toBe(true);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    for (const rule of rules) {
      for (const text of [rule.id, rule.shortDescription?.text, rule.fullDescription?.text, rule.help?.text]) {
        expect(typeof text === 'string' && text.trim() !== '', `empty text in rule ${rule.id}`).toBe(true);
      }
      expect(rule.name.length).toBeLessThanOrEqual(255);
      expect(rule.shortDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.properties.tags.length).toBeLessThanOrEqual(20);
      expect(['error', 'warning', 'recommendation']).toContain(rule.properties['problem.severity']);
      expect(rule.properties).not.toHaveProperty('security-severity');
    }
    const suppressed = run.results.filter((result: SarifLog) => 'suppressions' in result).length;
    expect([0, run.results.length]).toContain(suppressed);
    for (const result of run.results) {
      expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(result.message.text).toMatch(/\.$/);
      expect(result.locations.length).toBeGreaterThanOrEqual(1);
      expect(result.partialFingerprints?.primaryLocationLineHash).toMatch(/^[0-9a-f]{1,16}:\d+$/);
      const locations = [...result.locations, ...(result.relatedLocations ?? [])];
      for (const { physicalLocation } of locations) {
        const { region, artifactLocation } = physicalLocation;
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) expect(region[key]).toBeGreaterThanOrEqual(1);
        if (options.relativeUris) {
          expect(artifactLocation.uri).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/|\\|(^|\/)\.\.(\/|$)/i);
          expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
        }
      }
    }
  }
  expect(Buffer.byteLength(JSON.stringify(log))).toBeLessThan(10 * 1024 * 1024);
}
