import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';
import { assertGithubAcceptable, assertSchemaValid } from '../formatters/assert-valid-sarif.js';

// A fixture repository (test/repos/shop) with a .stslint.yaml that uses every configuration
// feature: namespace, context, ignores, rule levels, exemptions (one expired), inline comments and
// annotations. It is copied to a temporary folder with a .git folder so discovery stops there.
let repo = '';
const NOW = new Date(2026, 5, 15, 12);

beforeAll(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'stslint-shop-'));
  cpSync(path.join(ROOT, 'test/repos/shop'), repo, { recursive: true });
  mkdirSync(path.join(repo, '.git'));
});

const inRepo = (args: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(args, { cwd: repo, now: NOW, ...options });

describe('configuration in a repository', () => {
  it('lints the whole repository: exemptions, comments and annotations hide their findings, an expired exemption says so', async () => {
    const run = await inRepo(['--format', 'compact']);
    expect(run.stdout).toBe(
      'cache/redis.yaml:35:19: hostPath volume "data" is mounted read-write: a rescheduled pod starts empty [node-local-storage]\n',
    );
    expect(run.stderr).toBe('stslint: .stslint.yaml:17:5: the exemption of "node-local-storage" expired on 2026-03-01 and no longer applies\n');
    expect(run.code).toBe(0);
    // The finding points at the expired exemption (SARIF's related location), its message stays short.
    const sarif = JSON.parse((await inRepo(['--format', 'sarif'])).stdout) as { runs: [{ results: { relatedLocations?: { message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }] };
    const related = sarif.runs[0].results[0]!.relatedLocations!.at(-1)!;
    expect(related.message.text).toBe('its exemption expired on 2026-03-01');
    expect(related.physicalLocation.artifactLocation.uri).toMatch(/\.stslint\.yaml$/);
    expect(related.physicalLocation.region.startLine).toBe(17);
  });

  it('applies the exemption again before its expiry date', async () => {
    const run = await inRepo(['--format', 'compact'], { now: new Date(2026, 1, 28, 23) });
    expect(run).toMatchObject({ stdout: '', stderr: '', code: 0 });
  });

  it('gives a single changed file the same findings as the whole repository, thanks to context', async () => {
    const whole = await inRepo(['--format', 'json']);
    for (const file of ['db/statefulset.yaml', 'cache/redis.yaml', 'web/frontend.yaml', 'queue/kafka.yaml']) {
      const single = await inRepo([file, '--format', 'json']);
      const [result] = JSON.parse(single.stdout) as { filePath: string; messages: unknown[] }[];
      const inWhole = (JSON.parse(whole.stdout) as { filePath: string; messages: unknown[] }[]).find((r) => r.filePath === result!.filePath);
      expect(result!.messages, file).toEqual(inWhole!.messages);
    }
    expect((await inRepo(['db/statefulset.yaml'])).code).toBe(0);
  });

  it('without context, the same single file gets a false missing-Service finding', async () => {
    const noContext = path.join(repo, 'no-context.yaml');
    writeFileSync(noContext, 'namespace: shop\n');
    const run = await inRepo(['db/statefulset.yaml', '--config', noContext, '--format', 'compact']);
    expect(run.stdout).toContain('[governing-service-missing]');
    expect(run.code).toBe(1);
  });

  it('skips ignored folders, and says so for an ignored file named on the command line', async () => {
    const walked = await inRepo(['.', '--format', 'json']);
    expect(walked.stdout).not.toContain('legacy');
    const named = await inRepo(['legacy/old.yaml', 'db/statefulset.yaml', '--format', 'compact']);
    expect(named.stderr).toContain('stslint: legacy/old.yaml: File ignored because of a matching ignore pattern in .stslint.yaml\n');
    expect(named.stdout).not.toContain('legacy');
  });

  it('uses the configured namespace for objects that set none', async () => {
    const run = await inRepo(['--print-config', 'db/statefulset.yaml']);
    const printed = JSON.parse(run.stdout) as { namespace: string; role: string; rules: Record<string, string>; configFile: string };
    expect(printed).toMatchObject({ namespace: 'shop', role: 'lint', configFile: path.join(repo, '.stslint.yaml') });
    expect(printed.rules['volume-claim-templates-missing']).toBe('error');
    expect(printed.rules['replication-bootstrap-missing']).toBe('off');
  });

  it('--print-config shows the exemptions that apply to a file and whether they expired', async () => {
    const run = await inRepo(['--print-config', 'cache/redis.yaml', '--rule', 'pod-selector-mismatch=warning']);
    const printed = JSON.parse(run.stdout) as { rules: Record<string, string>; exemptions: { name: string; expired: boolean }[] };
    expect(printed.rules['pod-selector-mismatch']).toBe('warning');
    expect(printed.exemptions).toMatchObject([{ name: 'redis', expired: true }]);
  });

  it('--rule overrides the configuration', async () => {
    const run = await inRepo(['--rule', 'node-local-storage=off', '--format', 'compact']);
    expect(run.stdout).toBe('');
    const error = await inRepo(['--rule', 'node-local-storage=error']);
    expect(error.code).toBe(1);
    const bad = await inRepo(['--rule', 'node-local-storag=off']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown rule "node-local-storag"; did you mean "node-local-storage"\?/);
  });

  it('--report-unused-disable-directives reports the comment that suppresses nothing', async () => {
    const run = await inRepo(['web/frontend.yaml', '--report-unused-disable-directives', '--format', 'compact']);
    expect(run.stdout).toBe('web/frontend.yaml:41:46: Unused stslint-disable directive: no "pod-selector-mismatch" problem was reported where it applies [unused-disable-directive]\n');
    expect(run.code).toBe(1);
  });

  it('--no-inline-config brings back what comments and annotations hid', async () => {
    const run = await inRepo(['web/frontend.yaml', 'web/reports.yaml', '--no-inline-config', '--format', 'compact']);
    expect(run.stdout.match(/^web\/frontend\.yaml:.*\[governing-service-missing\]$/gm)).toHaveLength(3);
    expect(run.stdout.match(/^web\/reports\.yaml:.*\[governing-service-missing\]$/gm)).toHaveLength(2);
  });

  it('disable/enable ranges and disable-file comments suppress within their scope only', async () => {
    const json = JSON.parse((await inRepo(['web/frontend.yaml', 'web/reports.yaml', '--format', 'json'])).stdout) as {
      messages: unknown[];
      suppressedMessages: { ruleId: string; line: number; suppressions: { justification: string }[] }[];
    }[];
    expect(json.map((result) => result.messages)).toEqual([[], []]);
    expect(json[0]!.suppressedMessages[2]).toMatchObject({
      ruleId: 'governing-service-missing',
      suppressions: [{ justification: 'workers are reached through the queue, never by pod name' }],
    });
    expect(json[1]!.suppressedMessages.map((m) => [m.line, m.suppressions[0]!.justification])).toEqual([
      [7, 'report runners are internal batch jobs with no peers'],
      [24, 'report runners are internal batch jobs with no peers'],
    ]);
  });

  it('leaves suppressed findings out of stylish and json messages, and counts them', async () => {
    const stylish = await inRepo(['--rule', 'node-local-storage=error']);
    expect(stylish.stdout).toContain('✖ 1 problem (1 error, 0 warnings)\n  6 more suppressed by comments, annotations or exemptions\n');
    const json = JSON.parse((await inRepo(['web/frontend.yaml', '--format', 'json'])).stdout) as {
      messages: unknown[];
      suppressedMessages: { ruleId: string; suppressions: { kind: string; justification: string }[] }[];
    }[];
    expect(json[0]!.messages).toEqual([]);
    expect(json[0]!.suppressedMessages.map((m) => [m.ruleId, m.suppressions[0]!.kind])).toEqual([
      ['governing-service-missing', 'directive'],
      ['governing-service-missing', 'annotation'],
      ['governing-service-missing', 'directive'],
    ]);
    expect(json[0]!.suppressedMessages[0]!.suppressions[0]!.justification).toBe('the Service is created by the mesh operator');
  });

  it('omits suppressed findings from SARIF unless --sarif-include-suppressed', async () => {
    const plain = JSON.parse((await inRepo(['--format', 'sarif'])).stdout) as { runs: { results: unknown[] }[] };
    expect(plain.runs[0]!.results).toHaveLength(1);
    const withSuppressed = JSON.parse((await inRepo(['--format', 'sarif', '--sarif-include-suppressed'])).stdout) as {
      runs: { results: { ruleId: string; suppressions: { kind: string; justification?: string }[] }[] }[];
    };
    assertSchemaValid(withSuppressed);
    assertGithubAcceptable(withSuppressed, { relativeUris: true });
    const results = withSuppressed.runs[0]!.results;
    expect(results).toHaveLength(7);
    expect(results.every((result) => Array.isArray(result.suppressions))).toBe(true);
    expect(results.map((result) => result.suppressions.map((s) => s.kind).join())).toEqual(expect.arrayContaining(['', 'external', 'inSource']));
  });

  it('stops with exit 2 and a position for a configuration error', async () => {
    const broken = path.join(repo, 'broken.yaml');
    writeFileSync(broken, readFileSync(path.join(repo, '.stslint.yaml'), 'utf8').replace('rules:', 'rule:'));
    const run = await inRepo(['--config', broken]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^stslint: broken\.yaml:9:1: unknown key "rule"; did you mean "rules"\?\n$/);
  });

  it('finds the configuration from a subfolder, up to the repository root', async () => {
    const run = await runCli(['statefulset.yaml', '--format', 'compact'], { cwd: path.join(repo, 'db'), now: NOW });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});
