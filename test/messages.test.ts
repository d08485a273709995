import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WHEN } from '../rules/persistent-volume-claim-retention-deletes-data.js';
import { NAME_FORMAT_WORDS } from '../rules/schema-violation.js';
import { REASON_WORDS } from '../rules/volatile-immutable-labels.js';
import { REPORTING_RULES } from '../rules/index.js';
import { interpolate, MESSAGE_MAX_LENGTH } from '../src/engine/interpolate.js';
import { DATA_STORE_FAMILIES } from '../src/k8s/data-store-families.js';
import { describeFieldValue } from '../src/k8s/stateful-set-update.js';
import { NODE_LOCAL_PROVISIONERS } from '../src/k8s/storage.js';
import { apiVersions } from '../src/schema/generated/validators.js';
import { QUANTITY_WORDS, TYPE_WORDS } from '../src/schema/describe-schema-error.js';
import { REMOVED_API_VERSIONS } from '../src/schema/removed-api-version.js';
import { ROOT } from './support/fixtures.js';

const CORPUS_SNAPSHOTS = path.join(ROOT, 'test/corpus-snapshots');


/**
 * Every message is one sentence of at most 120 characters once filled in (style guide §3; issue 13).
 *
 * The check fills each template with the longest value each placeholder can take. A value echoed
 * from a manifest (a name, a key, an image, a field path, a parser's message) counts as 40
 * characters: that is the length this test guarantees the engine keeps whole in every message
 * (`interpolate` cuts a longer value, with a middle ellipsis, only as far as the 120-character limit
 * needs, and the full value stays at the finding's position). Values a rule computes from a closed
 * set count at their real longest, taken from the tables the rules use; numbers count as 10 digits.
 */
const ECHOED = 40;
const NUMBER = 10;

const longest = (values: Iterable<string | undefined>) => Math.max(0, ...[...values].map((value) => value?.length ?? 0));

/** Longest value per placeholder, where it is known to be shorter than an echoed value. */
const WORST_CASE: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  '*': {
    replicas: NUMBER,
    length: NUMBER,
    limit: NUMBER,
    ordinal: NUMBER,
    // Counts, ordinals and partitions (peer-count-mismatch, rolling-update-partition-stalls).
    listed: NUMBER,
    first: NUMBER,
    last: NUMBER,
    partition: NUMBER,
    start: NUMBER,
    boundary: NUMBER,
    dataStore: longest(DATA_STORE_FAMILIES.map((family) => family.displayName)),
  },
  'api-version-removed': {
    // From the table of removed versions (`neverServed`: a kind with a schema, at its served version).
    kind: longest([...REMOVED_API_VERSIONS.flatMap((row) => row[2].split(' ')), ...Object.keys(apiVersions)]),
    removedIn: longest(REMOVED_API_VERSIONS.map((row) => row[1])),
    replacement: longest([...REMOVED_API_VERSIONS.map((row) => row[3]), ...Object.values(apiVersions)]),
  },
  'api-version-removed.removed': { apiVersion: longest(REMOVED_API_VERSIONS.map((row) => row[0])) },
  'api-version-removed.removedWithoutReplacement': {
    apiVersion: longest(REMOVED_API_VERSIONS.filter((row) => row[3] === undefined).map((row) => row[0])),
    kind: longest(REMOVED_API_VERSIONS.filter((row) => row[3] === undefined).flatMap((row) => row[2].split(' '))),
  },
  'api-version-removed.neverServed': { kind: longest(Object.keys(apiVersions)), replacement: longest(Object.values(apiVersions)) },
  // The old value, in backquotes, as describeFieldValue cuts it (or "unset").
  'immutable-field-changed': { before: describeFieldValue('x'.repeat(ECHOED * 2)).length + 2 },
  'node-local-storage.className': {
    storageClass: longest(NODE_LOCAL_PROVISIONERS.flatMap((known) => known.defaultClassNames)),
    product: longest(NODE_LOCAL_PROVISIONERS.map((known) => known.product)),
  },
  'persistent-volume-claim-retention-deletes-data': { field: longest(Object.keys(WHEN)), when: longest(Object.values(WHEN)) },
  'replication-bootstrap-missing': {
    dataStore: longest(DATA_STORE_FAMILIES.map((family) => family.displayName)),
    setup: longest(DATA_STORE_FAMILIES.map((family) => family.unfinishedSetup?.description)),
  },
  'schema-violation': {
    kind: longest(Object.keys(apiVersions)),
    format: longest(Object.values(NAME_FORMAT_WORDS)),
    // One type, two joined by "or" (int-or-string), or a quantity.
    expected: longest([QUANTITY_WORDS, ...Object.values(TYPE_WORDS).flatMap((a) => Object.values(TYPE_WORDS).map((b) => `${a} or ${b}`))]),
  },
  // A boolean or number YAML read from an unquoted scalar, in words: "the number " and a double's digits (at most 24 characters).
  // What a List item is instead of a mapping (parse-documents.ts).
  'schema-violation.notAnObject': { shape: longest(['sequence', 'scalar']) },
  'schema-violation.unquotedScalar': { actual: 'the number '.length + String(-Number.MAX_VALUE).length },
  'volume-claim-templates-missing': { dataStore: longest(DATA_STORE_FAMILIES.map((family) => family.displayName)) },
  'volatile-immutable-labels': { what: longest(Object.values(REASON_WORDS)) },
  'volume-mount-unresolved': { list: longest(['volumeMounts', 'volumeDevices']) },
  'yaml-syntax': { language: longest(['YAML', 'JSON']) },
};

