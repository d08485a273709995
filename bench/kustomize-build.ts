/**
 * What linting a kustomize tree costs, per build, against building it with kubectl alone.
 *
 *   npm run bench:kustomize -- [--iterations <n>] [--json]      (needs kubectl on PATH)
 *
 * For each tree of test/kustomize/trees and examples/kustomize-postgres, each iteration times, in
 * an order that rotates:
 *   (a) baseline: `kubectl kustomize <overlay>` run directly, output discarded: what a user pays to
 *       render the overlay anyway (and what `kubectl kustomize … | stslint -` would add);
 *   (b) build: stslint's build of the same overlay (`kustomizeBuilder`: a temporary wrapper
 *       kustomization with origin and transformer annotations, then `kubectl kustomize`);
 *   (c) map and lint: reading that build's output into objects with source maps, and linting them
 *       with every rule (`kustomizeRun` with a builder that returns the output of (b), then
 *       `lintSources`), in this process;
 *   (d) the whole run: `stslint <tree> --format compact` in this process (`main`), kustomize on.
 * Medians with min and max are reported, and each phase as a ratio to the baseline.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ALL_RULES } from '../rules/index.js';
import { main as cliMain } from '../src/cli/main.js';
import { runProcess } from '../src/cli/process-io.js';
import { lintSources } from '../src/engine/lint.js';
import { findKustomizationFiles } from '../src/kustomize/kustomization.js';
import { kustomizeBuilder, type KustomizeBuild } from '../src/kustomize/kustomize-build.js';
import { kustomizeRun } from '../src/kustomize/kustomize-run.js';
import { KustomizeTrees, readSourceFromDisk } from '../src/kustomize/kustomize-trees.js';
import { readInputs } from '../src/parser/read-inputs.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const TREES = path.join(ROOT, 'test/kustomize/trees');

interface Options {
  iterations: number;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { iterations: 7, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--iterations') options.iterations = Number(argv[++i]);
    else if (arg.startsWith('--iterations=')) options.iterations = Number(arg.slice('--iterations='.length));
    else {
      console.error(`bench: unknown argument ${arg}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(options.iterations) || options.iterations < 1) {
    console.error('bench: --iterations needs a whole number ≥ 1');
    process.exit(2);
  }
  return options;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function time(phase: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await phase();
  return performance.now() - start;
}

/** The trees measured: [name, tree folder, top kustomization folder], one row per top. */
async function trees(): Promise<[string, string, string][]> {
  const found: [string, string, string][] = [];
  const roots: [string, string][] = readdirSync(TREES)
    .filter((scenario) => existsSync(path.join(TREES, scenario, 'tree')))
    .sort()
    .map((scenario) => [scenario, path.join(TREES, scenario, 'tree')]);
  roots.push(['examples/kustomize-postgres', path.join(ROOT, 'examples/kustomize-postgres')]);
  for (const [name, tree] of roots) {
    const files = await findKustomizationFiles(tree);
    const loaded = await KustomizeTrees.load(files, readSourceFromDisk);
    for (const top of loaded.tops(files)) found.push([name, tree, top.directory]);
  }
  return found;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const version = /Kustomize Version: (\S+)/.exec(execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8' }))?.[1] ?? '?';
  const silent = { cwd: ROOT, env: {}, stdoutIsTTY: false, writeStdout: () => {}, writeStderr: () => {}, readStdin: async () => '', writeFile: async () => {}, now: () => new Date(), runProcess };
  const rows: Record<string, unknown>[] = [];
  for (const [name, tree, overlay] of await trees()) {
    const builder = kustomizeBuilder({ runProcess, command: ['kubectl', 'kustomize'], cwd: tree });
    const { files } = await readInputs([tree], { cwd: tree });
    let last: KustomizeBuild = await builder(overlay);
    const samples = { baseline: [] as number[], build: [] as number[], mapAndLint: [] as number[], run: [] as number[] };
    const phases: (() => Promise<void>)[] = [
      async () => void samples.baseline.push(await time(() => runProcess('kubectl', ['kustomize', overlay], { cwd: tree, timeoutMs: 60_000 }))),
      async () => void samples.build.push(await time(async () => (last = await builder(overlay)))),
      async () =>
        void samples.mapAndLint.push(
          await time(async () => {
            const kustomize = await kustomizeRun({ walked: files, named: [], repository: [] }, { builder: async () => last, read: readSourceFromDisk, cwd: tree });
            lintSources(files, { rules: ALL_RULES, kustomize });
          }),
        ),
      async () => void samples.run.push(await time(() => cliMain([tree, '--format', 'compact'], { ...silent, cwd: tree }))),
    ];
    for (const phase of phases) await phase(); // warm-up
    for (let i = 0; i < options.iterations; i++) {
      for (let j = 0; j < phases.length; j++) await phases[(i + j) % phases.length]!();
    }
    const baseline = median(samples.baseline);
    const row: Record<string, unknown> = { tree: name, objects: last.status === 'built' ? (last.output.match(/^kind:/gm) ?? []).length : 0 };
    for (const [phase, values] of Object.entries(samples)) {
      row[phase] = { medianMs: median(values), minMs: Math.min(...values), maxMs: Math.max(...values), ratio: median(values) / baseline };
    }
    rows.push(row);
  }
  if (options.json) {
    console.log(JSON.stringify({ kustomize: version, node: process.version, iterations: options.iterations, rows }, null, 2));
    return;
  }
  const cell = (figures: unknown) => {
    const { medianMs, ratio } = figures as { medianMs: number; ratio: number };
    return `${medianMs.toFixed(1).padStart(6)} ms ${`(${ratio.toFixed(2)}x)`.padStart(8)}`;
  };
  console.log(`kubectl kustomize (Kustomize ${version}), Node ${process.version}, ${options.iterations} iterations, medians; ratio to (a)\n`);
  console.log(`${'tree'.padEnd(28)} ${'objects'.padStart(7)}  ${'(a) kubectl kustomize'.padEnd(19)}  ${'(b) stslint build'.padEnd(19)}  ${'(c) map + lint'.padEnd(19)}  (d) whole run`);
  for (const row of rows) {
    console.log(`${String(row.tree).padEnd(28)} ${String(row.objects).padStart(7)}  ${cell(row.baseline)}  ${cell(row.build)}  ${cell(row.mapAndLint)}  ${cell(row.run)}`);
  }
}

await main();
