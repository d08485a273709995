import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ActionIO } from '../../src/action/action-io.js';
import { runAction } from '../../src/action/run-action.js';
import { ROOT } from '../support/fixtures.js';
import { runProcess } from '../../src/cli/process-io.js';

/** A simulated GitHub Actions job: a checked-out workspace and the runner's files beside it. */
export interface ActionWorkspace {
  /** `$GITHUB_WORKSPACE`: holds `.git` and the copied manifests. */
  workspace: string;
  /** Folder of the runner's files (`summary.md`, `output.txt`), outside the workspace. */
  runner: string;
}

/** What one action run printed, returned and left in the runner's files. */
export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Content of `$GITHUB_STEP_SUMMARY` after the run. */
  summary: string;
  /** The `name=value` lines of `$GITHUB_OUTPUT`, parsed. */
  outputs: Record<string, string>;
}

const made: string[] = [];

/**
 * Creates a temporary workspace with a `.git` folder and the given files: a value that is a path
 * (`{ from: 'examples/mysql-replicated' }`) is copied from the repository, a string is written.
 */
export function makeWorkspace(files: Record<string, string | { from: string }>): ActionWorkspace {
  const top = mkdtempSync(path.join(os.tmpdir(), 'stslint-action-'));
  made.push(top);
  const workspace = path.join(top, 'work', 'shop');
  const runner = path.join(top, 'runner');
  mkdirSync(path.join(workspace, '.git'), { recursive: true });
  mkdirSync(runner);
  for (const [target, content] of Object.entries(files)) {
    const file = path.join(workspace, target);
    mkdirSync(path.dirname(file), { recursive: true });
    if (typeof content === 'string') writeFileSync(file, content);
    else cpSync(path.join(ROOT, content.from), file, { recursive: true });
  }
  return { workspace, runner };
}

/** Removes every workspace {@link makeWorkspace} created. */
export function removeWorkspaces(): void {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/**
 * The environment the runner gives a JavaScript action: the workspace, the summary and output
 * files, the repository coordinates, and `INPUT_<NAME>` per input (upper-cased, dashes kept:
 * `INPUT_FAIL-LEVEL`). Colours off unless `extra` says otherwise.
 */
export function actionEnv(ws: ActionWorkspace, inputs: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ws.workspace,
    GITHUB_STEP_SUMMARY: path.join(ws.runner, 'summary.md'),
    GITHUB_OUTPUT: path.join(ws.runner, 'output.txt'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    NO_COLOR: '1',
    ...extra,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return env;
}

/** Runs the action in-process (`runAction`), started in the workspace as the runner does; `replace` swaps IO members. */
export async function runActionInProcess(
  ws: ActionWorkspace,
  inputs: Record<string, string>,
  extra: Record<string, string> = {},
  replace: Partial<ActionIO> = {},
): Promise<ActionRun> {
  const env = actionEnv(ws, inputs, extra);
  let stdout = '';
  let stderr = '';
  const code = await runAction({
    cwd: ws.workspace,
    env,
    stdoutIsTTY: false,
    writeStdout: (text) => {
      stdout += text;
    },
    writeStderr: (text) => {
      stderr += text;
    },
    readStdin: async () => '',
    now: () => new Date(2026, 5, 15, 12),
    writeFile: async (file, text) => {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    },
    appendFile: (file, text) => appendFile(file, text),
    runProcess,
    ...replace,
  });
  return { code, stdout, stderr, ...runnerFiles(ws) };
}

/** Runs a bundle of the action (`dist/action.cjs` or a copy) with node, as the runner does. */
export function runActionBundle(bundle: string, ws: ActionWorkspace, inputs: Record<string, string>): ActionRun {
  const env = { PATH: process.env.PATH ?? '', ...actionEnv(ws, inputs) };
  const child = spawnSync(process.execPath, [bundle], { cwd: ws.workspace, env, encoding: 'utf8' });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr, ...runnerFiles(ws) };
}

function runnerFiles(ws: ActionWorkspace): Pick<ActionRun, 'summary' | 'outputs'> {
  const read = (name: string) => (existsSync(path.join(ws.runner, name)) ? readFileSync(path.join(ws.runner, name), 'utf8') : '');
  const outputs: Record<string, string> = {};
  for (const line of read('output.txt').split('\n')) {
    const match = /^([^=<]+)=(.*)$/.exec(line);
    if (match) outputs[match[1]!] = match[2]!;
  }
  return { summary: read('summary.md'), outputs };
}

/** The annotation commands of a run's stdout: the lines outside the `::stop-commands::` block. */
export function commandLines(stdout: string): string[] {
  const lines = stdout.split('\n').filter((line) => line !== '');
  const start = lines.findIndex((line) => line.startsWith('::stop-commands::'));
  if (start < 0) return lines;
  const token = lines[start]!.slice('::stop-commands::'.length);
  const end = lines.indexOf(`::${token}::`);
  return [...lines.slice(0, start), ...lines.slice(end + 1)];
}
