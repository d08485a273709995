import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunProcess } from '../../src/kustomize/kustomize-build.js';
import { ROOT } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

// The command line with kustomize trees and Helm output, where no kustomize needs to run:
// kustomize turned off or missing, trees that are never built, `# Source:` documents.

const EXAMPLE = path.join(ROOT, 'examples/kustomize-postgres');
const scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stslint-sources-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A runner that fails the test if anything is run. */
const nothingRuns: RunProcess = async (command) => {
  throw new Error(`unexpected run of ${command}`);
};

function exampleCopy(name: string, config?: string): string {
  const folder = path.join(scratch, name);
  mkdirSync(path.join(folder, '.git'), { recursive: true });
  cpSync(EXAMPLE, folder, { recursive: true });
  if (config !== undefined) writeFileSync(path.join(folder, '.stslint.yaml'), config);
  return folder;
}

describe('kustomize trees without a kustomize to run', () => {
  it('says so once per tree and lints no patch file as an object', async () => {
    const run = await runCli([EXAMPLE, '--format', 'compact', '--kustomize-command', 'stslint-test-no-such-kustomize build']);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toBe('stslint: examples/kustomize-postgres/overlays/prod: not built ("stslint-test-no-such-kustomize" is not on PATH); its patches were not linted\n');
  });

  it('kustomize: off in the configuration restores plain linting (the patch is linted as an object)', async () => {
    const folder = exampleCopy('off', 'kustomize: off\n');
    const run = await runCli(['.', '--format', 'compact'], { cwd: folder, runProcess: nothingRuns });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('overlays/prod/replicas.yaml:5:1: spec.selector is missing; the API server rejects a StatefulSet without one [pod-selector-mismatch]');
  });

  it('--no-kustomize does the same from the command line', async () => {
    const run = await runCli([EXAMPLE, '--format', 'compact', '--no-kustomize'], { runProcess: nothingRuns });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('replicas.yaml:5:1: spec.selector is missing');
  });

  it('--kustomize-command wins over kustomize.command of the configuration', async () => {
    const folder = exampleCopy('command', 'kustomize:\n  command: stslint-test-configured build\n');
    const seen: string[] = [];
    const record: RunProcess = async (command, args) => {
      seen.push([command, ...args.slice(0, -1)].join(' '));
      return { exitCode: null, stdout: '', stderr: '', error: 'ENOENT' };
    };
    await runCli(['.'], { cwd: folder, runProcess: record });
    await runCli(['.', '--kustomize-command', '"/opt/my tools/kustomize" build'], { cwd: folder, runProcess: record });
    expect(seen).toEqual(['stslint-test-configured build', '/opt/my tools/kustomize build']);
  });

  it('fetches no remote resource: the tree is not built, with a notice', async () => {
    const folder = exampleCopy('remote');
    writeFileSync(path.join(folder, 'overlays/prod/kustomization.yaml'), 'resources:\n  - ../../base\n  - https://github.com/example/monitoring//base?ref=v1.2.0\npatches:\n  - path: replicas.yaml\n');
    const run = await runCli(['.', '--format', 'compact'], { cwd: folder, runProcess: nothingRuns });
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toBe('stslint: overlays/prod: not built (remote resource "https://github.com/example/monitoring//base?ref=v1.2.0" is not fetched); its patches were not linted\n');
  });

  it('renders no helmCharts: the tree is not built, with a notice', async () => {
    const folder = exampleCopy('helm-charts');
    writeFileSync(path.join(folder, 'overlays/prod/kustomization.yaml'), 'resources:\n  - ../../base\nhelmCharts:\n  - name: redis\n    repo: https://charts.example.com\n    version: 19.0.0\n');
    const run = await runCli(['.', '--format', 'compact'], { cwd: folder, runProcess: nothingRuns });
    expect(run.stderr).toBe('stslint: overlays/prod: not built (its helmCharts are not rendered; lint `helm template` output instead); its resources were linted as written\n');
  });
});

