/**
 * Cold start: the wall time of `stslint <one 5 KB StatefulSet file>` against `node -e 0`, as a
 * user (pre-commit, editor on save) pays it. The two commands run alternately in this one process,
 * so machine noise hits both alike; medians are compared.
 *
 *   npm run bench:cold-start -- [--runs <n>] [--json]
 *
 * Phases: `node -e 0`; the bundled CLI (`dist/stslint.cjs`) with its V8 code cache warm (the usual
 * case from the second run on); and the same with the cache off (`STSLINT_NO_COMPILE_CACHE=1`,
 * what the very first run after an install pays). Target: warm ≤ 1.8 × `node -e 0`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'stslint.cjs');
const INPUT = path.join(ROOT, 'bench', 'fixtures', 'postgres-statefulset.yaml');
const TARGET = 1.8;

interface Phase {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

const PHASES: Phase[] = [
  { name: 'node -e 0', args: ['-e', '0'], env: process.env },
  { name: 'stslint, code cache warm', args: [CLI, INPUT], env: process.env },
  { name: 'stslint, code cache off', args: [CLI, INPUT], env: { ...process.env, STSLINT_NO_COMPILE_CACHE: '1' } },
];

function parseArgs(argv: readonly string[]): { runs: number; json: boolean } {
  const runsArg = argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? argv[argv.indexOf('--runs') + 1];
  const runs = argv.includes('--runs') || argv.some((arg) => arg.startsWith('--runs=')) ? Number(runsArg) : 40;
  if (!Number.isInteger(runs) || runs < 3) throw new Error('--runs needs a whole number ≥ 3');
  return { runs, json: argv.includes('--json') };
}

function timeOnce(phase: Phase): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, phase.args, { env: phase.env, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - start;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${phase.name} exited ${child.status}: ${child.stderr.toString()}`);
  return elapsed;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const { runs, json } = parseArgs(process.argv.slice(2));
for (const phase of PHASES) for (let i = 0; i < 3; i++) timeOnce(phase); // warm-up; fills the code cache
const samples = PHASES.map(() => [] as number[]);
for (let run = 0; run < runs; run++) {
  PHASES.forEach((phase, i) => samples[i]!.push(timeOnce(phase)));
}
const medians = samples.map(median);
const baseline = medians[0]!;
const result = {
  node: process.version,
  input: path.relative(ROOT, INPUT),
  runs,
  phases: PHASES.map((phase, i) => ({ name: phase.name, medianMs: Number(medians[i]!.toFixed(1)), ratio: Number((medians[i]! / baseline).toFixed(2)) })),
  target: TARGET,
};
if (json) {
  console.log(JSON.stringify(result));
} else {
  console.log(`Cold start: ${result.input}, ${runs} alternating runs per command, Node ${result.node}\n`);
  for (const phase of result.phases) console.log(`${phase.name.padEnd(26)} ${phase.medianMs.toFixed(1).padStart(7)} ms   ${phase.ratio.toFixed(2)}× node -e 0`);
  const warm = result.phases[1]!.ratio;
  console.log(`\ntarget: warm ≤ ${TARGET}× node -e 0: ${warm <= TARGET ? 'met' : 'NOT met'} (${warm.toFixed(2)}×)`);
}
