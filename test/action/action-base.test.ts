import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandLines, makeWorkspace, removeWorkspaces, runActionInProcess, type ActionWorkspace } from './action-workspace.js';

// The action on a pull request: the workspace is a real git checkout of the pull request's head,
// with its base commit present (actions/checkout with fetch-depth: 0), and the event payload names
// that base commit. Without a `base` input the action compares with it.
afterAll(removeWorkspaces);

function git(cwd: string, ...args: string[]): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...env, GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1' } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

const STATEFUL_SET = `# The orders database and its headless Service.
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
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: orders-db
spec:
  serviceName: orders-db
  replicas: 1
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

interface PullRequest {
  ws: ActionWorkspace;
  /** The pull request's base commit (main). */
  baseSha: string;
  /** The runner's variables of a pull_request event. */
  env: Record<string, string>;
}

/** A checkout of a pull request whose head commit applies `edit` to db/database.yaml on top of main. */
function pullRequest(edit: (text: string) => string): PullRequest {
  const ws = makeWorkspace({ 'db/database.yaml': STATEFUL_SET });
  const root = ws.workspace;
  rmSync(path.join(root, '.git'), { recursive: true });
  git(root, 'init', '--quiet', '--initial-branch', 'main');
  git(root, 'config', 'user.name', 'Test User');
  git(root, 'config', 'user.email', 'test@example.com');
  git(root, 'config', 'commit.gpgsign', 'false');
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '--message', 'The orders database');
  const baseSha = git(root, 'rev-parse', 'HEAD');
  git(root, 'checkout', '--quiet', '-b', 'feature');
  const file = path.join(root, 'db/database.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  git(root, 'commit', '--quiet', '--all', '--message', 'Change the orders database');
  const event = path.join(ws.runner, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, base: { ref: 'main', sha: baseSha }, head: { ref: 'feature' } } }));
  return { ws, baseSha, env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_BASE_REF: 'main' } };
}

const growStorage = (text: string) => text.replace('storage: 10Gi', 'storage: 20Gi');

describe('the action compares with the pull request base', () => {
  it('fails on a claim template storage increase, naming the base branch', async () => {
    const pr = pullRequest(growStorage);
    const run = await runActionInProcess(pr.ws, { 'sarif-file': '' }, pr.env);
    expect(commandLines(run.stdout)).toEqual([
      '::error file=db/database.yaml,line=42,endLine=42,col=22,endColumn=26,title=immutable-field-changed::Claim template storage is immutable (was `10Gi` at main)',
    ]);
    expect(run.code).toBe(1);
    expect(run.outputs['exit-code']).toBe('1');
  });

  it('passes a replicas and image change', async () => {
    const pr = pullRequest((text) => text.replace('replicas: 1', 'replicas: 1\n  minReadySeconds: 10').replace('postgres:16.4', 'postgres:16.6'));
    const run = await runActionInProcess(pr.ws, { 'sarif-file': '' }, pr.env);
    expect(commandLines(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('compares with the base input when given, and not at all with none or outside pull requests', async () => {
    const pr = pullRequest(growStorage);
    const explicit = await runActionInProcess(pr.ws, { 'sarif-file': '', base: 'main' }, { GITHUB_EVENT_NAME: 'push' });
    expect(commandLines(explicit.stdout)).toEqual([expect.stringContaining('(was `10Gi` at main)')]);
    expect((await runActionInProcess(pr.ws, { 'sarif-file': '', base: 'none' }, pr.env)).code).toBe(0);
    expect((await runActionInProcess(pr.ws, { 'sarif-file': '' }, { GITHUB_EVENT_NAME: 'push' })).code).toBe(0);
  });

  it('fails with exit code 2 and a clear annotation when the base commit is not in the checkout', async () => {
    const pr = pullRequest(growStorage);
    const missing = 'f'.repeat(40);
    writeFileSync(pr.env.GITHUB_EVENT_PATH!, JSON.stringify({ pull_request: { base: { ref: 'main', sha: missing } } }));
    const run = await runActionInProcess(pr.ws, { 'sarif-file': '' }, pr.env);
    expect(run.code).toBe(2);
    expect(commandLines(run.stdout)).toContainEqual(
      `::error title=stslint::stslint: the pull request's base commit fffffff (main): no such commit in the repository ${pr.ws.workspace} (a shallow clone? fetch it, e.g. actions/checkout with fetch-depth: 0)`,
    );
  });

  it('fails with exit code 2 when the pull request event cannot be read', async () => {
    const pr = pullRequest(growStorage);
    const run = await runActionInProcess(pr.ws, { 'sarif-file': '' }, { ...pr.env, GITHUB_EVENT_PATH: path.join(pr.ws.runner, 'missing.json') });
    expect(run.code).toBe(2);
    expect(commandLines(run.stdout)).toContainEqual(expect.stringContaining("cannot read the pull request's base commit from the event payload"));
  });
});
