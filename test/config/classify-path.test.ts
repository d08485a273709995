import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyPath } from '../../src/config/classify-path.js';
import { DEFAULT_FILES } from '../../src/config/config.js';

const BASE = path.resolve('/repo');
const at = (relative: string) => path.join(BASE, relative);

const CONFIG = {
  baseDirectory: BASE,
  files: ['deploy/**/*.yaml'],
  ignores: ['deploy/legacy/**', 'deploy/tmp', 'generated/', '**/*.draft.yaml'],
  context: ['k8s/**/*.yaml', 'deploy/shared/*.yaml'],
};

describe('classifyPath', () => {
  it.each([
    ['deploy/db.yaml', 'lint'],
    ['deploy/prod/db.yaml', 'lint'],
    ['deploy/prod/db.yml', 'unlisted'],
    ['deploy/shared/svc.yaml', 'lint'],
    ['k8s/svc.yaml', 'context'],
    ['k8s/base/sc.yaml', 'context'],
    ['other/db.yaml', 'unlisted'],
    ['deploy/legacy/db.yaml', 'ignored'],
    ['deploy/legacy/old/db.yaml', 'ignored'],
    ['deploy/tmp/db.yaml', 'ignored'],
    ['deploy/tmp', 'ignored'],
    ['deploy/tmpfile.yaml', 'lint'],
    ['generated/db.yaml', 'ignored'],
    ['generated', 'unlisted'],
    ['deploy/db.draft.yaml', 'ignored'],
    ['deploy/node_modules/chart/db.yaml', 'ignored'],
    ['node_modules/db.yaml', 'ignored'],
    ['deploy/.hidden/db.yaml', 'unlisted'],
    ['deploy/.db.yaml', 'unlisted'],
  ])('%s in a run without paths → %s', (relative, role) => {
    expect(classifyPath(at(relative), CONFIG)).toBe(role);
  });

  it.each([
    ['other/db.yaml', 'lint'],
    ['k8s/svc.yaml', 'lint'],
    ['deploy/.hidden/db.yaml', 'lint'],
    ['deploy/legacy/db.yaml', 'ignored'],
    ['node_modules/db.yaml', 'ignored'],
  ])('%s named on the command line → %s', (relative, role) => {
    expect(classifyPath(at(relative), CONFIG, { named: true })).toBe(role);
  });

  it('matches dot-folders when the pattern spells the dot', () => {
    const config = { baseDirectory: BASE, files: ['.github/**/*.yaml'], ignores: ['.cache/'], context: ['**/.k8s/*.yaml'] };
    expect(classifyPath(at('.github/workflows/ci.yaml'), config)).toBe('lint');
    expect(classifyPath(at('.cache/x.yaml'), config, { named: true })).toBe('ignored');
    expect(classifyPath(at('a/.k8s/svc.yaml'), config)).toBe('context');
  });

  it('applies the default files: every .yaml, .yml and .json outside dot-folders', () => {
    const config = { baseDirectory: BASE, files: DEFAULT_FILES, ignores: [], context: [] };
    expect(classifyPath(at('db.yaml'), config)).toBe('lint');
    expect(classifyPath(at('a/b/db.yml'), config)).toBe('lint');
    expect(classifyPath(at('a/db.json'), config)).toBe('lint');
    expect(classifyPath(at('a/db.txt'), config)).toBe('unlisted');
    expect(classifyPath(at('.github/ci.yaml'), config)).toBe('unlisted');
  });

  it('matches relative to the base directory only', () => {
    const config = { baseDirectory: at('deploy'), files: ['*.yaml'], ignores: ['legacy/**'], context: [] };
    expect(classifyPath(at('deploy/db.yaml'), config)).toBe('lint');
    expect(classifyPath(at('deploy/legacy/db.yaml'), config)).toBe('ignored');
    expect(classifyPath(at('db.yaml'), config)).toBe('unlisted');
    expect(classifyPath(at('legacy/db.yaml'), config, { named: true })).toBe('lint');
    expect(classifyPath(path.join(BASE, 'deploy', 'a', '..', 'db.yaml'), config)).toBe('lint');
  });

  it('never ignores standard input without a file name', () => {
    const config = { ...CONFIG, ignores: ['**'] };
    expect(classifyPath('<stdin>', config, { named: true })).toBe('lint');
  });
});
