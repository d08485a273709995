/**
 * Latency of the language server: time from a `textDocument/didChange` of the 5 KB StatefulSet
 * `bench/fixtures/postgres-statefulset.yaml` to the `textDocument/publishDiagnostics` carrying the
 * changed version, measured against the built server (`node dist/stslint.cjs lsp --stdio`, run
 * `npm run build` first) over stdio, with `initializationOptions.debounceMs: 0`.
 *
 *   npx tsx bench/lsp-latency.ts [--iterations <n>] [--workspace <folder>] [--json]
 *
 * Each change toggles `replicas: 1` ↔ `replicas: 2` (an incremental edit); changes are sent one at
 * a time, each after the previous publish. 5 changes warm up untimed. By default the workspace is
 * a temporary folder holding only the fixture; `--workspace <folder>` uses an existing folder
 * instead (all its manifests become context, as in an editor opened there) and edits the fixture
 * as an unsaved document inside it. Also reported: the bundle size, the time from spawn to the
 * `initialize` answer, and from `didOpen` to the first publish.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../test/lsp/lsp-client.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURE = path.join(ROOT, 'bench', 'fixtures', 'postgres-statefulset.yaml');
const LAUNCHER = path.join(ROOT, 'dist', 'stslint.cjs');
const BUNDLE = path.join(ROOT, 'dist', 'stslint-lsp.cjs');
const TARGET_MS = 50;
const WARM_UP = 5;
/** `  replicas: 1` is line 17 (0-based 16); the value starts at character 12. */
const REPLICAS = { start: { line: 16, character: 12 }, end: { line: 16, character: 13 } };

interface Options {
  iterations: number;
  workspace: string | undefined;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { iterations: 30, workspace: undefined, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--iterations') options.iterations = Number(argv[++i]);
    else if (arg === '--workspace') options.workspace = path.resolve(argv[++i] ?? '');
    else {
      console.error(`usage: npx tsx bench/lsp-latency.ts [--iterations <n>] [--workspace <folder>] [--json] (unknown argument ${arg})`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(options.iterations) || options.iterations < 1) {
    console.error('bench: --iterations needs a whole number ≥ 1');
    process.exit(2);
  }
  return options;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (readFileSync(BUNDLE, 'utf8').includes('not available in this build')) {
    console.error('bench: dist/stslint-lsp.cjs is the placeholder; run `npm run build` first');
    process.exit(2);
  }
  const temporary = options.workspace ? undefined : mkdtempSync(path.join(os.tmpdir(), 'stslint-lsp-bench-'));
  const folder = options.workspace ?? temporary!;
  if (temporary) {
    mkdirSync(path.join(temporary, '.git'));
    cpSync(FIXTURE, path.join(temporary, 'postgres-statefulset.yaml'));
  }
  const uri = pathToFileURL(path.join(folder, temporary ? '' : '.stslint-bench', 'postgres-statefulset.yaml')).href;
  const started = performance.now();
  const client = new LspClient(process.execPath, [LAUNCHER, 'lsp', '--stdio'], folder);
  try {
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
      capabilities: {},
      initializationOptions: { debounceMs: 0 },
    });
    const initializeMs = performance.now() - started;
    await client.notify('initialized', {});
    const openStart = performance.now();
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(FIXTURE, 'utf8') } });
    await client.waitForPublish((publish) => publish.uri === uri && publish.version === 1);
    const firstPublishMs = performance.now() - openStart;

    const samples: number[] = [];
    for (let version = 2; version < 2 + WARM_UP + options.iterations; version++) {
      const start = performance.now();
      await client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: REPLICAS, text: version % 2 === 0 ? '2' : '1' }],
      });
      await client.waitForPublish((publish) => publish.uri === uri && publish.version === version, client.published.length);
      if (version >= 2 + WARM_UP) samples.push(performance.now() - start);
    }
    await client.stop();

    const result = {
      node: process.version,
      workspace: options.workspace ?? 'temporary folder with the fixture only',
      bundleBytes: statSync(BUNDLE).size,
      initializeMs,
      firstPublishMs,
      changes: samples.length,
      medianMs: percentile(samples, 0.5),
      p90Ms: percentile(samples, 0.9),
      minMs: Math.min(...samples),
      maxMs: Math.max(...samples),
      targetMs: TARGET_MS,
    };
    if (options.json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    console.log(`stslint lsp: didChange → publishDiagnostics, ${path.relative(ROOT, FIXTURE)} (${statSync(FIXTURE).size} bytes), debounce 0`);
    console.log(`Node ${result.node}; workspace: ${result.workspace}; dist/stslint-lsp.cjs ${(result.bundleBytes / 1024).toFixed(0)} KiB`);
    console.log(`spawn → initialize answered: ${initializeMs.toFixed(0)} ms; didOpen → first publish: ${firstPublishMs.toFixed(1)} ms`);
    console.log(`${samples.length} changes after ${WARM_UP} warm-up: median ${result.medianMs.toFixed(1)} ms, p90 ${result.p90Ms.toFixed(1)} ms (min ${result.minMs.toFixed(1)}, max ${result.maxMs.toFixed(1)})`);
    console.log(`target: median ≤ ${TARGET_MS} ms: ${result.medianMs <= TARGET_MS ? 'met' : 'NOT met'}`);
  } finally {
    client.dispose();
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}

await main();
