import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, RULES } from '../../rules/index.js';
import { lintSources } from '../../src/engine/lint.js';
import { defineRule, type Rule } from '../../src/engine/rule.js';
import type { FormatInput } from '../../src/formatters/format-input.js';
import { formatSarif } from '../../src/formatters/sarif.js';
import { readInputs } from '../../src/parser/read-inputs.js';
import { FIXTURES, ROOT } from '../support/fixtures.js';
import { assertGithubAcceptable, assertSchemaValid, type SarifLog } from './assert-valid-sarif.js';
import { sampleInput } from './sample-input.js';

const CORPUS = path.resolve(ROOT, '../shared/corpus');

/** A rule that always throws, so the engine produces a real `internal-error` finding. */
const THROWING_RULE: Rule = defineRule({
  ...RULES.get('yaml-syntax')!,
  id: 'always-throws',
  kinds: ['StatefulSet'],
  check() {
    throw new Error('boom\nsecond line');
  },
});

async function lintToSarif(operands: string[], baseDirectory: string, rules: readonly Rule[] = ALL_RULES): Promise<SarifLog> {
  const { files, errors } = await readInputs(operands, { cwd: ROOT });
  expect(errors).toEqual([]);
  const input: FormatInput = {
    results: lintSources(files, { rules }),
    rules: new Map(rules.map((rule) => [rule.id, rule])),
    baseDirectory,
    version: '0.1.0',
    color: false,
  };
  return JSON.parse(formatSarif(input));
}

describe('sarif: the sample run', () => {
  const output = formatSarif(sampleInput());
  const log = JSON.parse(output) as SarifLog;
  const run = log.runs[0];
  const resultsOf = (uri: string) => run.results.filter((result: SarifLog) => result.locations[0].physicalLocation.artifactLocation.uri === uri);

  it('matches the expected file', async () => {
    await expect(output).toMatchFileSnapshot('./expected/sample.sarif.json');
  });

  it('is valid SARIF 2.1.0 (ajv-draft-04 and jsonschema 1.5.0)', () => {
    assertSchemaValid(log);
  });

  it('meets GitHub code scanning requirements (files outside the base are checked below)', () => {
    const inside = structuredClone(log);
    inside.runs[0].results = inside.runs[0].results.filter((result: SarifLog) => !result.locations[0].physicalLocation.artifactLocation.uri.startsWith('file:'));
    assertGithubAcceptable(inside, { relativeUris: true });
  });

  it('describes the tool, every given rule sorted by id, then internal-error because a finding uses it', () => {
    const driver = run.tool.driver;
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect([driver.name, driver.version, driver.semanticVersion, driver.informationUri]).toEqual(['stslint', '0.1.0', '0.1.0', 'https://github.com/stslint/stslint']);
    expect(driver.rules.map((rule: SarifLog) => rule.id)).toEqual([
      'governing-service-not-found', 'governing-service-not-headless', 'pod-management-policy-missing',
      'replication-bootstrap-missing', 'yaml-syntax', 'internal-error',
    ]);
    expect(run.automationDetails).toEqual({ id: 'stslint/' });
    const policy = driver.rules[2];
    expect(policy).toEqual({
      id: 'pod-management-policy-missing',
      name: 'PodManagementPolicyMissing',
      shortDescription: { text: 'spec.podManagementPolicy is set' },
      fullDescription: { text: 'Ordering should be a deliberate choice; see the docs.' },
      help: {
        text: 'Set spec.podManagementPolicy.',
        markdown: 'Set spec.podManagementPolicy.\n\nOrdering should be a **deliberate** choice; see [the docs](https://kubernetes.io/).\n\n[Documentation of pod-management-policy-missing](https://github.com/stslint/stslint/blob/main/docs/rules/pod-management-policy-missing.md)',
      },
      helpUri: 'https://github.com/stslint/stslint/blob/main/docs/rules/pod-management-policy-missing.md',
      defaultConfiguration: { level: 'note' },
      properties: { tags: ['kubernetes', 'statefulset'], precision: 'high', 'problem.severity': 'recommendation' },
    });
    expect(driver.rules[4].fullDescription.text).toBe('A document that cannot be parsed is rejected by kubectl apply.');
    expect(driver.rules[5]).toMatchObject({ name: 'InternalError', defaultConfiguration: { level: 'error' } });
  });

  it('lists internal-error only when a finding uses it, even if the rules given include it', () => {
    const input = sampleInput();
    const withoutInternal = { ...input, results: input.results.filter((result) => result.file.path !== '/elsewhere/other.yaml') };
    const ids = JSON.parse(formatSarif(withoutInternal)).runs[0].tool.driver.rules.map((rule: SarifLog) => rule.id);
    expect(ids).not.toContain('internal-error');
    expect(ids).toHaveLength(5);
  });

  it('gives GitHub line hashes, explicit levels and messages ending with a period', () => {
    const [policy, service, bootstrap] = resultsOf('deploy/db.yaml');
    expect(policy.partialFingerprints).toEqual({ primaryLocationLineHash: '53a0ba170c1fc155:1' });
    expect(service.partialFingerprints).toEqual({ primaryLocationLineHash: 'f90f4d5520c62c86:1' });
    expect([policy.level, service.level, bootstrap.level]).toEqual(['note', 'error', 'warning']);
    expect(service.message.text).toBe('StatefulSet "db" names governing Service "db", which is not in the input.');
    expect(service.locations[0].physicalLocation.region).toEqual({ startLine: 6, startColumn: 16, endLine: 6, endColumn: 18 });
    // Already a sentence: no second period.
    expect(resultsOf('stdin')[0].message.text).toBe('StatefulSet "db" runs 3 replicas without a bootstrap.');
  });

  it('percent-encodes paths, numbers related locations and keeps their text', () => {
    const [result] = resultsOf('deploy/my%20app.yaml');
    expect(result.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'deploy/my%20app.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 14, endLine: 7, endColumn: 23 } },
        message: { text: 'clusterIP is set here' },
      },
      {
        id: 2,
        physicalLocation: { artifactLocation: { uri: 'deploy/db.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 9, endLine: 4, endColumn: 11 } },
        message: { text: 'another StatefulSet' },
      },
    ]);
  });

  it('uses a file:// URI outside the base directory and "stdin" for unnamed standard input', () => {
    expect(resultsOf('file:///elsewhere/other.yaml')[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/other.yaml' });
    expect(resultsOf('stdin')[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'stdin', uriBaseId: '%SRCROOT%' });
  });

  it('reports fatal and internal-error findings as failed execution with notifications', () => {
    expect(run.invocations).toHaveLength(1);
    const [invocation] = run.invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        descriptor: { id: 'yaml-syntax' },
        message: { text: 'YAML syntax error: Flow map must end with a }.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'deploy/broken.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 8, endLine: 4, endColumn: 1 } } }],
      },
      {
        level: 'error',
        descriptor: { id: 'internal-error' },
        message: { text: 'Rule "governing-service-not-found" failed on StatefulSet "": boom.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///elsewhere/other.yaml' }, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 5 } } }],
      },
    ]);
    // Both are results too, so that they show up in code scanning.
    expect(run.results.filter((result: SarifLog) => result.ruleId === 'yaml-syntax')).toHaveLength(2);
  });

  it('the validators are not vacuous: they reject what GitHub would reject', () => {
    const badLevel = structuredClone(log);
    badLevel.runs[0].results[0].level = 'fatal';
    expect(() => assertSchemaValid(badLevel)).toThrow();
    const unencoded = structuredClone(log);
    unencoded.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'deploy/my app.yaml';
    expect(() => assertSchemaValid(unencoded)).toThrow(/uri-reference/);
    const wrongIndex = structuredClone(log);
    wrongIndex.runs[0].results[0].ruleIndex = 0;
    expect(() => assertGithubAcceptable(wrongIndex, { relativeUris: false })).toThrow();
  });

  it('succeeds with an empty results array when nothing is found', () => {
    const empty = JSON.parse(formatSarif({ ...sampleInput(), results: [] }));
    expect(empty.runs[0].results).toEqual([]);
    expect(empty.runs[0].invocations).toEqual([{ executionSuccessful: true }]);
    expect(empty.runs[0].tool.driver.rules).toHaveLength(5);
    assertSchemaValid(empty);
    assertGithubAcceptable(empty, { relativeUris: true });
  });
});

