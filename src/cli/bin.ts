import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { main } from './main.js';

// The `stslint` executable: the only place that touches `process`.
main(process.argv.slice(2), {
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
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`stslint: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
