import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/fixtures.js';
import { KUBECTL } from '../support/kubectl.js';

// The pre-commit hook end to end, with a REAL pre-commit (Debian's package in CI): the hook is
// installed from a clean clone of this repository at its HEAD commit, as users get it from
// `rev:`, into a throwaway git repository whose commits then run it.
//
// - The clone holds committed work only: uncommitted changes to .pre-commit-hooks.yaml,
//   package.json or dist/ are not tested until they are committed (a notice says so).
// - pre-commit missing: the suite FAILS when CI is set (.ci/run installs it) and is skipped with
//   a note otherwise.
// - Isolation: PRE_COMMIT_HOME in the temporary folder, no global or system git configuration,
//   no inherited GIT_*/PRE_COMMIT*/SKIP variables. The hook install runs npm against the registry
//   (the npm cache is the user's, as for any install).
const USER_REPO_FIXTURE = path.join(import.meta.dirname, 'user-repo');
const IN_CI = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const MISSING = 'pre-commit is not installed (Debian: apt-get install pre-commit; .ci/run installs it)';
const INSTALL_TIMEOUT_MS = 240_000;
const COMMAND_TIMEOUT_MS = 60_000;

interface Run {
  code: number | null;
  stdout: string;
  /** Standard output then standard error. */
  output: string;
  seconds: number;
}

