import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/fixtures.js';
import { KUBECTL } from '../support/kubectl.js';
import { runCli } from '../support/run-cli.js';

// `--base <git-ref>` and dependents, on fixture repositories made here with real git commits: each
// test commits a StatefulSet (and its Service), changes the working tree the way a user would, and
// runs the CLI in-process from the repository.

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

/** git with no global or system configuration, as in the pre-commit test. */
function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...cleanEnv(), GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1' },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
}

interface Repo {
  root: string;
  write(file: string, text: string): void;
  read(file: string): string;
  edit(file: string, from: string, to: string): void;
  commit(message: string): void;
  lint(...args: string[]): ReturnType<typeof runCli>;
}

/** A new repository holding `files`, committed once (unless `commit` is false). */
function makeRepo(files: Record<string, string>, commit = true): Repo {
  const root = mkdtempSync(path.join(os.tmpdir(), 'stslint-base-'));
  made.push(root);
  git(root, 'init', '--quiet', '--initial-branch', 'main');
  git(root, 'config', 'user.name', 'Test User');
  git(root, 'config', 'user.email', 'test@example.com');
  git(root, 'config', 'commit.gpgsign', 'false');
  const repo: Repo = {
    root,
    write(file, text) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    },
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
    edit(file, from, to) {
      const text = repo.read(file);
      if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
      repo.write(file, text.replace(from, to));
    },
    commit(message) {
      git(root, 'add', '--all');
      git(root, 'commit', '--quiet', '--message', message);
    },
    lint: (...args) => runCli(['--format', 'compact', '--rule', 'replication-bootstrap-missing=off', '--rule', 'replicas-not-spread=off', ...args], { cwd: root }),
  };
  for (const [file, text] of Object.entries(files)) repo.write(file, text);
  if (commit) repo.commit('Initial manifests');
  return repo;
}

const SERVICE = `# The headless governing Service of the orders database.
apiVersion: v1
kind: Service
metadata:
  name: orders-db
spec:
  clusterIP: None
  selector:
    app: orders-db
  ports:
    - name: postgres
      port: 5432
`;

const STATEFUL_SET = `# The orders database.
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: orders-db
spec:
  serviceName: orders-db
  replicas: 3
  selector:
    matchLabels:
      app: orders-db
  template:
    metadata:
      labels:
        app: orders-db
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 10Gi
`;

const CONTEXT = '# Every manifest is context for the others.\ncontext:\n  - "**/*.yaml"\nrules:\n  replication-bootstrap-missing: off\n  replicas-not-spread: off\n';

function databaseRepo(): Repo {
  return makeRepo({ '.stslint.yaml': CONTEXT, 'db/service.yaml': SERVICE, 'db/statefulset.yaml': STATEFUL_SET });
}

