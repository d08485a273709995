import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTION_INPUT_DEFAULTS } from '../../src/action/read-action-inputs.js';
import { assertGithubAcceptable, assertSchemaValid } from '../formatters/assert-valid-sarif.js';
import { ROOT } from '../support/fixtures.js';
import {
  commandLines,
  makeWorkspace,
  removeWorkspaces,
  runActionBundle,
  runActionInProcess,
  type ActionWorkspace,
} from './action-workspace.js';

afterAll(removeWorkspaces);

/** Two errors, one warning and one info (node-local-storage lowered by the config), one clean file. */
function mixedWorkspace(): ActionWorkspace {
  return makeWorkspace({
    '.stslint.yaml': 'rules:\n  node-local-storage: info\n',
    '.github/stslint-warnings.yaml': 'rules:\n  node-local-storage: info\n  governing-service-not-headless: warning\n  service-name-mismatch: warning\n',
    'deploy/mysql': { from: 'examples/mysql-replicated' },
    'deploy/postgres': { from: 'examples/postgres-single' },
    'deploy/cluster-ip-service.yaml': { from: 'fixtures/governing-service-not-headless/invalid/cluster-ip-service.yaml' },
  });
}

const MIXED_ANNOTATIONS = [
  '::error file=deploy/cluster-ip-service.yaml,line=18,endLine=18,col=16,endColumn=24,title=governing-service-not-headless::Governing Service "postgres" is not headless: per-pod DNS names need clusterIP: None',
  '::error file=deploy/mysql/statefulset.yaml,line=10,endLine=10,col=16,endColumn=30,title=service-name-mismatch::spec.serviceName names no Service, so no per-pod DNS names; did you mean "mysql"?',
  expect.stringMatching(/^::warning file=deploy\/cluster-ip-service\.yaml,line=17,endLine=17,col=1,endColumn=5,title=volume-claim-templates-missing::spec\.volumeClaimTemplates is missing: PostgreSQL data/),
  expect.stringMatching(/^::notice file=deploy\/mysql\/statefulset\.yaml,line=170,endLine=170,col=27,endColumn=37,title=node-local-storage::StorageClass "local-path" is usually/),
];

/** A StatefulSet whose governing Service is in no input: one governing-service-missing error. */
function statefulSet(name: string, serviceName = name): string {
  return [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  serviceName: ${JSON.stringify(serviceName)}`,
    '  replicas: 1',
    '  selector:',
    `    matchLabels: {app: ${name}}`,
    '  template:',
    '    metadata:',
    `      labels: {app: ${name}}`,
    '    spec:',
    '      containers:',
    '        - name: nginx',
    '          image: nginx:1.27',
    '',
  ].join('\n');
}

/** 13 errors: 12 StatefulSets in one file, and one whose file name and message need escaping. */
function manyErrorsWorkspace(): ActionWorkspace {
  const names = Array.from({ length: 12 }, (_, index) => `web-${String(index + 1).padStart(2, '0')}`);
  return makeWorkspace({
    'deploy/many.yaml': names.map((name) => statefulSet(name)).join('---\n'),
    'deploy/a,b:c.yaml': `# The Service name holds characters that workflow commands and Markdown must escape.\n${statefulSet('odd', 'a,b:c%d|e\nf<b>')}`,
  });
}

const ODD_MESSAGE = 'Governing Service "a,b:c%d|e\nf<b>" cannot be checked: no Service was linted with this file';

