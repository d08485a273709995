import { main } from './main.js';
import { exitWhenSettled, processIO } from './process-io.js';

// The `stslint` executable: the only place of the CLI that touches `process`.
exitWhenSettled(main(process.argv.slice(2), processIO()));
