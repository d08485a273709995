import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ALL_RULES } from '../rules/index.js';
import { lintAndFix } from '../src/engine/apply-fixes.js';
import { lintSources } from '../src/engine/lint.js';
import type { Rule } from '../src/engine/rule.js';
import { applyEdits } from '../src/parser/yaml-edits.js';
import { FIXTURES } from './support/fixtures.js';

// Fixes and suggestions, as files: `fixtures/<rule>/fix/<scenario>.<ext>` is linted with only that
// rule; `<scenario>.fixed.<ext>` is the file after `--fix` (up to 10 passes), and
// `<scenario>.suggestion-<n>.<ext>` the file after the n-th suggestion (findings in order). Goldens
// are byte-exact: everything the edits do not touch must stay as written.

const OUTPUT = /\.(fixed|suggestion-\d+)\.(ya?ml|json)$/;

interface FixScenario {
  rule: Rule;
  name: string;
  input: string;
  extension: string;
}

function fixScenarios(): FixScenario[] {
  return ALL_RULES.flatMap((rule) => {
    const folder = path.join(FIXTURES, rule.id, 'fix');
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((entry) => /\.(ya?ml|json)$/.test(entry) && !OUTPUT.test(entry))
      .sort()
      .map((entry) => ({ rule, name: entry, input: path.join(folder, entry), extension: path.extname(entry) }));
  });
}

/** Comment lines (`# …` after optional spaces, or a trailing `# …`) of a YAML text, in order. */
function comments(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line) => /(?:^|\s)(#.*)$/.exec(line)?.[1] ?? []);
}

function expectParses(text: string, file: string): void {
  if (file.endsWith('.json')) {
    expect(() => JSON.parse(text)).not.toThrow();
    return;
  }
  const documents = parseAllDocuments(text, { version: '1.1' });
  for (const document of Array.isArray(documents) ? documents : []) expect(document.errors.map((error) => error.message)).toEqual([]);
}

describe.each(fixScenarios().map((scenario) => [`${scenario.rule.id} › fix › ${scenario.name}`, scenario] as const))('%s', (_title, scenario) => {
  const text = readFileSync(scenario.input, 'utf8');
  const file = { path: scenario.input, text };
  const findings = lintSources([file], { rules: [scenario.rule] })[0]!.findings;
  const base = scenario.input.slice(0, -scenario.extension.length);

  it('offers a fix or a suggestion', () => {
    expect(findings.some((finding) => finding.fix || finding.suggestions)).toBe(true);
  });

  it('--fix gives the golden file, which parses, keeps every comment and no longer has the fixed findings', async () => {
    const [result] = await lintAndFix([file], { rules: [scenario.rule], jobs: 1 }, () => true);
    const fixed = `${base}.fixed${scenario.extension}`;
    if (!findings.some((finding) => finding.fix)) {
      expect(result!.output).toBeUndefined();
      expect(existsSync(fixed), `${fixed} exists but nothing is fixable`).toBe(false);
      return;
    }
    await expect(result!.output).toMatchFileSnapshot(fixed);
    expectParses(result!.output!, scenario.input);
    expect(comments(result!.output!)).toEqual(comments(text));
    expect(result!.findings.filter((finding) => finding.fix)).toEqual([]);
  });

  const suggestions = findings.flatMap((finding) => finding.suggestions ?? []);
  it.each(suggestions.map((suggestion, i) => [i + 1, suggestion.desc, suggestion] as const))('suggestion %i (%s) gives its golden file', async (n, _desc, suggestion) => {
    const output = applyEdits(text, suggestion.edits);
    await expect(output).toMatchFileSnapshot(`${base}.suggestion-${n}${scenario.extension}`);
    expectParses(output, scenario.input);
    expect(comments(output).filter((comment) => comments(text).includes(comment))).toEqual(comments(text));
  });
});

describe('fix fixtures', () => {
  it('exist for every rule that builds edits', () => {
    const withEdits = ALL_RULES.filter((rule) => /\bfixer\b/.test(readFileSync(path.join(FIXTURES, '..', 'rules', `${rule.id}.ts`), 'utf8')));
    const withFixtures = new Set(fixScenarios().map((scenario) => scenario.rule.id));
    expect(withEdits.map((rule) => rule.id).filter((id) => !withFixtures.has(id))).toEqual([]);
  });
});

describe('fixes on the corpus', async () => {
  const { corpusFolders, readCorpusFolder } = await import('./support/corpus.js');
  const folders = corpusFolders();

  it.each(folders)('%s: every fix applies cleanly and adds no finding', async (folder) => {
    const files = await readCorpusFolder(folder);
    const before = lintSources(files, { rules: ALL_RULES });
    const after = await lintAndFix(files, { rules: ALL_RULES, jobs: 1 }, () => true);
    after.forEach((result, i) => {
      const original = before[i]!;
      if (result.output === undefined) {
        expect(original.findings.filter((finding) => finding.fix)).toEqual([]);
        return;
      }
      expectParses(result.output, result.file.path);
      expect(comments(result.output)).toEqual(comments(original.file.text));
      expect(result.findings.filter((finding) => finding.fix)).toEqual([]);
      const known = new Set(original.findings.map((finding) => `${finding.ruleId} ${finding.message}`));
      const added = result.findings.filter((finding) => !known.has(`${finding.ruleId} ${finding.message}`));
      expect(added.map((finding) => `${finding.range.line}: ${finding.message}`)).toEqual([]);
    });
    for (const result of before) {
      for (const suggestion of result.findings.flatMap((finding) => finding.suggestions ?? [])) {
        const output = applyEdits(result.file.text, suggestion.edits);
        expectParses(output, result.file.path);
        expect(comments(output).filter((comment) => comments(result.file.text).includes(comment))).toEqual(comments(result.file.text));
      }
    }
  });
});