/** The environment of every command: the caller's, less what would change git or pre-commit. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(GIT_|PRE_COMMIT)/.test(name) || ['SKIP', 'FORCE_COLOR', 'NO_COLOR'].includes(name)) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, timeout = COMMAND_TIMEOUT_MS): Run {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
  const seconds = (performance.now() - start) / 1000;
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  return { code: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}`, seconds };
}

/** Runs a command that must succeed, and returns its standard output trimmed. */
function check(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, timeout?: number): string {
  const result = run(command, args, cwd, env, timeout);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.output}`);
  return result.stdout.trim();
}

const PRE_COMMIT_VERSION = (() => {
  const result = spawnSync('pre-commit', ['--version'], { encoding: 'utf8', env: cleanEnv() });
  return result.status === 0 ? result.stdout.trim() : undefined;
})();

describe('package.json lets pre-commit install the hook from a git revision', () => {
  // pre-commit < 4.6.1 runs `npm install` and `npm pack` in the clone and takes ALL of `npm pack`'s
  // stdout as the tarball name; ≥ 4.6.1 installs from git, which runs `prepare` with devDependencies.
  // A lifecycle script breaks the first and needs a build in the second (integrations.md §4.3).
  const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
    scripts?: Record<string, string>;
  };

  it('has no script that npm install or npm pack would run', () => {
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare', 'prepack', 'postpack'];
    const present = lifecycle.filter((name) => packageJson.scripts?.[name] !== undefined);
    expect(present, 'lifecycle scripts break the pre-commit hook install: ship the built dist/ instead').toEqual([]);
  });

  it('packs the bin and the bundles its launcher loads', () => {
    const packed = JSON.parse(check('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT, cleanEnv())) as { files: { path: string }[] }[];
    const files = new Set(packed[0]!.files.map((file) => file.path));
    // src/cli/launcher.ts runs the bundles beside it in dist/ (the CLI, and the language server for `stslint lsp`).
    const launched = [...readFileSync(path.join(ROOT, 'src/cli/launcher.ts'), 'utf8').matchAll(/'(stslint-[\w-]+\.cjs)'/g)].map((match) => `dist/${match[1]}`);
    expect(launched).toContain('dist/stslint-main.cjs');
    for (const file of [...Object.values(packageJson.bin), ...launched]) expect(files.has(path.normalize(file)), `${file} is packed`).toBe(true);
  });
});

describe(`pre-commit hook installed from this repository's HEAD (${PRE_COMMIT_VERSION ?? 'pre-commit missing'})`, () => {
  let temporary = '';
  let userRepo = '';
  let env: NodeJS.ProcessEnv = {};
  const timings: string[] = [];
  const git = (...args: string[]) => run('git', args, userRepo, env);
  const preCommit = (...args: string[]) => run('pre-commit', args, userRepo, env);
  const head = () => check('git', ['rev-parse', 'HEAD'], userRepo, env);

  beforeAll(() => {
    if (PRE_COMMIT_VERSION === undefined) {
      if (IN_CI) throw new Error(`${MISSING}: CI must run this test`);
      console.warn(`pre-commit test skipped: ${MISSING}`);
      return;
    }
    temporary = mkdtempSync(path.join(os.tmpdir(), 'stslint-pre-commit-'));
    const hookRepo = path.join(temporary, 'stslint-hook');
    check('git', ['clone', '--quiet', ROOT, hookRepo], temporary, cleanEnv());
    const rev = check('git', ['rev-parse', 'HEAD'], hookRepo, cleanEnv());
    if (!existsSync(path.join(hookRepo, '.pre-commit-hooks.yaml'))) {
      throw new Error(`HEAD (${rev}) has no .pre-commit-hooks.yaml: this test installs the hook from committed work, as users get it; commit it first`);
    }
    const uncommitted = check('git', ['status', '--porcelain', '--', '.pre-commit-hooks.yaml', 'package.json', 'package-lock.json', 'dist'], ROOT, cleanEnv());
    if (uncommitted !== '') console.warn(`pre-commit test: installs HEAD ${rev.slice(0, 12)}; these uncommitted changes are not tested:\n${uncommitted}`);

    env = cleanEnv({
      PRE_COMMIT_HOME: path.join(temporary, 'pre-commit-home'),
      PRE_COMMIT_COLOR: 'never',
      GIT_CONFIG_GLOBAL: os.devNull,
      GIT_CONFIG_NOSYSTEM: '1',
    });
    userRepo = path.join(temporary, 'user');
    cpSync(USER_REPO_FIXTURE, userRepo, { recursive: true });
    check('git', ['init', '--quiet', '--initial-branch', 'main'], userRepo, env);
    for (const [key, value] of [['user.name', 'Test User'], ['user.email', 'test@example.com'], ['commit.gpgsign', 'false']]) {
      check('git', ['config', key!, value!], userRepo, env);
    }
    writeFileSync(
      path.join(userRepo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${JSON.stringify(hookRepo)}\n    rev: ${rev}\n    hooks:\n      - id: stslint\n`,
    );
    check('pre-commit', ['install'], userRepo, env);
    const install = run('pre-commit', ['install-hooks'], userRepo, env, INSTALL_TIMEOUT_MS);
    if (install.code !== 0) throw new Error(`pre-commit install-hooks exited ${install.code}:\n${install.output}`);
    timings.push(`hook install ${install.seconds.toFixed(1)} s`);
  }, INSTALL_TIMEOUT_MS + 60_000);

  afterAll(() => {
    if (timings.length > 0) console.info(`${PRE_COMMIT_VERSION}: ${timings.join(', ')}`);
    if (temporary !== '') rmSync(temporary, { recursive: true, force: true });
  });

  it('accepts the hook manifest of the working tree', ({ skip }) => {
    skip(PRE_COMMIT_VERSION === undefined, MISSING);
    expect(run('pre-commit', ['validate-manifest', path.join(ROOT, '.pre-commit-hooks.yaml')], ROOT, env).code).toBe(0);
  });

  it('passes non-Kubernetes YAML quietly and leaves Helm templates out', ({ skip }) => {
    skip(PRE_COMMIT_VERSION === undefined, MISSING);
    check('git', ['add', '.pre-commit-config.yaml', '.stslint.yaml', 'db/service.yaml', 'chart'], userRepo, env);
    const commit = git('commit', '--message', 'Catalog database Service and chart');
    timings.push(`first commit ${commit.seconds.toFixed(2)} s`);
    expect(commit.output).toMatch(/^stslint\.+Passed$/m);
    expect(commit.code).toBe(0);
    const quiet = preCommit('run', 'stslint', '--verbose', '--files', '.pre-commit-config.yaml', '.stslint.yaml', 'chart/values.yaml');
    expect(quiet.output).toMatch(/^stslint\.+Passed\n- hook id: stslint\n- duration: [\d.]+s\n$/);
    const template = preCommit('run', 'stslint', '--verbose', '--files', 'chart/templates/statefulset.yaml');
    expect(template.output).toMatch(/^stslint\.+\(no files to check\)Skipped$/m);
  });

  it('passes a commit of the StatefulSet alone: its Service in another file comes from context', ({ skip }) => {
    skip(PRE_COMMIT_VERSION === undefined, MISSING);
    check('git', ['add', 'db/statefulset.yaml'], userRepo, env);
    const commit = git('commit', '--message', 'Catalog database');
    timings.push(`passing commit ${commit.seconds.toFixed(2)} s`);
    expect(commit.output).toMatch(/^stslint\.+Passed$/m);
    expect(commit.code).toBe(0);
    expect(check('git', ['show', '--name-only', '--format=%s', 'HEAD'], userRepo, env)).toBe('Catalog database\n\ndb/statefulset.yaml');

    // Without context the same single-file run cannot see the Service.
    writeFileSync(path.join(userRepo, '.stslint.yaml'), '# No context: a single-file run sees only that file.\nignores:\n  - "chart/templates/**"\n');
    const noContext = preCommit('run', 'stslint', '--files', 'db/statefulset.yaml');
    check('git', ['checkout', '--', '.stslint.yaml'], userRepo, env);
    expect(noContext.output).toContain('governing-service-missing');
    expect(noContext.code).toBe(1);
  });

  it('fails a commit of a StatefulSet whose serviceName is misspelled, at its line and column', ({ skip }) => {
    skip(PRE_COMMIT_VERSION === undefined, MISSING);
    const before = head();
    const file = path.join(userRepo, 'db/statefulset.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('serviceName: catalog-db', 'serviceName: catalog-dbs'));
    check('git', ['add', 'db/statefulset.yaml'], userRepo, env);
    const commit = git('commit', '--message', 'Rename the catalog Service');
    timings.push(`failing commit ${commit.seconds.toFixed(2)} s`);
    expect(commit.output).toMatch(/^stslint\.+Failed\n- hook id: stslint\n- exit code: 1\n/m);
    // Two findings on the same field: the name resolves to no Service, and (the hook compares with
    // HEAD) serviceName cannot change on an existing StatefulSet anyway.
    expect(commit.output).toContain('\ndb/statefulset.yaml\n  7:16  error  spec.serviceName is immutable (was `catalog-db`)  ');
    expect(commit.output).toMatch(
      /\n {2}7:16 {2}error {2}spec\.serviceName names no Service, so no per-pod DNS names; did you mean "catalog-db"\? {2}service-name-mismatch\n/,
    );
    expect(commit.output).not.toContain('\u001b[');
    expect(commit.code).not.toBe(0);
    expect(head()).toBe(before);
  });

  it('rebuilds the kustomize overlay that uses a changed patch, and reports at the patch line', ({ skip }) => {
    skip(PRE_COMMIT_VERSION === undefined, MISSING);
    skip(!KUBECTL.available, `kubectl cannot run here: ${KUBECTL.reason}`);
    // The previous test left a misspelt serviceName staged: this commit is about the shop only.
    check('git', ['checkout', 'HEAD', '--', 'db/statefulset.yaml'], userRepo, env);
    check('git', ['add', 'shop'], userRepo, env);
    const commit = git('commit', '--message', 'Shop database, three replicas in production');
    timings.push(`kustomize commit ${commit.seconds.toFixed(2)} s`);
    expect(commit.output).toMatch(/^stslint\.+Passed$/m); // a warning does not fail the hook
    const patch = preCommit('run', 'stslint', '--verbose', '--files', 'shop/overlays/prod/replicas.yaml');
    // The overlay's three replicas are reported at the patch line: no replication bootstrap (and, as
    // the base keeps no pods apart, replicas-not-spread on the same line).
    expect(patch.output).toMatch(
      /\nshop\/overlays\/prod\/replicas\.yaml\n(?: {2}6:13 {2}warning {2}.*\n)*? {2}6:13 {2}warning {2}spec\.replicas is 3, but nothing joins the PostgreSQL pods: each runs as a separate primary/,
    );
    expect(patch.output).not.toMatch(/pod-selector-mismatch|schema-violation|governing-service-missing/);
    const base = preCommit('run', 'stslint', '--verbose', '--files', 'shop/base/postgres.yaml');
    expect(base.output).toContain('shop/overlays/prod/replicas.yaml\n  6:13  warning');
  });

  it('fails a commit that changes only the Service, with the StatefulSet\'s finding in its own file', ({ skip }) => {
    skip(PRE_COMMIT_VERSION === undefined, MISSING);
    check('git', ['checkout', 'HEAD', '--', 'db/statefulset.yaml'], userRepo, env);
    const before = head();
    const file = path.join(userRepo, 'db/service.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('clusterIP: None', 'clusterIP: 10.96.0.50'));
    check('git', ['add', 'db/service.yaml'], userRepo, env);
    const commit = git('commit', '--message', 'Give the catalog Service a cluster IP');
    timings.push(`dependent commit ${commit.seconds.toFixed(2)} s`);
    expect(commit.output).toMatch(/^stslint\.+Failed\n- hook id: stslint\n- exit code: 1\n/m);
    expect(commit.output).toContain(
      '\ndb/statefulset.yaml\n  7:16  error  Governing Service "catalog-db" is not headless: per-pod DNS names need clusterIP: None',
    );
    expect(commit.output).toContain('governing-service-not-headless');
    expect(head()).toBe(before);
    check('git', ['checkout', 'HEAD', '--', 'db/service.yaml'], userRepo, env);
  });

  it('compares with HEAD: fails a claim template storage increase, passes a replicas change', ({ skip }) => {
    skip(PRE_COMMIT_VERSION === undefined, MISSING);
    const before = head();
    const file = path.join(userRepo, 'db/statefulset.yaml');
    const committed = readFileSync(file, 'utf8');
    writeFileSync(file, committed.replace('storage: 20Gi', 'storage: 50Gi'));
    check('git', ['add', 'db/statefulset.yaml'], userRepo, env);
    const grow = git('commit', '--message', 'More room for the catalog');
    timings.push(`immutable-change commit ${grow.seconds.toFixed(2)} s`);
    expect(grow.output).toMatch(/^stslint\.+Failed\n- hook id: stslint\n- exit code: 1\n/m);
    expect(grow.output).toContain('  33:22  error  Claim template storage is immutable (was `20Gi` at HEAD)  immutable-field-changed\n');
    expect(head()).toBe(before);

    writeFileSync(file, committed.replace('replicas: 1', 'replicas: 3'));
    check('git', ['add', 'db/statefulset.yaml'], userRepo, env);
    const scale = git('commit', '--message', 'Three catalog replicas');
    expect(scale.output).toMatch(/^stslint\.+Passed$/m);
    expect(scale.code).toBe(0);
    expect(head()).not.toBe(before);
  });
});