describe('sarif: real lint output', () => {
  it('rule fixtures, with a rule that throws (repo-relative URIs)', async () => {
    const log = await lintToSarif(
      [path.join(FIXTURES, 'yaml-syntax/invalid'), path.join(FIXTURES, 'pod-selector-mismatch/invalid')],
      ROOT,
      [...ALL_RULES, THROWING_RULE],
    );
    assertSchemaValid(log);
    assertGithubAcceptable(log, { relativeUris: true });
    const run = log.runs[0];
    const ruleIds = new Set(run.results.map((result: SarifLog) => result.ruleId));
    expect(ruleIds).toContain('yaml-syntax');
    expect(ruleIds).toContain('pod-selector-mismatch');
    expect(ruleIds).toContain('internal-error');
    expect(run.tool.driver.rules.at(-1).id).toBe('internal-error');
    expect(run.invocations[0].executionSuccessful).toBe(false);
    const notified = run.invocations[0].toolExecutionNotifications.map((notification: SarifLog) => notification.descriptor.id);
    expect(notified).toContain('yaml-syntax');
    expect(notified).toContain('internal-error');
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^fixtures\//);
  });

  it('corpus folders, relative to the corpus root', async () => {
    const log = await lintToSarif([path.join(CORPUS, 'Azure-Samples__aks-store-demo'), path.join(CORPUS, 'kubernetes__examples')], CORPUS);
    assertSchemaValid(log);
    assertGithubAcceptable(log, { relativeUris: true });
    expect(log.runs[0].tool.driver.rules.map((rule: SarifLog) => rule.id)).toEqual([...RULES.keys()]);
  });

  it('corpus files outside the base directory get valid file:// URIs', async () => {
    const log = await lintToSarif([path.join(CORPUS, 'Azure-Samples__aks-store-demo')], ROOT);
    assertSchemaValid(log);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    for (const result of log.runs[0].results) {
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/\//);
    }
  });
});
