import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertSchemaValid } from '../formatters/assert-valid-sarif.js';
import { FIXTURES } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

// `--fix` and `--fix-dry-run` as a user runs them, on copies of fix fixtures.

let folder: string;
const TYPO = path.join(FIXTURES, 'service-name-mismatch/fix/typo-with-comments.yaml');
const RENAME = path.join(FIXTURES, 'schema-violation/fix/misspelt-claim-templates.yaml');

beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'stslint-fix-'));
  copyFileSync(TYPO, path.join(folder, 'zk.yaml'));
  copyFileSync(RENAME, path.join(folder, 'mongo.yaml'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('--fix', () => {
  it('writes the fixed files and reports what is left', async () => {
    const run = await runCli(['--fix', '--format', 'compact', folder]);
    expect([...run.written.keys()].sort()).toEqual([path.join(folder, 'mongo.yaml'), path.join(folder, 'zk.yaml')]);
    expect(run.written.get(path.join(folder, 'zk.yaml'))).toBe(readFileSync(TYPO.replace('.yaml', '.fixed.yaml'), 'utf8'));
    expect(run.written.get(path.join(folder, 'mongo.yaml'))).toBe(readFileSync(RENAME.replace('.yaml', '.fixed.yaml'), 'utf8'));
    expect(run.stdout).not.toContain('service-name-mismatch');
    expect(run.stdout).not.toContain('schema-violation');
  });

  it('keeps a byte-order mark', async () => {
    writeFileSync(path.join(folder, 'zk.yaml'), `\uFEFF${readFileSync(TYPO, 'utf8')}`);
    const run = await runCli(['--fix', path.join(folder, 'zk.yaml')]);
    expect(run.written.get(path.join(folder, 'zk.yaml'))!.startsWith('\uFEFF# spec.serviceName')).toBe(true);
  });

  it('leaves a file that is not valid UTF-8 alone, with a message and exit 2', async () => {
    const [head, tail] = readFileSync(TYPO, 'utf8').split('# the governing Service');
    const bytes = Buffer.concat([Buffer.from(`${head}# caf`), Buffer.from([0xe9]), Buffer.from(tail!)]);
    writeFileSync(path.join(folder, 'zk.yaml'), bytes);
    const run = await runCli(['--fix', path.join(folder, 'zk.yaml')]);
    expect(run.written.size).toBe(0);
    expect(run.stderr).toContain('zk.yaml: not fixed (not valid UTF-8, or unreadable)');
    expect(run.code).toBe(2);
  });

  it('refuses standard input (exit 2) and points to --fix-dry-run', async () => {
    const run = await runCli(['--fix', '-'], { stdin: readFileSync(TYPO, 'utf8') });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('stslint: --fix cannot change standard input; use --fix-dry-run to print the fixed text\n');
  });
});

describe('--fix-dry-run', () => {
  it('writes nothing and gives the fixed text as "output" in JSON, also for standard input', async () => {
    const run = await runCli(['--fix-dry-run', '--format', 'json', '--stdin-filename', 'zk.yaml', '-'], { stdin: readFileSync(TYPO, 'utf8') });
    expect(run.written.size).toBe(0);
    const [result] = JSON.parse(run.stdout) as { output?: string; source?: string; messages: unknown[] }[];
    expect(result!.output).toBe(readFileSync(TYPO.replace('.yaml', '.fixed.yaml'), 'utf8'));
    expect(result!.source).toBeUndefined();
  });
});

describe('fixes in the report formats', () => {
  it('JSON carries fix and suggestions as ESLint does, with fixable counts', async () => {
    const run = await runCli(['--format', 'json', path.join(FIXTURES, 'service-name-mismatch/fix')]);
    const results = JSON.parse(run.stdout) as { filePath: string; fixableErrorCount: number; messages: { ruleId: string; fix?: { range: [number, number]; text: string }; suggestions?: { desc: string }[] }[] }[];
    const typo = results.find((result) => result.filePath.endsWith('typo-with-comments.yaml'))!;
    const message = typo.messages.find((entry) => entry.ruleId === 'service-name-mismatch')!;
    const text = readFileSync(TYPO, 'utf8');
    expect(text.slice(message.fix!.range[0], message.fix!.range[1])).toBe('zk-headless');
    expect(message.fix!.text).toBe('zk-hs');
    expect(typo.fixableErrorCount).toBe(1);
    const two = results.find((result) => result.filePath.endsWith('two-candidates.yaml'))!;
    expect(two.messages.find((entry) => entry.ruleId === 'service-name-mismatch')!.suggestions!.map((suggestion) => suggestion.desc)).toEqual([
      'Set spec.serviceName to "pg-a"',
      'Set spec.serviceName to "pg-b"',
    ]);
  });

  it('SARIF results carry fixes that validate against the SARIF schema', async () => {
    const run = await runCli(['--format', 'sarif', path.join(FIXTURES, 'service-name-mismatch/fix'), path.join(FIXTURES, 'governing-service-missing/fix')], { cwd: FIXTURES });
    const log = JSON.parse(run.stdout);
    assertSchemaValid(log);
    const withFixes = log.runs[0].results.filter((result: { fixes?: unknown[] }) => result.fixes);
    expect(withFixes.length).toBeGreaterThan(0);
    const fix = withFixes.find((result: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      result.ruleId === 'service-name-mismatch' && result.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('typo-with-comments.yaml'),
    ).fixes[0];
    expect(fix.artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { startLine: 19, startColumn: 16, endLine: 19, endColumn: 27 },
      insertedContent: { text: 'zk-hs' },
    });
  });

  it('stylish says how many findings --fix would fix', async () => {
    const run = await runCli([TYPO]);
    expect(run.stdout).toContain('  1 error and 0 warnings potentially fixable with the `--fix` option.\n');
  });
});