function worstCase(ruleId: string, messageId: string, placeholder: string): number {
  const known = WORST_CASE[`${ruleId}.${messageId}`]?.[placeholder] ?? WORST_CASE[ruleId]?.[placeholder] ?? WORST_CASE['*']![placeholder];
  return Math.min(known ?? ECHOED, ECHOED);
}

const templates = [...REPORTING_RULES.values()].flatMap((rule) =>
  Object.entries(rule.messages as Record<string, string>).map(([messageId, template]) => ({ id: `${rule.id}.${messageId}`, ruleId: rule.id, messageId, template })),
);

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((match) => match[1]!);
}

describe('message templates', () => {
  it.each(templates.map((entry) => [entry.id, entry] as const))('%s fits in 120 characters with worst-case values', (_id, { ruleId, messageId, template }) => {
    const data = Object.fromEntries(placeholders(template).map((name) => [name, 'x'.repeat(worstCase(ruleId, messageId, name))]));
    const filled = interpolate(template, data);
    expect(filled, template).not.toContain('…');
    expect(filled.length, filled).toBeLessThanOrEqual(MESSAGE_MAX_LENGTH);
  });

  it.each(templates.map((entry) => [entry.id, entry] as const))('%s is one sentence without a final period', (_id, { template }) => {
    expect(template).not.toMatch(/[.!]$/);
    expect(template).not.toMatch(/[.!?] +[A-Z]/);
    expect(template).not.toContain('\n');
  });

  it.each(templates.map((entry) => [entry.id, entry] as const))('%s stays within 120 characters whatever the values', (_id, { template }) => {
    const data = Object.fromEntries(placeholders(template).map((name) => [name, `${'long-value-'.repeat(50)}end`]));
    expect(interpolate(template, data).length).toBeLessThanOrEqual(MESSAGE_MAX_LENGTH);
  });
});

describe('messages as printed', () => {
  const outFiles = (folder: string): string[] =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.out'))
      .map((file) => path.join(folder, file));
  const lines = [...outFiles(path.join(ROOT, 'fixtures')), ...outFiles(CORPUS_SNAPSHOTS)].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => ({ file: path.relative(ROOT, file), line })),
  );

  it('are at most 120 characters in every fixture golden and corpus snapshot', () => {
    expect(lines.length).toBeGreaterThan(100);
    const long = lines.flatMap(({ file, line }) => {
      const message = /^.*?:\d+:\d+: (.*) \[[a-z-]+\]$/.exec(line)?.[1];
      return message === undefined || message.length <= MESSAGE_MAX_LENGTH ? [] : [`${file}: ${message.length}: ${message}`];
    });
    expect(long).toEqual([]);
  });
});
