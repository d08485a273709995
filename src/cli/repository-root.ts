import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root that SARIF and GitHub paths are relative to: the nearest ancestor of `cwd`
 * holding a `.git` entry (a folder, or a file for worktrees and submodules), else `cwd`.
 * GitHub code scanning resolves result URIs against the repository root (integrations.md §1.3).
 */
export function repositoryRoot(cwd: string): string {
  let current = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return path.resolve(cwd);
    current = parent;
  }
}
