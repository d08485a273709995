import v8 from 'node:v8';

/** Input size from which a run limits the heap's growth (below it, the flag only costs start-up time). */
export const HEAP_GROWTH_LIMIT_MIN_BYTES = 8 * 1024 * 1024;

/**
 * Makes V8 collect garbage before its heap grows far past what is alive, for a large input. A large
 * run keeps every object while it parses the next file, and with V8's default heap growth the
 * syntax trees it has dropped pile up to about twice the live size between collections. A growth
 * of 30 % per collection kept peak RSS on 100 MB of manifests under 0.9 GB instead of 1.1 GB, at
 * no measurable cost in time (`npm run bench:scale`). The flag is a documented V8 option read at
 * each collection, so setting it before parsing takes effect; were it ignored, only memory would
 * suffer. Setting a flag costs about 10 ms of start-up, so small runs (a pre-commit hook, an editor
 * save) leave it alone. V8 keys its code cache to its flags: the first large run after an install
 * may make the next run recompile once.
 */
export function limitHeapGrowth(inputBytes: number): void {
  if (inputBytes >= HEAP_GROWTH_LIMIT_MIN_BYTES) v8.setFlagsFromString('--heap-growing-percent=30');
}