describe('--base: immutable-field-changed against real commits', () => {
  it('reports a claim template storage increase at the new size, with the old one', async () => {
    const repo = databaseRepo();
    repo.edit('db/statefulset.yaml', 'storage: 10Gi', 'storage: 20Gi');
    const run = await repo.lint('--base', 'HEAD', 'db/statefulset.yaml');
    expect(run.stdout).toBe(
      'db/statefulset.yaml:30:22: Claim template storage is immutable (was `10Gi` at HEAD) [immutable-field-changed]\n',
    );
    expect(run).toMatchObject({ stderr: '', code: 1 });
  });

  it('reports a selector change, a serviceName change and a podManagementPolicy change, one finding each', async () => {
    const repo = databaseRepo();
    repo.edit('db/statefulset.yaml', '      app: orders-db\n  template', '      app: orders-db\n      tier: primary\n  template');
    repo.edit('db/statefulset.yaml', '        app: orders-db\n    spec', '        app: orders-db\n        tier: primary\n    spec');
    repo.edit('db/statefulset.yaml', 'serviceName: orders-db', 'serviceName: orders');
    repo.edit('db/statefulset.yaml', 'replicas: 3', 'replicas: 3\n  podManagementPolicy: Parallel');
    const run = await repo.lint('--base', 'HEAD', '--rule', 'service-name-mismatch=off', 'db/statefulset.yaml');
    expect(run.stdout.split('\n')).toEqual([
      'db/statefulset.yaml:7:16: spec.serviceName is immutable (was `orders-db`) [immutable-field-changed]',
      'db/statefulset.yaml:9:24: spec.podManagementPolicy is immutable (was unset) [immutable-field-changed]',
      'db/statefulset.yaml:13:13: spec.selector is immutable (was `app=orders-db` at HEAD) [immutable-field-changed]',
      '',
    ]);
    expect(run.code).toBe(1);
  });

  it('passes changes of replicas and the pod template image', async () => {
    const repo = databaseRepo();
    repo.edit('db/statefulset.yaml', 'replicas: 3', 'replicas: 5');
    repo.edit('db/statefulset.yaml', 'postgres:16.4', 'postgres:16.6');
    expect(await repo.lint('--base', 'HEAD', 'db/statefulset.yaml')).toMatchObject({ stdout: '', stderr: '', code: 0 });
  });

  it('compares a renamed file with its old path', async () => {
    const repo = databaseRepo();
    renameSync(path.join(repo.root, 'db/statefulset.yaml'), path.join(repo.root, 'db/orders-db.yaml'));
    repo.edit('db/orders-db.yaml', 'storage: 10Gi', 'storage: 15Gi');
    git(repo.root, 'add', '--all');
    const run = await repo.lint('--base', 'HEAD', 'db/orders-db.yaml');
    expect(run.stdout).toContain('db/orders-db.yaml:30:22: Claim template storage is immutable (was `10Gi` at HEAD)');
    expect(run.stderr).toBe('stslint: --base HEAD: nothing to compare for 1 file (new since HEAD, or not in its repository): db/orders-db.yaml\n');
  });

  it('matches an object moved to another file by identity, not by path', async () => {
    const repo = makeRepo({ 'db/database.yaml': `${SERVICE}---\n${STATEFUL_SET}` });
    repo.write('db/database.yaml', SERVICE);
    repo.write('db/statefulset.yaml', STATEFUL_SET.replace('storage: 10Gi', 'storage: 30Gi'));
    repo.commit('Split the database file (the commit the base is compared with is the one before)');
    const run = await repo.lint('--base', 'HEAD~1', 'db/statefulset.yaml', 'db/database.yaml');
    expect(run.stdout).toBe(
      'db/statefulset.yaml:30:22: Claim template storage is immutable (was `10Gi` at HEAD~1) [immutable-field-changed]\n',
    );
    // Unchanged but moved: nothing to report.
    repo.write('db/statefulset.yaml', STATEFUL_SET);
    expect((await repo.lint('--base', 'HEAD~1', 'db/statefulset.yaml', 'db/database.yaml')).stdout).toBe('');
  });

  it('does not report a deleted StatefulSet, nor one new since the base', async () => {
    const repo = databaseRepo();
    rmSync(path.join(repo.root, 'db/statefulset.yaml'));
    repo.write('db/cache.yaml', STATEFUL_SET.replaceAll('orders-db', 'orders-cache').replace('10Gi', '1Gi'));
    const run = await repo.lint('--base', 'HEAD', '--rule', 'governing-service-missing=off', 'db');
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('stslint: --base HEAD: nothing to compare for 1 file (new since HEAD, or not in its repository): db/cache.yaml\n');
    expect(run.code).toBe(0);
  });

  it('compares with a branch, and with a commit id under a short label', async () => {
    const repo = databaseRepo();
    git(repo.root, 'branch', 'release');
    repo.edit('db/statefulset.yaml', 'storage: 10Gi', 'storage: 12Gi');
    repo.commit('Grow the storage');
    expect((await repo.lint('--base', 'release', 'db/statefulset.yaml')).stdout).toContain('(was `10Gi` at release)');
    const commit = git(repo.root, 'rev-parse', 'release');
    expect((await repo.lint('--base', commit, 'db/statefulset.yaml')).stdout).toContain(`(was \`10Gi\` at ${commit.slice(0, 7)})`);
    expect((await repo.lint('--base', 'HEAD', 'db/statefulset.yaml')).stdout).toBe('');
  });

  it('fails with exit code 2 when the ref names no commit, and still lints', async () => {
    const repo = databaseRepo();
    repo.edit('db/service.yaml', 'clusterIP: None', 'clusterIP: 10.96.0.50');
    const run = await repo.lint('--base', 'origin/main', 'db/statefulset.yaml', 'db/service.yaml');
    expect(run.stderr).toBe(
      `stslint: --base origin/main: no such commit in the repository ${git(repo.root, 'rev-parse', '--show-toplevel')} (a shallow clone? fetch it, e.g. actions/checkout with fetch-depth: 0)\n`,
    );
    expect(run.stdout).toContain('governing-service-not-headless');
    expect(run.code).toBe(2);
    expect((await repo.lint('--base', '--upload-pack=x', 'db')).code).toBe(2);
  });

  it('has nothing to compare, with one notice, without commits or outside git', async () => {
    const unborn = makeRepo({ 'db/statefulset.yaml': STATEFUL_SET, 'db/service.yaml': SERVICE }, false);
    const first = await unborn.lint('--base', 'HEAD', 'db');
    expect(first).toMatchObject({ stdout: '', code: 0 });
    expect(first.stderr).toBe('stslint: --base HEAD: nothing to compare for 2 files (HEAD has no commit yet): db/service.yaml, db/statefulset.yaml\n');
    const outside = mkdtempSync(path.join(os.tmpdir(), 'stslint-nogit-'));
    made.push(outside);
    writeFileSync(path.join(outside, 'statefulset.yaml'), STATEFUL_SET);
    const run = await runCli(['--format', 'compact', '--base', 'HEAD', '--rule', 'governing-service-missing=off', '--rule', 'replication-bootstrap-missing=off', '--rule', 'replicas-not-spread=off', 'statefulset.yaml'], { cwd: outside });
    expect(run).toMatchObject({ stdout: '', code: 0 });
    expect(run.stderr).toMatch(/^stslint: --base HEAD: nothing to compare for 1 file \(.* is not in a git repository\): statefulset\.yaml\n$/);
    expect(await runCli(['--format', 'compact', '--rule', 'governing-service-missing=off', 'statefulset.yaml'], { cwd: outside })).toMatchObject({ stderr: '' });
  });

  it('compares no kustomize build yet: a patched overlay is no false change, its raw files are still compared without builds', async ({ skip }) => {
    skip(!KUBECTL.available, `kubectl cannot run here: ${KUBECTL.reason}`);
    const repo = makeRepo({
      'base/kustomization.yaml': 'resources:\n  - statefulset.yaml\n  - service.yaml\n',
      'base/statefulset.yaml': STATEFUL_SET,
      'base/service.yaml': SERVICE,
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: storage.yaml\n',
      'overlays/prod/storage.yaml': `# The production database needs more room.\n${STATEFUL_SET.split('\n').slice(1).join('\n').replace('10Gi', '50Gi')}`,
    });
    repo.edit('overlays/prod/storage.yaml', 'replicas: 3', 'replicas: 5');
    const built = await repo.lint('--base', 'HEAD', 'overlays/prod/storage.yaml');
    expect(built.stdout).not.toContain('immutable-field-changed');
    repo.edit('base/statefulset.yaml', 'storage: 10Gi', 'storage: 20Gi');
    expect((await repo.lint('--base', 'HEAD', 'base/statefulset.yaml')).stdout).not.toContain('immutable-field-changed');
    expect((await repo.lint('--base', 'HEAD', '--no-kustomize', 'base/statefulset.yaml')).stdout).toContain('(was `10Gi` at HEAD)');
  });

  it('is turned off by --no-base', async () => {
    const repo = databaseRepo();
    repo.edit('db/statefulset.yaml', 'storage: 10Gi', 'storage: 20Gi');
    expect(await repo.lint('--base', 'HEAD', '--no-base', 'db/statefulset.yaml')).toMatchObject({ stdout: '', code: 0 });
  });
});

