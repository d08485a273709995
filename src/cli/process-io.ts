import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { text } from 'node:stream/consumers';
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
  };
}

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
