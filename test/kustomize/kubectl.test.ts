import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../src/cli/process-io.js';
import { kustomizeBuilder } from '../../src/kustomize/kustomize-build.js';
import { ROOT } from '../support/fixtures.js';
import { KUBECTL, reportKubectlSkip } from '../support/kubectl.js';
import { goldenText, lintTree, TREES, treeScenarios } from '../support/recorded-kustomize.js';
import { runCli } from '../support/run-cli.js';
import { assertGithubAcceptable, assertSchemaValid } from '../formatters/assert-valid-sarif.js';

// End to end with the real `kubectl kustomize` (kubectl ≥ 1.27 embeds kustomize v5): on this
// machine and in CI it is on PATH; elsewhere these tests are skipped with the reason printed.
reportKubectlSkip('the kustomize end-to-end tests');

const EXAMPLE = 'examples/kustomize-postgres';

/** The parts of a SARIF log these tests read. */
interface SarifRun {
  runs: [
    {
      tool: { driver: { rules: { id: string }[] } };
      results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      invocations: { executionSuccessful: boolean }[];
    },
  ];
}
const REPLICAS_FINDING =
  'examples/kustomize-postgres/overlays/prod/replicas.yaml:6:13: spec.replicas is 3, but nothing joins the PostgreSQL pods: each runs as a separate primary [replication-bootstrap-missing]\n';

const scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stslint-kustomize-e2e-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the example in a fresh repository (a `.git` folder), as a user's checkout. */
function exampleRepository(name: string): string {
  const repository = path.join(scratch, name);
  mkdirSync(path.join(repository, '.git'), { recursive: true });
  cpSync(path.join(ROOT, EXAMPLE), repository, { recursive: true });
  return repository;
}

describe.skipIf(!KUBECTL.available)('kustomize with the real kubectl', () => {
  it.each(treeScenarios())('%s: a real build gives the recorded findings (recordings are current)', async (scenario) => {
    const builder = kustomizeBuilder({ runProcess, command: ['kubectl', 'kustomize'], cwd: path.join(TREES, scenario, 'tree') });
    const run = await lintTree(scenario, builder);
    expect(goldenText(run)).toBe(readFileSync(path.join(TREES, scenario, 'expected.out'), 'utf8'));
  });

  it("the issue's example: no false error on the patch, replication-bootstrap-missing on its line 6", async () => {
    const run = await runCli([`${EXAMPLE}/`, '--format', 'compact']);
    expect(run).toMatchObject({ code: 0, stdout: REPLICAS_FINDING, stderr: '' });
    expect(readFileSync(path.join(ROOT, EXAMPLE, 'overlays/prod/replicas.yaml'), 'utf8').split('\n')[5]).toBe('  replicas: 3');
  });

  it('every format carries the line of the patch', async () => {
    const sarif = JSON.parse((await runCli([`${EXAMPLE}/`, '--format', 'sarif'])).stdout);
    const [result] = sarif.runs[0].results;
    expect(result.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: `${EXAMPLE}/overlays/prod/replicas.yaml` },
      region: { startLine: 6, startColumn: 13, endLine: 6, endColumn: 14 },
    });
    expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]+:1$/);
    const json = JSON.parse((await runCli([`${EXAMPLE}/`, '--format', 'json'])).stdout);
    expect(json.filter((entry: { messages: unknown[] }) => entry.messages.length > 0)).toMatchObject([
      { filePath: path.join(ROOT, EXAMPLE, 'overlays/prod/replicas.yaml'), messages: [{ ruleId: 'replication-bootstrap-missing', line: 6, column: 13 }] },
    ]);
    const github = (await runCli([`${EXAMPLE}/`, '--format', 'github'])).stdout;
    expect(github).toContain(`::warning file=${EXAMPLE}/overlays/prod/replicas.yaml,line=6,endLine=6,col=13,endColumn=14,`);
  });

  it('a changed patch named on its own (a pre-commit hook) rebuilds the overlay that uses it', async () => {
    const repository = exampleRepository('named-patch');
    const run = await runCli(['overlays/prod/replicas.yaml', '--format', 'compact'], { cwd: repository });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(REPLICAS_FINDING.replace('examples/kustomize-postgres/', ''));
  });

  it('a changed base named on its own rebuilds every overlay that uses it', async () => {
    const repository = exampleRepository('named-base');
    cpSync(path.join(repository, 'overlays/prod'), path.join(repository, 'overlays/staging'), { recursive: true });
    writeFileSync(path.join(repository, 'overlays/staging/kustomization.yaml'), 'namePrefix: staging-\nnamespace: shop\nresources:\n  - ../../base\n');
    const run = await runCli(['base/postgres.yaml', '--format', 'compact'], { cwd: repository });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(REPLICAS_FINDING.replace('examples/kustomize-postgres/', ''));
  });

  it('a build that fails is a finding on the kustomization; the run goes on', async () => {
    const repository = exampleRepository('broken');
    writeFileSync(path.join(repository, 'base/kustomization.yaml'), 'resources:\n  - postgres.yaml\n  - credentials.yaml\n');
    const other = path.join(ROOT, 'fixtures/governing-service-not-headless/invalid/cluster-ip-service.yaml');
    const run = await runCli(['.', other, '--format', 'compact'], { cwd: repository });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "base/kustomization.yaml:3:5: kustomize build failed: accumulating resources from 'credentials.yaml': …ase/credentials.yaml: no such file or directory [kustomize-build]\n",
    );
    expect(run.stdout).toContain('cluster-ip-service.yaml:18:16:');
    expect(run.stdout).not.toContain('replicas.yaml');
    // The message is cut to 120 characters; the notice keeps kustomize's whole message.
    expect(run.stderr).toBe(
      "stslint: overlays/prod: not built (kubectl kustomize failed: accumulating resources from 'credentials.yaml': evalsymlink failure on 'base/credentials.yaml' : lstat base/credentials.yaml: no such file or directory); its patches were not linted\n",
    );
    // In SARIF: a described rule, a result on the kustomization, and the run marked incomplete.
    const sarif = JSON.parse((await runCli(['.', '--format', 'sarif'], { cwd: repository })).stdout) as SarifRun;
    assertSchemaValid(sarif);
    assertGithubAcceptable(sarif, { relativeUris: true });
    const [sarifRun] = sarif.runs;
    expect(sarifRun.tool.driver.rules.map((rule) => rule.id)).toContain('kustomize-build');
    expect(sarifRun.results.map((result) => [result.ruleId, result.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([['kustomize-build', 'base/kustomization.yaml']]);
    expect(sarifRun.invocations[0]!.executionSuccessful).toBe(false);
  });

  it('--kustomize-command names the build command', async () => {
    const run = await runCli([`${EXAMPLE}/`, '--format', 'compact', '--kustomize-command', 'kubectl kustomize']);
    expect(run).toMatchObject({ code: 0, stdout: REPLICAS_FINDING, stderr: '' });
  });
});