describe('immutable-field-changed messages', () => {
  it('stay within 120 characters in every fixture', () => {
    const folder = path.join(ROOT, 'fixtures/immutable-field-changed/invalid');
    const messages = readdirSync(folder)
      .filter((file) => file.endsWith('.out'))
      .flatMap((file) => readFileSync(path.join(folder, file), 'utf8').trim().split('\n'))
      .map((line) => line.replace(/^\S+:\d+:\d+: /, '').replace(/ \[immutable-field-changed\]$/, ''));
    expect(messages.length).toBeGreaterThanOrEqual(9);
    for (const message of messages) expect(message.length, message).toBeLessThanOrEqual(120);
  });
});

describe('dependents of the linted files', () => {
  it('lints the context StatefulSet of a changed Service and reports it in its own file, naming the Service', async () => {
    const repo = databaseRepo();
    repo.edit('db/service.yaml', 'clusterIP: None', 'clusterIP: 10.96.0.50');
    const run = await runCli(['--format', 'json', 'db/service.yaml'], { cwd: repo.root });
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    expect(results.map((result) => [path.relative(repo.root, result.filePath), result.messages.map((message) => message.ruleId)])).toEqual([
      ['db/service.yaml', []],
      ['db/statefulset.yaml', ['governing-service-not-headless']],
    ]);
    expect(run.code).toBe(1);
    const sarif = await runCli(['--format', 'sarif', 'db/service.yaml'], { cwd: repo.root });
    const result = JSON.parse(sarif.stdout).runs[0].results[0];
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('db/statefulset.yaml');
    expect(result.relatedLocations.map((related: { message: { text: string } }) => related.message.text)).toEqual([
      'clusterIP "10.96.0.50" is set here',
      'rechecked because Service "orders-db" changed',
    ]);
    expect(result.relatedLocations[1].physicalLocation).toMatchObject({ artifactLocation: { uri: 'db/service.yaml' }, region: { startLine: 5 } });
  });

  it('is turned off by --no-dependents, and needs the StatefulSet to be context', async () => {
    const repo = databaseRepo();
    repo.edit('db/service.yaml', 'clusterIP: None', 'clusterIP: 10.96.0.50');
    expect(await repo.lint('--no-dependents', 'db/service.yaml')).toMatchObject({ stdout: '', code: 0 });
    repo.write('.stslint.yaml', '# No context.\nnamespace: default\n');
    expect(await repo.lint('db/service.yaml')).toMatchObject({ stdout: '', code: 0 });
  });

  it('rechecks a StatefulSet whose Service a linted file no longer holds, with the base', async () => {
    const repo = databaseRepo();
    repo.write('db/service.yaml', SERVICE.replace('orders-db', 'orders-web').replace('app: orders-db', 'app: orders-web'));
    const withoutBase = await repo.lint('db/service.yaml');
    expect(withoutBase.stdout).toBe('');
    const withBase = await runCli(['--format', 'sarif', '--base', 'HEAD', 'db/service.yaml'], { cwd: repo.root });
    const result = JSON.parse(withBase.stdout).runs[0].results[0];
    expect(result.ruleId).toBe('governing-service-missing');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('db/statefulset.yaml');
    expect(result.relatedLocations.at(-1).message.text).toBe('rechecked because Service "orders-db" was removed');
  });

  it('leaves context objects that depend on nothing linted alone', async () => {
    const repo = databaseRepo();
    repo.write('web/config.yaml', '# An unrelated ConfigMap.\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  mode: fast\n');
    repo.edit('db/statefulset.yaml', 'storage: 10Gi', 'storage: 10Gi\n        storageClassName: local-path');
    expect(await repo.lint('web/config.yaml')).toMatchObject({ stdout: '', code: 0 });
  });
});
