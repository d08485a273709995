import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import type { ProcessResult, RunProcess } from '../kustomize/kustomize-build.js';
import type { CliIO } from './cli-io.js';

/** The real process behind a {@link CliIO}: used by the executables' entry points only. */
export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    writeStdout: (chunk) => void process.stdout.write(chunk),
    writeStderr: (chunk) => void process.stderr.write(chunk),
    readStdin: () => (process.stdin.isTTY ? Promise.resolve('') : text(process.stdin)),
    now: () => new Date(),
    writeFile: async (file, content) => {
      await mkdir(path.dirname(path.resolve(file)), { recursive: true });
      await writeFile(file, content);
    },
    runProcess,
  };
}

/**
 * Runs a program without a shell (`child_process.execFile`), capturing its output as UTF-8 (up
 * to 256 MiB). Never rejects: a program that cannot be started gives its error code (`ENOENT` when
 * it is not on `PATH`), one that runs too long is killed (`ETIMEDOUT`).
 */
export const runProcess: RunProcess = (command, args, options) =>
  new Promise<ProcessResult>((resolve) => {
    execFile(command, [...args], { cwd: options.cwd, timeout: options.timeoutMs, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve({ exitCode: 0, stdout, stderr });
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code === 'string') return resolve({ exitCode: null, stdout, stderr, error: code });
      if (error.killed) return resolve({ exitCode: null, stdout, stderr, error: 'ETIMEDOUT' });
      resolve({ exitCode: typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });

/**
 * Sets the process exit code from a run's result, letting pending output drain (no
 * `process.exit`); a run that rejects is an internal error: one line on stderr, exit code 2.
 */
export function exitWhenSettled(run: Promise<number>): void {
  run.then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`stslint: internal error: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
