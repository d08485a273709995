import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findConfigFile } from '../../src/config/find-config-file.js';

const TMP = realpathSync(mkdtempSync(path.join(tmpdir(), 'stslint-find-config-')));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** Creates a tree under a fresh folder: paths ending in `/` are folders, others files. */
function tree(name: string, entries: readonly string[]): string {
  const root = path.join(TMP, name);
  mkdirSync(root, { recursive: true });
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (entry.endsWith('/')) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, 'rules: {}\n');
    }
  }
  return root;
}

describe('findConfigFile', () => {
  it('finds the file in the working directory', () => {
    const root = tree('here', ['repo/.git/', 'repo/.stslint.yaml']);
    expect(findConfigFile(path.join(root, 'repo'))).toBe(path.join(root, 'repo/.stslint.yaml'));
  });

  it('goes up from the working directory, the nearest file winning', () => {
    const root = tree('nearest', ['repo/.git/', 'repo/.stslint.yaml', 'repo/deploy/.stslint.yaml', 'repo/deploy/prod/db/']);
    expect(findConfigFile(path.join(root, 'repo/deploy/prod/db'))).toBe(path.join(root, 'repo/deploy/.stslint.yaml'));
    expect(findConfigFile(path.join(root, 'repo/deploy'))).toBe(path.join(root, 'repo/deploy/.stslint.yaml'));
  });

  it('finds the file in the repository root itself', () => {
    const root = tree('at-root', ['repo/.git/', 'repo/.stslint.yaml', 'repo/a/b/']);
    expect(findConfigFile(path.join(root, 'repo/a/b'))).toBe(path.join(root, 'repo/.stslint.yaml'));
  });

  it('stops at the repository root: a file above it is not used', () => {
    const root = tree('stop', ['.stslint.yaml', 'repo/.git/', 'repo/deploy/']);
    expect(findConfigFile(path.join(root, 'repo/deploy'))).toBeUndefined();
    expect(findConfigFile(path.join(root, 'repo'))).toBeUndefined();
  });

  it('treats a .git file (worktree, submodule) as a repository root', () => {
    const root = tree('worktree', ['.stslint.yaml', 'repo/.git', 'repo/deploy/']);
    expect(findConfigFile(path.join(root, 'repo/deploy'))).toBeUndefined();
  });

  it('stops at the innermost repository (a submodule inside a repository)', () => {
    const root = tree('submodule', ['repo/.git/', 'repo/.stslint.yaml', 'repo/vendor/charts/.git', 'repo/vendor/charts/db/']);
    expect(findConfigFile(path.join(root, 'repo/vendor/charts/db'))).toBeUndefined();
  });

  it('goes on upward outside a repository', () => {
    const root = tree('no-repo', ['.stslint.yaml', 'a/b/c/']);
    expect(findConfigFile(path.join(root, 'a/b/c'))).toBe(path.join(root, '.stslint.yaml'));
  });

  it('skips a folder named .stslint.yaml and other names', () => {
    const root = tree('not-a-file', ['repo/.git/', 'repo/.stslint.yaml', 'repo/x/.stslint.yaml/', 'repo/x/.stslint.yml', 'repo/x/.stslintrc.yaml']);
    expect(findConfigFile(path.join(root, 'repo/x'))).toBe(path.join(root, 'repo/.stslint.yaml'));
  });

  it('accepts a relative working directory', () => {
    const root = tree('relative', ['repo/.git/', 'repo/.stslint.yaml', 'repo/sub/']);
    const relative = path.relative(process.cwd(), path.join(root, 'repo/sub'));
    expect(findConfigFile(relative)).toBe(path.join(root, 'repo/.stslint.yaml'));
  });
});
