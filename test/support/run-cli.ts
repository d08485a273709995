import { main } from '../../src/cli/main.js';
import { runProcess } from '../../src/cli/process-io.js';
import type { RunProcess } from '../../src/kustomize/kustomize-build.js';
import { ROOT } from './fixtures.js';

/** What an in-process CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Files written through `--output-file`, by path. */
  written: Map<string, string>;
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  cwd?: string;
  stdin?: string;
  env?: Record<string, string | undefined>;
  stdoutIsTTY?: boolean;
  /** The terminal's width (`process.stdout.columns`); default unknown. */
  stdoutColumns?: number;
  failWrites?: boolean;
  /** The date the run sees (exemption expiry); default 2026-06-15. */
  now?: Date;
  /** Runs programs (kustomize); default: really runs them. */
  runProcess?: RunProcess;
}

/** Runs `main` in-process with captured streams (no colour unless asked, no real stdin). */
export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const code = await main(args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    ...(options.stdoutColumns !== undefined ? { stdoutColumns: options.stdoutColumns } : {}),
    writeStdout: (text) => {
      stdout += text;
    },
    writeStderr: (text) => {
      stderr += text;
    },
    readStdin: async () => options.stdin ?? '',
    now: () => options.now ?? new Date(2026, 5, 15, 12),
    writeFile: async (file, text) => {
      if (options.failWrites) throw new Error('EACCES: permission denied');
      written.set(file, text);
    },
    runProcess: options.runProcess ?? runProcess,
  });
  return { code, stdout, stderr, written };
}
