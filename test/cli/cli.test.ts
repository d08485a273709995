import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORTING_RULES } from '../../rules/index.js';
import { FIXTURES, ROOT } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

const notHeadless = path.join(FIXTURES, 'governing-service-not-headless/invalid/cluster-ip-service.yaml');
const clean = path.join(FIXTURES, 'governing-service-missing/valid/headless-service-same-file.yaml');
const brokenYaml = path.join(FIXTURES, 'yaml-syntax/invalid/unclosed-flow-sequence.yaml');

describe('stslint CLI', () => {
  it('exits 0 and prints nothing for a clean manifest', async () => {
    const run = await runCli([clean]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 and prints a stylish report for an error', async () => {
    const run = await runCli([notHeadless]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('fixtures/governing-service-not-headless/invalid/cluster-ip-service.yaml\n');
    expect(run.stdout).toMatch(/ 18:16 +error +Governing Service "postgres" is not headless: .* governing-service-not-headless\n/);
    expect(run.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('exits 1 for a YAML syntax error and still lints the other files', async () => {
    const run = await runCli([brokenYaml, notHeadless, '--format', 'compact']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('unclosed-flow-sequence.yaml:14:1: YAML syntax error');
    expect(run.stdout).toContain('cluster-ip-service.yaml:18:16:');
  });

  it('exits 2 for an unreadable path, with one line on stderr, and still reports the rest', async () => {
    const run = await runCli(['does/not/exist.yaml', notHeadless, '--format', 'compact']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('stslint: does/not/exist.yaml: No such file or directory\n');
    expect(run.stdout).toContain('cluster-ip-service.yaml:18:16:');
  });

  it.each([
    [['--format', 'xml'], /option '-f, --format <name>' argument 'xml' is invalid/],
    [['--max-warnings', 'many'], /--max-warnings <n>' argument 'many' is invalid/],
    [['--namespace', 'Not_A_Namespace'], /--namespace <name>' argument 'Not_A_Namespace' is invalid/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
  ])('exits 2 for the bad option %j', async (args, message) => {
    const run = await runCli([...args, clean]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.startsWith('stslint: ')).toBe(true);
    expect(run.stdout).toBe('');
  });

  it('exits 2 when a folder holds no manifests, unless told not to', async () => {
    const empty = path.join(ROOT, 'src', 'cli');
    expect((await runCli([empty])).code).toBe(2);
    expect((await runCli([empty, '--no-error-on-unmatched-pattern'])).code).toBe(0);
  });

  it('reads standard input for "-" and reports it under --stdin-filename', async () => {
    const stdin = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n';
    const run = await runCli(['-', '--stdin-filename', 'deploy/db.yaml', '--format', 'json']);
    expect(run.code).toBe(0);
    const withStdin = await runCli(['--stdin-filename', 'deploy/db.yaml', '--format', 'json'], { stdin });
    expect(withStdin.code).toBe(1);
    const [result] = JSON.parse(withStdin.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    expect(result!.filePath).toBe(path.join(ROOT, 'deploy/db.yaml'));
    expect(result!.messages.map((m) => m.ruleId)).toContain('pod-selector-mismatch');
    expect(withStdin.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reports standard input as <stdin> without --stdin-filename', async () => {
    const run = await runCli(['-', '--format', 'compact'], { stdin: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: x\nspec: {}\n' });
    expect(run.stdout).toMatch(/^<stdin>:5:1: /m);
  });

  it('--quiet hides warnings but keeps the exit code', async () => {
    const warningsOnly = path.join(ROOT, 'examples');
    const loud = await runCli([warningsOnly, '--format', 'compact']);
    const quiet = await runCli([warningsOnly, '--format', 'compact', '--quiet']);
    expect(loud.stdout).toContain('[node-local-storage]');
    expect(quiet.stdout).not.toContain('[node-local-storage]');
    expect(quiet.code).toBe(loud.code);
  });

  it('--max-warnings fails a run whose only findings are warnings', async () => {
    const fixture = path.join(FIXTURES, 'node-local-storage/invalid/class-is-local-path.yaml');
    const allowed = await runCli([fixture, '--max-warnings', '1000']);
    const strict = await runCli([fixture, '--max-warnings', '0']);
    expect(allowed.code).toBe(0);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('stslint found too many warnings (maximum: 0).\n');
  });

  it('--output-file writes the report there, uncoloured, and prints nothing', async () => {
    const run = await runCli([notHeadless, '-o', 'report.txt', '--color']);
    expect(run.stdout).toBe('');
    expect(run.written.get('report.txt')).toContain('governing-service-not-headless');
    expect(run.written.get('report.txt')).not.toContain('\u001b[');
    const failed = await runCli([notHeadless, '-o', '/nope/report.txt'], { failWrites: true });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('stslint: cannot write /nope/report.txt');
  });

  it('colours stylish output on a terminal, and honours NO_COLOR and --no-color', async () => {
    expect((await runCli([notHeadless], { stdoutIsTTY: true })).stdout).toContain('\u001b[');
    expect((await runCli([notHeadless], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli([notHeadless, '--no-color'], { stdoutIsTTY: true })).stdout).not.toContain('\u001b[');
    expect((await runCli([notHeadless], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await runCli([notHeadless], { stdoutIsTTY: true, env: { FORCE_COLOR: '0' } })).stdout).not.toContain('\u001b[');
  });

  it('--list-rules prints every rule and reserved id with its severity', async () => {
    const run = await runCli(['--list-rules']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^RULE +SEVERITY +TITLE\n/);
    expect(run.stdout).toMatch(/^governing-service-not-headless +error +The governing Service is headless$/m);
    expect(run.stdout).toMatch(/^unused-disable-directive +error +Disable comments suppress something$/m);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1 + REPORTING_RULES.size);
  });

  it('--version and --help exit 0', async () => {
    const version = await runCli(['--version']);
    expect(version).toMatchObject({ code: 0 });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+ \(Kubernetes 1\.\d+\.\d+ API schema\)\n$/);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-warnings <n>');
  });

  it('--namespace defaults objects that name none', async () => {
    const fixture = path.join(FIXTURES, 'governing-service-missing/valid/namespace-from-default.yaml');
    expect((await runCli([fixture])).code).toBe(0);
    const run = await runCli([fixture, '--namespace', 'prod', '--format', 'compact']);
    expect(run.stdout).toContain('[service-name-mismatch]');
  });
});