describe('helm template output', () => {
  const rendered = 'test/helm/rendered/postgres.yaml';

  it('is reported under each template, at the key when it occurs once there, with the rendered line related', async () => {
    const run = await runCli([rendered, '--helm-chart-root', 'test/helm/charts/postgres', '--format', 'json']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    expect(results.map((result) => [path.relative(ROOT, result.filePath), result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)])).toEqual([
      [rendered, []],
      ['test/helm/charts/postgres/templates/statefulset.yaml', ['8:3 governing-service-not-headless', '9:3 replicas-not-spread', '9:3 replication-bootstrap-missing']],
    ]);
    const sarif = JSON.parse((await runCli([rendered, '--helm-chart-root', 'test/helm/charts/postgres', '--format', 'sarif'])).stdout);
    const replicas = sarif.runs[0].results.find((result: { ruleId: string }) => result.ruleId === 'replication-bootstrap-missing');
    expect(replicas.relatedLocations).toMatchObject([
      { physicalLocation: { artifactLocation: { uri: rendered }, region: { startLine: 28, startColumn: 13 } }, message: { text: 'rendered here' } },
    ]);
  });

  it('takes helm.chartRoot from the configuration, relative to it', async () => {
    const folder = path.join(scratch, 'chart-root');
    mkdirSync(path.join(folder, '.git'), { recursive: true });
    cpSync(path.join(ROOT, 'test/helm'), folder, { recursive: true });
    writeFileSync(path.join(folder, '.stslint.yaml'), 'helm:\n  chartRoot: charts/postgres\n');
    const run = await runCli(['rendered/postgres.yaml', '--format', 'compact'], { cwd: folder });
    expect(run.stdout.split('\n').filter(Boolean).map((line) => line.split(': ')[0])).toEqual(['charts/postgres/templates/statefulset.yaml:8:3', 'charts/postgres/templates/statefulset.yaml:9:3', 'charts/postgres/templates/statefulset.yaml:9:3']);
  });

  it('without a chart root, reports the path as written, at the first line of a template not on disk', async () => {
    const run = await runCli(['-', '--stdin-filename', 'deploy/rendered.yaml', '--format', 'compact'], { stdin: readRendered() });
    expect(run.stdout).toContain('postgres/templates/statefulset.yaml:1:1: spec.replicas is 3');
  });

  it('--stdin-filename still names the documents without # Source:', async () => {
    const stdin = `${readRendered()}---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: extra\nspec:\n  serviceName: extra\n`;
    const run = await runCli(['-', '--stdin-filename', 'deploy/rendered.yaml', '--format', 'compact'], { stdin });
    expect(run.stdout).toMatch(/^deploy\/rendered\.yaml:\d+:\d+: .*\[pod-selector-mismatch\]$/m);
  });

  it('skips a chart folder, with one notice naming helm template', async () => {
    const run = await runCli(['test/helm/', '--helm-chart-root', 'test/helm/charts/postgres', '--format', 'compact']);
    expect(run.stderr).toBe('stslint: test/helm/charts/postgres: Helm chart skipped (Go templates are not YAML); lint its output: helm template test/helm/charts/postgres | stslint -\n');
    expect(run.stdout).not.toContain('yaml-syntax');
    expect(run.stdout).toContain('test/helm/charts/postgres/templates/statefulset.yaml:9:3:');
  });
});

function readRendered(): string {
  return readFileSync(path.join(ROOT, 'test/helm/rendered/postgres.yaml'), 'utf8');
}

describe('helm template output that does not parse', () => {
  it('is reported in its template, at its first line, with the rendered place related', async () => {
    const stdin = '---\n# Source: postgres/templates/statefulset.yaml\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  labels: [a\n';
    const run = await runCli(['-', '--helm-chart-root', 'test/helm/charts/postgres', '--format', 'json'], { stdin });
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; fatal?: boolean }[] }[];
    expect(results.map((result) => [path.relative(ROOT, result.filePath), result.messages.map((message) => `${message.line} ${message.ruleId} ${message.fatal === true}`)])).toEqual([
      ['<stdin>', []],
      ['test/helm/charts/postgres/templates/statefulset.yaml', ['1 yaml-syntax true']],
    ]);
  });
});