describe('the action in-process (runAction)', () => {
  it('annotates errors, then warnings, then notices, and writes the summary, SARIF and outputs', async () => {
    const ws = mixedWorkspace();
    const run = await runActionInProcess(ws, { 'sarif-file': 'stslint.sarif' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(commandLines(run.stdout)).toEqual(MIXED_ANNOTATIONS);

    expect(run.summary).toContain('## stslint\n\n**Failed** (exit code 1): findings at or above fail-level `error`.\n');
    expect(run.summary).toContain('2 errors, 1 warning and 1 info in 5 files (9 Kubernetes objects). SARIF: stslint.sarif.');
    const rows = run.summary.split('\n').filter((line) => /^\| (error|warning|info) \|/.test(line));
    expect(rows.map((row) => row.split(' | ')[0])).toEqual(['| error', '| error', '| warning', '| info']);
    expect(rows[0]).toBe(
      '| error | [deploy/cluster-ip-service.yaml:18:16](https://github.com/acme/shop/blob/0123456789abcdef0123456789abcdef01234567/deploy/cluster-ip-service.yaml#L18) ' +
        '| [governing-service-not-headless](https://github.com/stslint/stslint/blob/main/docs/rules/governing-service-not-headless.md) ' +
        '| Governing Service "postgres" is not headless: per-pod DNS names need clusterIP: None |',
    );

    const log = JSON.parse(readFileSync(path.join(ws.workspace, 'stslint.sarif'), 'utf8'));
    assertSchemaValid(log);
    assertGithubAcceptable(log, { relativeUris: true });
    const uris = log.runs[0].results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris.sort()).toEqual(['deploy/cluster-ip-service.yaml', 'deploy/cluster-ip-service.yaml', 'deploy/mysql/statefulset.yaml', 'deploy/mysql/statefulset.yaml']);

    expect(run.outputs).toEqual({ 'sarif-file': 'stslint.sarif', 'error-count': '2', 'warning-count': '1', 'info-count': '1', 'exit-code': '1' });
  });

  it('prints the console report inside a stop-commands block, coloured so that the eslint-stylish matcher skips it', async () => {
    const ws = mixedWorkspace();
    // actions/setup-node's eslint-stylish problem matcher (integrations.md §3.5).
    const matcher = /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*)\s\s+(.*)$/;
    const coloured = await runActionInProcess(ws, {}, { NO_COLOR: '' });
    const token = /^::stop-commands::([0-9a-f-]{36})$/m.exec(coloured.stdout)?.[1];
    expect(token).toBeDefined();
    const report = coloured.stdout.slice(coloured.stdout.indexOf(token!) + token!.length, coloured.stdout.indexOf(`::${token}::`));
    expect(report).toContain('\u001b[');
    expect(report).toContain('deploy/mysql/statefulset.yaml');
    expect(report.split('\n').filter((line) => matcher.test(line))).toEqual([]);
    const plain = await runActionInProcess(ws, { format: 'stylish' });
    expect(plain.stdout.split('\n').filter((line) => matcher.test(line))).toHaveLength(4);

    const none = await runActionInProcess(ws, { format: 'none' });
    expect(none.stdout).not.toContain('::stop-commands::');
    expect(none.stdout.trimEnd().split('\n')).toEqual(commandLines(coloured.stdout));
  });

  it.each([
    ['error', '', 1],
    ['warning', '', 1],
    ['never', '', 0],
    ['error', '.github/stslint-warnings.yaml', 0],
    ['warning', '.github/stslint-warnings.yaml', 1],
    ['never', '.github/stslint-warnings.yaml', 0],
  ])('with fail-level %s and config "%s" exits %i', async (failLevel, config, code) => {
    // Explicit paths: the default files of a configuration are relative to its folder.
    const run = await runActionInProcess(mixedWorkspace(), { 'fail-level': failLevel, config, paths: '.' });
    expect(run.code).toBe(code);
    expect(run.outputs['exit-code']).toBe(String(code));
    expect(run.outputs['error-count']).toBe(config === '' ? '2' : '0');
  });

  it('exits 0 on a clean workspace, and writes no SARIF when sarif-file is empty', async () => {
    const ws = makeWorkspace({ 'postgres.yaml': { from: 'examples/postgres-single/postgres.yaml' } });
    const run = await runActionInProcess(ws, { 'fail-level': 'warning', 'sarif-file': '' });
    expect(run.code).toBe(0);
    expect(commandLines(run.stdout)).toEqual([]);
    expect(run.summary).toContain('**Passed**: no findings.');
    expect(run.summary).not.toContain('| Severity |');
    expect(existsSync(path.join(ws.workspace, 'stslint.sarif'))).toBe(false);
    expect(run.outputs).toMatchObject({ 'sarif-file': '', 'error-count': '0', 'exit-code': '0' });
  });

  it('caps annotations at 10 errors with an overflow notice, escapes them, and lists every finding in the summary', async () => {
    const run = await runActionInProcess(manyErrorsWorkspace(), {});
    expect(run.code).toBe(1);
    const lines = commandLines(run.stdout);
    expect(lines).toHaveLength(11);
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(10);
    expect(lines[0]).toBe(
      '::error file=deploy/a%2Cb%3Ac.yaml,line=7,endLine=7,col=16,endColumn=33,title=governing-service-missing::' +
        'Governing Service "a,b:c%25d|e%0Af<b>" cannot be checked: no Service was linted with this file',
    );
    expect(lines[10]).toBe('::notice title=stslint::3 more findings not annotated; see the job summary or SARIF');
    const rows = run.summary.split('\n').filter((line) => line.startsWith('| error |'));
    expect(rows).toHaveLength(13);
    expect(rows[0]).toContain('[deploy/a,b:c.yaml:7:16](https://github.com/acme/shop/blob/0123456789abcdef0123456789abcdef01234567/deploy/a%2Cb%3Ac.yaml#L7)');
    expect(rows[0]).toContain('| Governing Service "a,b:c%d\\|e<br>f\\<b\\>" cannot be checked');
    expect(rows[0]!.split(/(?<!\\)\|/)).toHaveLength(6);
    expect(run.outputs['error-count']).toBe('13');
  });

  it('exits 2 with an ::error annotation on the configuration file when it is invalid', async () => {
    const broken = makeWorkspace({ '.stslint.yaml': 'rule:\n  node-local-storage: info\n', 'sts.yaml': statefulSet('web') });
    const failed = await runActionInProcess(broken, {});
    expect(failed.code).toBe(2);
    expect(commandLines(failed.stdout)).toEqual([
      '::error file=.stslint.yaml,line=1,col=1,title=stslint::stslint: .stslint.yaml:1:1: unknown key "rule"; did you mean "rules"?',
    ]);
    expect(failed.summary).toContain('**Failed** (exit code 2): stslint could not run');
    expect(failed.summary).toContain('- stslint: .stslint.yaml:1:1: unknown key "rule"; did you mean "rules"?');
    expect(existsSync(path.join(broken.workspace, 'stslint.sarif'))).toBe(false);
    expect(failed.outputs).toEqual({ 'sarif-file': '', 'error-count': '0', 'warning-count': '0', 'info-count': '0', 'exit-code': '2' });
    const missing = await runActionInProcess(broken, { config: 'ci/none.yaml' });
    expect(missing.code).toBe(2);
    expect(commandLines(missing.stdout)).toEqual(['::error title=stslint::stslint: ci/none.yaml: cannot read the configuration file: No such file or directory']);
  });

  it('exits 2 on bad inputs, naming each, without linting', async () => {
    const run = await runActionInProcess(mixedWorkspace(), { 'fail-level': 'fatal', format: 'github', namespace: 'Prod' });
    expect(run.code).toBe(2);
    expect(commandLines(run.stdout)).toEqual([
      '::error title=stslint::stslint: input "format" must be stylish, compact, json or none, not "github" (annotations are always written; "format" chooses the report printed besides them)',
      '::error title=stslint::stslint: input "fail-level" must be error, warning or never, not "fatal"',
      '::error title=stslint::stslint: input "namespace" must be a namespace name (a DNS-1123 label such as "prod"), not "Prod"',
    ]);
    expect(run.outputs['exit-code']).toBe('2');
  });

  it('exits 2 on an unreadable path but still lints, annotates and writes SARIF for the others', async () => {
    const ws = mixedWorkspace();
    const run = await runActionInProcess(ws, { paths: 'deploy/mysql\n  deploy/missing ' });
    expect(run.code).toBe(2);
    const lines = commandLines(run.stdout);
    expect(lines[0]).toBe('::error title=stslint::stslint: deploy/missing: No such file or directory');
    expect(lines.slice(1).map((line) => line.slice(0, line.indexOf(' ')))).toEqual(['::error', '::notice']);
    expect(run.outputs).toMatchObject({ 'sarif-file': 'stslint.sarif', 'error-count': '1', 'info-count': '1', 'exit-code': '2' });
    assertSchemaValid(JSON.parse(readFileSync(path.join(ws.workspace, 'stslint.sarif'), 'utf8')));
  });

  it('exits 2 when the SARIF file or the outputs cannot be written, saying so in an ::error line', async () => {
    const ws = mixedWorkspace();
    const run = await runActionInProcess(ws, { 'sarif-file': 'deploy' });
    expect(run.code).toBe(2);
    expect(commandLines(run.stdout)[0]).toMatch(/^::error title=stslint::stslint: cannot write the SARIF file deploy: EISDIR/);
    expect(run.outputs).toMatchObject({ 'sarif-file': '', 'error-count': '2', 'exit-code': '2' });
    const noOutputs = await runActionInProcess(ws, {}, { GITHUB_OUTPUT: ws.workspace });
    expect(noOutputs.code).toBe(2);
    expect(commandLines(noOutputs.stdout).at(-1)).toMatch(/^::error title=stslint::stslint: cannot write the step outputs to .*: EISDIR/);
  });

  it('turns an internal failure into exit code 2 and an ::error line, with the stack on stderr', async () => {
    const ws = mixedWorkspace();
    const run = await runActionInProcess(ws, {}, {}, { now: () => { throw new Error('clock stopped'); } });
    expect(run.code).toBe(2);
    expect(commandLines(run.stdout)).toEqual(['::error title=stslint::stslint: internal error: Error: clock stopped']);
    expect(run.stderr).toMatch(/^stslint: internal error: Error: clock stopped\n\s+at /);
  });

  it('runs in working-directory, with sarif-file relative to it and reported paths relative to the repository', async () => {
    const ws = mixedWorkspace();
    const run = await runActionInProcess(ws, { 'working-directory': 'deploy', paths: 'mysql', 'sarif-file': 'out/lint.sarif' });
    expect(run.code).toBe(1);
    expect(commandLines(run.stdout)[0]).toMatch(/^::error file=deploy\/mysql\/statefulset\.yaml,line=10,/);
    // The root's .stslint.yaml was found from deploy/: node-local-storage is info.
    expect(run.outputs).toMatchObject({ 'sarif-file': 'deploy/out/lint.sarif', 'error-count': '1', 'info-count': '1' });
    const log = JSON.parse(readFileSync(path.join(ws.workspace, 'deploy/out/lint.sarif'), 'utf8'));
    assertGithubAcceptable(log, { relativeUris: true });
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/mysql/statefulset.yaml');
  });
});

