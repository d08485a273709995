import { appendFile } from 'node:fs/promises';
import { exitWhenSettled, processIO } from '../cli/process-io.js';
import { runAction } from './run-action.js';

// The GitHub Action's entry point (`action.yml` runs the bundle `dist/action.cjs` built from this
// file, with no npm install): the only place of the action that touches `process`. The runner
// gives no standard input and no terminal.
exitWhenSettled(
  runAction({
    ...processIO(),
    stdoutIsTTY: false,
    readStdin: () => Promise.resolve(''),
    appendFile: (file, content) => appendFile(file, content),
  }),
);
