import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from './config.js';

/**
 * Finds the `.stslint.yaml` that applies to a run started in `cwd`: the first one found in `cwd`,
 * then its parent folders, up to and including the repository root (the first folder holding a
 * `.git` entry: a folder, or a file for worktrees and submodules). Outside a repository the search
 * goes on up to the file-system root. A folder named `.stslint.yaml` is not a config file.
 *
 * @returns the absolute path of the file, or `undefined` when there is none (default configuration)
 */
export function findConfigFile(cwd: string): string | undefined {
  let current = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if (existsSync(path.join(current, '.git'))) return undefined;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
