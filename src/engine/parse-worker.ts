// A parse worker of `parseInWorkers` (dist/stslint-parse-worker.cjs in the bundle): parses the files
// it is sent, as the main thread would, and sends back what the run keeps of them. The files' text
// stays with the main thread, which re-attaches each document to its file.
import { parentPort } from 'node:worker_threads';
import { parseDocuments } from '../parser/parse-documents.js';
import type { SourceFile } from '../parser/source-file.js';
import type { InputLimits } from '../parser/input-limits.js';
import { parseOptions } from './parse-options.js';
import type { WorkerParsedFile } from './parse-in-workers.js';

/** Results are sent in chunks of about this much input, so that neither thread holds all of them twice. */
const CHUNK_BYTES = 1024 * 1024;

parentPort?.on('message', ({ files, limits }: { files: SourceFile[]; limits: InputLimits | undefined }) => {
  let chunk: WorkerParsedFile[] = [];
  let bytes = 0;
  for (const file of files) {
    const parsed = parseDocuments(file, parseOptions(limits));
    chunk.push({ documents: parsed.documents.map(({ file: _file, ...rest }) => rest), problems: parsed.problems });
    bytes += file.text.length;
    if (bytes >= CHUNK_BYTES) {
      parentPort!.postMessage(chunk);
      chunk = [];
      bytes = 0;
    }
  }
  parentPort!.postMessage(chunk);
  parentPort!.postMessage('done');
});
