/**
 * Throughput of stslint on the shared corpus against a bare `yaml` parse of the same bytes.
 *
 *   npm run bench:throughput -- [--iterations <n>] [--json]
 *   node --expose-gc --import tsx bench/lint-corpus.ts   (collects garbage before each timed phase)
 *
 * Every corpus file is read into memory once, by folder. Then, in this one process, each iteration
 * times (a) stslint: every folder linted as one run (`lintSources` with every rule: parse with
 * positions, index, rules, sort) and (b) the baseline: `parseAllDocuments(text)` and `toJS()` on
 * every document of the same texts, with `yaml`'s default options (YAML 1.2 core schema, no
 * `LineCounter`, no unique-key check), whereas stslint parses YAML 1.1 with a `LineCounter` and JSON
 * files with the JSON schema. All run once untimed first (warm-up); their order rotates per
 * iteration. A third phase lints without the schema rules (`schema-violation`,
 * `api-version-removed`), to show what validation against the API schema costs. Medians are
 * reported with min and max.
 */
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { lintSources } from '../src/engine/lint.js';
import type { SourceFile } from '../src/parser/source-file.js';
import { ALL_RULES } from '../rules/index.js';
import { CORPUS, corpusFolders, readCorpusFolder } from '../test/support/corpus.js';

interface Options {
  iterations: number;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { iterations: 5, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--iterations' || arg.startsWith('--iterations=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      options.iterations = Number(value);
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run bench:throughput -- [--iterations <n>] [--json]');
      process.exit(0);
    } else {
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

/** Keeps results alive so that no phase can be optimised away. */
let sink = 0;

/** The rules that validate against the Kubernetes API schema (issue 3), left out by the `without schema` phase. */
const SCHEMA_RULES = new Set(['schema-violation', 'api-version-removed']);
const RULES_WITHOUT_SCHEMA = ALL_RULES.filter((rule) => !SCHEMA_RULES.has(rule.id));

function lintCorpus(corpus: readonly SourceFile[][], rules = ALL_RULES): void {
  for (const files of corpus) {
    for (const result of lintSources(files, { rules })) sink += result.findings.length + result.objectCount;
  }
}

/** Parses every text with `yaml`'s defaults and converts every document; returns the document count. */
function parseBaseline(corpus: readonly SourceFile[][]): number {
  let documents = 0;
  for (const files of corpus) {
    for (const file of files) {
      for (const document of parseAllDocuments(file.text)) {
        documents += 1;
        try {
          const value: unknown = document.toJS({ maxAliasCount: 1000 });
          if (value !== undefined) sink += 1;
        } catch {
          sink -= 1;
        }
      }
    }
  }
  return documents;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function time(phase: () => void): number {
  collectGarbage();
  const start = performance.now();
  phase();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface PhaseFigures {
  medianMs: number;
  minMs: number;
  maxMs: number;
  samplesMs: number[];
  documentsPerSecond: number;
  megabytesPerSecond: number;
}

function figures(samples: number[], documents: number, bytes: number): PhaseFigures {
  const medianMs = median(samples);
  return {
    medianMs,
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    samplesMs: samples,
    documentsPerSecond: documents / (medianMs / 1000),
    megabytesPerSecond: bytes / 1e6 / (medianMs / 1000),
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const folders = corpusFolders();
  const corpus: SourceFile[][] = [];
  for (const folder of folders) corpus.push(await readCorpusFolder(folder));
  const files = corpus.flat();
  const bytes = files.reduce((n, file) => n + Buffer.byteLength(file.text, 'utf8'), 0);
  const objects = corpus.reduce((n, folder) => n + lintSources(folder, { rules: [] }).reduce((m, r) => m + r.objectCount, 0), 0);

  // Warm-up, untimed; the baseline's pass also counts the YAML documents both phases go through.
  lintCorpus(corpus);
  const documents = parseBaseline(corpus);

  lintCorpus(corpus, RULES_WITHOUT_SCHEMA);
  const stslint: number[] = [];
  const withoutSchema: number[] = [];
  const baseline: number[] = [];
  const phases = [
    () => stslint.push(time(() => lintCorpus(corpus))),
    () => withoutSchema.push(time(() => lintCorpus(corpus, RULES_WITHOUT_SCHEMA))),
    () => baseline.push(time(() => void parseBaseline(corpus))),
  ];
  for (let i = 0; i < options.iterations; i++) {
    // Rotate the order (a b c, b c a, c a b, …) so that no phase always runs first.
    for (let k = 0; k < phases.length; k++) phases[(i + k) % phases.length]!();
  }

  const result = {
    corpus: CORPUS,
    node: process.version,
    iterations: options.iterations,
    gcBetweenPhases: typeof (globalThis as { gc?: unknown }).gc === 'function',
    folders: folders.length,
    files: files.length,
    bytes,
    yamlDocuments: documents,
    kubernetesObjects: objects,
    rules: ALL_RULES.map((rule) => rule.id),
    stslint: figures(stslint, documents, bytes),
    withoutSchema: figures(withoutSchema, documents, bytes),
    baseline: { ...figures(baseline, documents, bytes), options: 'yaml defaults (YAML 1.2 core schema), parseAllDocuments + toJS' },
    ratio: median(stslint) / median(baseline),
    ratioWithoutSchema: median(withoutSchema) / median(baseline),
  };

  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const mb = (bytes / 1e6).toFixed(2);
  console.log(`Corpus: ${CORPUS}`);
  console.log(`${result.folders} folders, ${result.files} files, ${mb} MB, ${documents} YAML documents, ${objects} Kubernetes objects`);
  console.log(`Node ${result.node}, ${result.rules.length} rules, ${options.iterations} iteration(s) after 1 warm-up, order rotating${result.gcBetweenPhases ? ', gc before each phase' : ''}\n`);
  const header = ['phase', 'median ms', 'min ms', 'max ms', 'docs/s', 'MB/s'];
  const rows = [
    ['stslint (parse + index + rules)', result.stslint],
    ['stslint without schema rules', result.withoutSchema],
    ['yaml baseline (parse + toJS)', result.baseline],
  ] as const;
  const cells = [
    header,
    ...rows.map(([name, f]) => [
      name,
      f.medianMs.toFixed(1),
      f.minMs.toFixed(1),
      f.maxMs.toFixed(1),
      Math.round(f.documentsPerSecond).toLocaleString('en-US'),
      f.megabytesPerSecond.toFixed(2),
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  for (const [n, row] of cells.entries()) {
    console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(`\nstslint / baseline (median): ${result.ratio.toFixed(2)}×; without the schema rules: ${result.ratioWithoutSchema.toFixed(2)}×`);
  console.log('Baseline uses yaml\'s default options (YAML 1.2 core schema, no LineCounter); stslint parses YAML 1.1 with positions.');
}

await main();
