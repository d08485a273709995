import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runAction } from './run-action.js';

// The GitHub Action's entry point (`action.yml` runs the bundle `dist/action.cjs` built from this
// file, with no npm install): the only place of the action that touches `process`.
runAction({
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: false,
  writeStdout: (chunk) => void process.stdout.write(chunk),
  writeStderr: (chunk) => void process.stderr.write(chunk),
  readStdin: () => Promise.resolve(''),
  now: () => new Date(),
  writeFile: async (file, content) => {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, content);
  },
  appendFile: (file, content) => appendFile(file, content),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`stslint: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
