import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ManifestDocument } from '../parser/manifest-document.js';
import { parseDocuments, type ParsedFile, type ParseProblem } from '../parser/parse-documents.js';
import type { SourceFile } from '../parser/source-file.js';
import type { InputLimits } from '../parser/input-limits.js';
import { parseOptions } from './parse-options.js';

/** `--jobs`: a number of threads, or `auto` for one per available core. */
export type Jobs = number | 'auto';

/** What a worker sends back for one file: its documents without the file (the main thread has it). */
export interface WorkerParsedFile {
  documents: Omit<ManifestDocument, 'file'>[];
  problems: ParseProblem[];
}

/**
 * Below this many bytes of input, parsing stays on the main thread whatever `--jobs` says: starting
 * a worker and copying the parsed objects back costs more than it saves (measured in
 * `npm run bench:scale`; a pre-commit run or an editor save is far below it).
 */
export const PARALLEL_PARSE_MIN_BYTES = 4 * 1024 * 1024;

/** The number of threads `jobs` stands for: `auto` is `os.availableParallelism()`; at least 1. */
export function threadCount(jobs: Jobs): number {
  if (jobs === 'auto') return Math.max(1, os.availableParallelism());
  return Math.max(1, Math.floor(jobs));
}

/**
 * Parses files as `parseDocuments` does, on `threads` worker threads when the input is large enough
 * (`minBytes`, by default {@link PARALLEL_PARSE_MIN_BYTES}), else on this thread. This thread only
 * gathers the results while the workers parse: it holds every parsed object, so collecting garbage
 * here is slow, while a worker's heap stays small (measured: 100 MB in 24.7 s with two workers,
 * 29.4 s with this thread parsing a share beside one worker). Results are in input order and
 * equal to a single-threaded parse, so the output of a run does not depend on `--jobs`. Files are
 * dealt to workers largest first, each to the least loaded. A worker that fails (it cannot start,
 * or dies) rejects the promise: the caller reports an internal failure.
 */
export async function parseFiles(files: readonly SourceFile[], threads: number, minBytes = PARALLEL_PARSE_MIN_BYTES, limits?: InputLimits): Promise<ParsedFile[]> {
  const bytes = files.reduce((sum, file) => sum + file.text.length, 0);
  const workers = Math.min(threads, files.length);
  if (workers <= 1 || bytes < minBytes) return files.map((file) => parseDocuments(file, parseOptions(limits)));
  const batches: { files: SourceFile[]; positions: number[]; bytes: number }[] = Array.from({ length: workers }, () => ({ files: [], positions: [], bytes: 0 }));
  const order = files.map((_, position) => position).sort((a, b) => files[b]!.text.length - files[a]!.text.length);
  for (const position of order) {
    const batch = batches.reduce((least, candidate) => (candidate.bytes < least.bytes ? candidate : least));
    batch.files.push(files[position]!);
    batch.positions.push(position);
    batch.bytes += files[position]!.text.length;
  }
  const results: ParsedFile[] = new Array(files.length);
  const working = batches.map((batch) =>
    runWorker(batch.files, limits, (result, i) => {
      const file = batch.files[i]!;
      results[batch.positions[i]!] = { file, documents: result.documents.map((document) => ({ ...document, file })), problems: result.problems };
    }),
  );
  await Promise.all(working);
  return results;
}

/** Parses `files` on a new worker; `onResult` receives each file's result, in order. */
function runWorker(files: readonly SourceFile[], limits: InputLimits | undefined, onResult: (result: WorkerParsedFile, position: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = startWorker();
    let received = 0;
    worker.on('message', (message: WorkerParsedFile[] | 'done') => {
      if (message !== 'done') {
        for (const result of message) onResult(result, received++);
        return;
      }
      worker.removeAllListeners('exit');
      void worker.terminate();
      if (received === files.length) resolve();
      else reject(new Error(`parse worker returned ${received} of ${files.length} files`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`parse worker exited with code ${code}`)));
    worker.postMessage({ files, limits });
  });
}

/**
 * A parse worker: the script beside the bundle (`dist/stslint-parse-worker.cjs`) when running
 * bundled, else the TypeScript source loaded through tsx's loader (tests, `tsx src/cli/bin.ts`).
 */
function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return new Worker(path.join(path.dirname(here), 'stslint-parse-worker.cjs'));
  const source = path.join(path.dirname(here), 'parse-worker.ts');
  const loader = 'tsx/cjs/api'; // a development dependency: only the sources need it
  return new Worker(`require(${JSON.stringify(loader)}).register(); require(${JSON.stringify(source)});`, { eval: true });
}
