import { limitHeapGrowth } from './heap-growth.js';
import { main } from './main.js';
import { exitWhenSettled, processIO } from './process-io.js';

// The `stslint` executable: the only place of the CLI that touches `process`.
limitHeapGrowth();
exitWhenSettled(main(process.argv.slice(2), processIO()));
