import { execFile } from 'node:child_process';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
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
    stdoutColumns: process.stdout.columns,
    writeStdout: (chunk) => void process.stdout.write(chunk),
    writeStderr: (chunk) => void process.stderr.write(chunk),
    readStdin: () => (process.stdin.isTTY ? Promise.resolve('') : text(process.stdin)),
    now: () => new Date(),
    writeFile: writeFileWhole,
    runProcess,
  };
}

/**
 * Writes a file so that it is never half-written: the text goes to a temporary file in the same
 * folder, which is then renamed over the target (a rename within one file system is atomic). An
 * interrupted or failed run leaves the previous report, or the unfixed manifest, whole. The mode of
 * an existing target is kept (a fixed manifest stays as executable or private as it was). Writing
 * to a non-regular file (`/dev/stdout`, a FIFO) cannot be renamed over, and is written directly.
 * Creates missing folders.
 */
export async function writeFileWhole(file: string, content: string): Promise<void> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    await writeFile(target, content);
    return;
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, content, existing ? { mode: existing.mode & 0o7777 } : {});
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
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
