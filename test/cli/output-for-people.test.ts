import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORTING_RULES } from '../../rules/index.js';
import { DOCS_BASE_URL } from '../../src/engine/docs-url.js';
import type { ListedRule } from '../../src/cli/list-rules.js';
import { assertSchemaValid } from '../formatters/assert-valid-sarif.js';
import { FIXTURES, ROOT } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

// Issue 13: output read at 80 columns, every reporting id listed with its docs, a clean run that says so.
const INVALID = readdirInvalid();
const clean = path.join(FIXTURES, 'governing-service-missing/valid/headless-service-same-file.yaml');

function readdirInvalid(): string[] {
  return [...REPORTING_RULES.keys()].map((id) => path.join(FIXTURES, id, 'invalid')).filter((folder) => existsSync(folder));
}

interface SarifLog {
  runs: [{ tool: { driver: { rules: { id: string; helpUri?: string; help: { text: string; markdown: string }; fullDescription: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number }[] }];
}

describe('stylish on a terminal', () => {
  it('reads cleanly at 80 columns: no line is wider, no word or rule id is broken', async () => {
    const run = await runCli([...INVALID], { stdoutIsTTY: true, stdoutColumns: 80, env: { NO_COLOR: '1' } });
    // Rows are indented; file names (kept whole, so that terminals can open them) are not.
    const lines = run.stdout.split('\n').filter((line) => line.startsWith(' '));
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    // Every rule id that reported appears whole, and the words are those of the unwrapped report.
    const piped = await runCli([...INVALID]);
    const words = (text: string) => text.split(/\s+/).filter(Boolean).sort();
    expect(words(run.stdout)).toEqual(words(piped.stdout));
    expect(piped.stdout.split('\n').some((line) => line.length > 120)).toBe(true);
  });

  it('wraps at 80 columns when the terminal does not say its width', async () => {
    const run = await runCli([...INVALID], { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    const rows = run.stdout.split('\n').filter((line) => line.startsWith(' '));
    expect(Math.max(...rows.map((line) => line.length))).toBeLessThanOrEqual(80);
  });

  it('says a clean run is clean, with file and object counts, on a terminal only unless asked', async () => {
    const tty = await runCli([clean], { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(tty).toMatchObject({ code: 0, stdout: '\u2714 No problems in 1 file, 2 objects\n' });
    expect((await runCli([clean])).stdout).toBe('');
    expect((await runCli([clean, '--summary'])).stdout).toBe('\u2714 No problems in 1 file, 2 objects\n');
    expect((await runCli([clean, '--quiet'], { stdoutIsTTY: true })).stdout).toBe('');
    expect((await runCli([clean, '--no-summary'], { stdoutIsTTY: true })).stdout).toBe('');
    expect((await runCli([clean, '--format', 'compact'], { stdoutIsTTY: true })).stdout).toBe('');
  });
});

describe('--list-rules', () => {
  it('--format json lists every id that can report: id, severity, title, docs URL', async () => {
    const run = await runCli(['--list-rules', '--format', 'json']);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as ListedRule[];
    expect(listed.map((rule) => rule.id)).toEqual([...REPORTING_RULES.keys()]);
    expect(listed.map((rule) => rule.id)).toEqual(expect.arrayContaining(['unused-disable-directive', 'internal-error', 'kustomize-build', 'input-limit', 'yaml-syntax']));
    for (const rule of listed) {
      expect(rule).toEqual({ id: rule.id, severity: REPORTING_RULES.get(rule.id)!.severity, title: REPORTING_RULES.get(rule.id)!.title, docsUrl: `${DOCS_BASE_URL}${rule.id}.md`, configurable: rule.configurable });
      expect(existsSync(path.join(ROOT, 'docs/rules', `${rule.id}.md`)), rule.id).toBe(true);
    }
    expect(listed.filter((rule) => !rule.configurable).map((rule) => rule.id).sort()).toEqual(['input-limit', 'internal-error', 'kustomize-build', 'unused-disable-directive']);
  });

  it('--format sarif describes every id, each with a helpUri, in a valid log without results', async () => {
    const log = JSON.parse((await runCli(['--list-rules', '--format', 'sarif'])).stdout) as SarifLog;
    assertSchemaValid(log);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules.map((rule) => rule.id).sort()).toEqual([...REPORTING_RULES.keys()].sort());
    for (const rule of log.runs[0].tool.driver.rules) expect(rule.helpUri).toBe(`${DOCS_BASE_URL}${rule.id}.md`);
  });

  it('wraps titles on a narrow terminal', async () => {
    const run = await runCli(['--list-rules'], { stdoutIsTTY: true, stdoutColumns: 80 });
    for (const line of run.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });
});

describe('SARIF', () => {
  it('gives every rule a result uses a helpUri, unused-disable-directive included', async () => {
    const repo = path.join(ROOT, 'test/repos/shop');
    const run = await runCli(['--format', 'sarif', '--report-unused-disable-directives', 'web/frontend.yaml', ...INVALID], { cwd: repo });
    const log = JSON.parse(run.stdout) as SarifLog;
    const used = new Set(log.runs[0].results.map((result) => result.ruleId));
    expect(used).toContain('unused-disable-directive');
    expect(used.size).toBeGreaterThanOrEqual(12);
    for (const result of log.runs[0].results) {
      const descriptor = log.runs[0].tool.driver.rules[result.ruleIndex]!;
      expect(descriptor.id).toBe(result.ruleId);
      expect(descriptor.helpUri, result.ruleId).toBe(`${DOCS_BASE_URL}${result.ruleId}.md`);
      // The rationale is the help, in text and Markdown, and the full description.
      expect(descriptor.help.markdown).toContain(REPORTING_RULES.get(result.ruleId)!.remediation);
      expect(descriptor.fullDescription.text.length).toBeGreaterThan(20);
    }
    expect(readFileSync(path.join(repo, 'web/frontend.yaml'), 'utf8')).toContain('stslint-disable');
  });
});
