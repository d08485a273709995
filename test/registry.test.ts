import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, RULES } from '../rules/index.js';
import { ruleDocsPages } from '../scripts/rule-docs-pages.js';
import { FIXTURES, lintScenario, ROOT, scenariosOf } from './support/fixtures.js';

// Consistency gates between rule modules, the registry, fixtures and docs (ESLint's checkRuleFiles,
// typescript-eslint's docs.test).
const ruleFiles = readdirSync(path.join(ROOT, 'rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/, ''));

describe('registry', () => {
  it('lists every rules/*.ts module, sorted by id', () => {
    expect([...RULES.keys()]).toEqual([...ruleFiles].sort());
    expect([...RULES.keys()]).toEqual([...RULES.keys()].sort());
  });

  it.each(ruleFiles)('%s: id is kebab-case and equals its file name', async (file) => {
    const module = (await import(`../rules/${file}.ts`)) as { default: { id: string } };
    expect(module.default.id).toBe(file);
    expect(file).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(existsSync(path.join(FIXTURES, file))).toBe(true);
  });
});

describe.each(ALL_RULES.map((rule) => [rule.id, rule] as const))('%s metadata', (id, rule) => {
  it('has a title in sentence case without a final period', () => {
    expect(rule.title).toMatch(/^([A-Z]|spec\.)/);
    expect(rule.title).not.toMatch(/[.!]$/);
  });

  it('has a one-sentence imperative remediation ending with a period', () => {
    expect(rule.remediation).toMatch(/^[A-Z][a-z]+ .*\.$/);
    expect(rule.remediation.slice(0, -1)).not.toMatch(/\.\s+[A-Z]/);
  });

  it('has messages of one sentence without a final period', () => {
    for (const template of Object.values<string>(rule.messages)) {
      expect(template).not.toMatch(/\.$/);
      expect(template.length).toBeGreaterThan(10);
    }
  });

  it('has a rationale, references and a docs URL derived from the id', () => {
    expect(rule.rationale.length).toBeGreaterThan(100);
    expect(rule.references.length).toBeGreaterThan(0);
    for (const url of rule.references) expect(url).toMatch(/^https:\/\//);
    expect(rule.docsUrl.endsWith(`/${id}.md`)).toBe(true);
  });

  it('points its examples at a valid and an invalid fixture that behave as labelled', async () => {
    expect(rule.examples.good).toMatch(/^valid\//);
    expect(rule.examples.bad).toMatch(/^invalid\//);
    const good = await lintScenario({ input: path.join(FIXTURES, id, rule.examples.good) }, [rule]);
    const bad = await lintScenario({ input: path.join(FIXTURES, id, rule.examples.bad) }, [rule]);
    expect(good.flatMap((result) => result.findings)).toEqual([]);
    expect(bad.flatMap((result) => result.findings).length).toBeGreaterThan(0);
  });

  it('produces every messageId from at least one invalid fixture', async () => {
    const produced = new Set<string>();
    for (const scenario of scenariosOf(id).filter((s) => s.kind === 'invalid')) {
      for (const result of await lintScenario(scenario, [rule])) {
        for (const finding of result.findings) produced.add(finding.messageId ?? '');
      }
    }
    expect([...produced].sort()).toEqual(Object.keys(rule.messages).sort());
  });

  it('starts every fixture with a one-sentence comment', () => {
    for (const scenario of scenariosOf(id)) {
      const files = scenario.input.endsWith('.json')
        ? []
        : existsSync(scenario.input) && !/\.(ya?ml)$/.test(scenario.input)
          ? readdirSync(scenario.input).filter((file) => /\.ya?ml$/.test(file)).map((file) => path.join(scenario.input, file))
          : [scenario.input];
      for (const file of files) {
        const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
        expect(text, file).toMatch(/^# [A-Z"`a-z].*\.\r?\n/);
      }
    }
  });
});

describe('generated docs', () => {
  it.each(ruleDocsPages())('%s is up to date (run `npm run gen:docs`)', (file, content) => {
    const onDisk = existsSync(path.join(ROOT, file)) ? readFileSync(path.join(ROOT, file), 'utf8') : '';
    expect(onDisk).toBe(content);
  });

  it('has no stale pages', () => {
    const expected = new Set(ruleDocsPages().map(([file]) => path.basename(file)));
    expect(readdirSync(path.join(ROOT, 'docs', 'rules')).sort()).toEqual([...expected].sort());
  });
});
