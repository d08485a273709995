// The fuzz target (`npm run fuzz -- --runs <N> [--seed <S>]`): hostile manifests from
// test/support/fuzz.ts through the whole pipeline. Runs in chunks of 1,000 cases, chunk k with seed
// S + k, so that a failure does not stop the run; each failing chunk is shrunk by fast-check to a
// minimal case, written to fuzz-failures/<seed>.<ext> to replay with `stslint <file>`. Prints
// `N runs, F failures`; exits 1 when there is a failure.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { checkCase, fuzzCase, type FuzzCase } from '../test/support/fuzz.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`fuzz: ${name} needs a whole number`);
    process.exit(2);
  }
  return value;
}

const runs = option('--runs', 2000);
const seed = option('--seed', Date.now() % 2 ** 31);
const CHUNK = 1000;
const folder = path.resolve('fuzz-failures');
let done = 0;
let failures = 0;
let slowest = 0;
const started = performance.now();
for (let chunk = 0; done < runs; chunk++) {
  const numRuns = Math.min(CHUNK, runs - done);
  const chunkSeed = seed + chunk;
  const result = fc.check(
    fc.property(fuzzCase(), (fuzz: FuzzCase) => {
      const before = performance.now();
      const problem = checkCase(fuzz);
      slowest = Math.max(slowest, performance.now() - before);
      if (problem) throw new Error(problem);
    }),
    { numRuns, seed: chunkSeed },
  );
  done += result.failed ? result.numRuns : numRuns;
  if (result.failed) {
    failures++;
    const [minimal] = result.counterexample as [FuzzCase];
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${chunkSeed}${path.extname(minimal.file)}`);
    writeFileSync(file, minimal.text);
    console.log(`failure with seed ${chunkSeed} (path ${result.counterexamplePath}): ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`);
    console.log(`  minimal case written to ${path.relative(process.cwd(), file)}; replay: npx stslint ${path.relative(process.cwd(), file)}`);
  }
  if (chunk % 10 === 9) console.error(`${done} runs…`);
}
const seconds = (performance.now() - started) / 1000;
console.log(`${done} runs, ${failures} failures (seed ${seed}, ${seconds.toFixed(1)} s, ${((seconds * 1000) / Math.max(done, 1)).toFixed(1)} ms per case, slowest ${slowest.toFixed(0)} ms)`);
process.exitCode = failures > 0 ? 1 : 0;