describe('dist/action.cjs (what action.yml runs)', () => {
  const bundle = path.join(ROOT, 'dist', 'action.cjs');

  it('is the built action, not a placeholder (run `npm run build`)', () => {
    expect(readFileSync(bundle, 'utf8'), 'dist/action.cjs is stale: run `npm run build`').toContain('stop-commands');
  });

  it('needs nothing but Node built-ins: it runs from a folder with no node_modules', () => {
    const text = readFileSync(bundle, 'utf8');
    const required = [...text.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((match) => match[1]!);
    expect(required.filter((name) => !isBuiltin(name))).toEqual([]);
    const alone = mkdtempSync(path.join(os.tmpdir(), 'stslint-action-bundle-'));
    try {
      copyFileSync(bundle, path.join(alone, 'action.cjs'));
      const ws = manyErrorsWorkspace();
      const run = runActionBundle(path.join(alone, 'action.cjs'), ws, { 'fail-level': 'never' });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const lines = commandLines(run.stdout);
      expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(10);
      expect(lines.at(-1)).toBe('::notice title=stslint::3 more findings not annotated; see the job summary or SARIF');
      expect(run.summary.split('\n').filter((line) => line.startsWith('| error |'))).toHaveLength(13);
      expect(run.outputs).toEqual({ 'sarif-file': 'stslint.sarif', 'error-count': '13', 'warning-count': '0', 'info-count': '0', 'exit-code': '0' });
      const log = JSON.parse(readFileSync(path.join(ws.workspace, 'stslint.sarif'), 'utf8'));
      assertSchemaValid(log);
      assertGithubAcceptable(log, { relativeUris: true });
      expect(log.runs[0].results.find((result: any) => result.locations[0].physicalLocation.artifactLocation.uri === 'deploy/a%2Cb%3Ac.yaml')?.message.text).toBe(`${ODD_MESSAGE}.`);
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  });

  it('exits 2 with an ::error line for a configuration error', () => {
    const ws = makeWorkspace({ 'ci/stslint.yaml': 'rules:\n  node-local-storage: loud\n', 'sts.yaml': statefulSet('web') });
    const run = runActionBundle(bundle, ws, { config: 'ci/stslint.yaml' });
    expect(run.code).toBe(2);
    expect(commandLines(run.stdout)).toEqual([expect.stringMatching(/^::error file=ci\/stslint\.yaml,line=2,col=23,title=stslint::stslint: ci\/stslint\.yaml:2:23: /)]);
    expect(run.outputs['exit-code']).toBe('2');
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));

  it('is a node24 JavaScript action running dist/action.cjs', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.cjs' });
    expect(typeof action.name).toBe('string');
    expect(action.description.length).toBeLessThanOrEqual(125);
    expect(action.branding).toEqual({ icon: 'database', color: 'blue' });
  });

  it('declares the inputs the code reads, with the same defaults', () => {
    const defaults = Object.fromEntries(Object.entries(action.inputs as Record<string, any>).map(([name, input]) => [name, String(input.default)]));
    expect(defaults).toEqual(ACTION_INPUT_DEFAULTS);
    for (const input of Object.values(action.inputs as Record<string, any>)) {
      expect(input.required).toBe(false);
      expect(input.description.length).toBeGreaterThan(20);
    }
  });

  it('declares the outputs the action writes', async () => {
    const run = await runActionInProcess(makeWorkspace({ 'sts.yaml': statefulSet('web') }), {});
    expect(Object.keys(action.outputs).sort()).toEqual(Object.keys(run.outputs).sort());
  });
});
