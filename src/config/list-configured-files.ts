import path from 'node:path';
import { glob } from 'tinyglobby';
import { classifyPath } from './classify-path.js';
import type { StslintConfig } from './config.js';

/**
 * The files a configuration's `files` (a run without paths) or `context` globs select: absolute,
 * sorted, found under `config.baseDirectory` following symbolic links, without the ignored ones
 * (`classifyPath`). Dot-folders are searched only when a pattern spells the dot; `node_modules`
 * never. A file both linted and listed in `context` is the caller's to drop from the context set.
 */
export async function listConfiguredFiles(config: StslintConfig, which: 'files' | 'context'): Promise<string[]> {
  const patterns = config[which];
  if (patterns.length === 0) return [];
  const matches = await glob([...patterns], {
    cwd: config.baseDirectory,
    absolute: true,
    dot: false,
    followSymbolicLinks: true,
    ignore: ['**/node_modules/**'],
    onlyFiles: true,
  });
  const files = matches.map((match) => path.normalize(match)).filter((file) => classifyPath(file, config) !== 'ignored');
  return [...new Set(files)].sort();
}
