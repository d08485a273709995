import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { formatJson } from '../../src/formatters/json.js';
import { lintSources, lintSourcesInParallel } from '../../src/engine/lint.js';
import { parseFiles, threadCount } from '../../src/engine/parse-in-workers.js';
import { CORPUS, corpusFolders, readCorpusFolder } from '../support/corpus.js';
import { ROOT } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

// `--jobs` parses on worker threads; whatever it is, the output is the same, byte for byte.

const BUNDLE = path.join(ROOT, 'dist', 'stslint.cjs');
const corpusFiles = (await Promise.all(corpusFolders().map((folder) => readCorpusFolder(folder)))).flat();

function bundle(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BUNDLE, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', ...env } });
}

describe('--jobs', () => {
  it('gives byte-identical output with 1 and 2 threads on the whole corpus (bundled CLI, real workers)', () => {
    for (const format of ['json', 'sarif', 'compact']) {
      const single = bundle(['--jobs', '1', '--format', format, CORPUS]);
      const parallel = bundle(['--jobs', '2', '--format', format, CORPUS], { STSLINT_PARALLEL_MIN_BYTES: '0' });
      expect(single.status, single.stderr).toBe(1);
      expect(parallel.stderr).toBe(single.stderr);
      expect(parallel.status).toBe(single.status);
      expect(parallel.stdout === single.stdout, `${format} output differs between --jobs 1 and --jobs 2`).toBe(true);
    }
  });

  it('gives the same results in process, through the TypeScript worker', async () => {
    const options = { rules: ALL_RULES };
    const parallel = await lintSourcesInParallel(corpusFiles, { ...options, jobs: 3, parallelMinBytes: 0 });
    expect(formatJson({ results: parallel })).toBe(formatJson({ results: lintSources(corpusFiles, options) }));
  });

  it('keeps files in input order and re-attaches each document to its file', async () => {
    const parsed = await parseFiles(corpusFiles, 2, 0);
    expect(parsed.map((result) => result.file)).toEqual(corpusFiles);
    for (const result of parsed) for (const document of result.documents) expect(document.file).toBe(result.file);
  });

  it('parses small inputs on this thread', async () => {
    const [file] = corpusFiles;
    const parsed = await parseFiles([file!], 4);
    expect(parsed[0]!.documents.every((document) => document.file === file)).toBe(true);
  });

  it.each([
    ['0', 'expected "auto" or a whole number ≥ 1.'],
    ['two', 'expected "auto" or a whole number ≥ 1.'],
    ['-1', 'expected "auto" or a whole number ≥ 1.'],
  ])('rejects --jobs %s with exit 2', async (value, message) => {
    const run = await runCli(['--jobs', value, 'examples/']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('takes auto as one thread per available core', () => {
    expect(threadCount('auto')).toBeGreaterThanOrEqual(1);
    expect(threadCount(3)).toBe(3);
  });
});
