import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StslintConfig } from '../../src/config/config.js';
import { defaultConfig } from '../../src/config/load-config.js';
import { listConfiguredFiles } from '../../src/config/list-configured-files.js';

const TMP = realpathSync(mkdtempSync(path.join(tmpdir(), 'stslint-list-files-')));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
for (const file of [
  'deploy/db.yaml',
  'deploy/prod/db.yml',
  'deploy/legacy/old.yaml',
  'deploy/.hidden/x.yaml',
  'deploy/notes.txt',
  'k8s/svc.yaml',
  'k8s/sc.json',
  'node_modules/chart/x.yaml',
  '.github/ci.yaml',
]) {
  mkdirSync(path.dirname(path.join(TMP, file)), { recursive: true });
  writeFileSync(path.join(TMP, file), 'kind: x\n');
}

function config(fields: Partial<StslintConfig>): StslintConfig {
  return { ...defaultConfig(TMP), ...fields };
}

const relative = (files: string[]) => files.map((file) => path.relative(TMP, file).split(path.sep).join('/'));

describe('listConfiguredFiles', () => {
  it('lists the default files without dot-folders, node_modules or other extensions', async () => {
    expect(relative(await listConfiguredFiles(config({}), 'files'))).toEqual(['deploy/db.yaml', 'deploy/legacy/old.yaml', 'deploy/prod/db.yml', 'k8s/sc.json', 'k8s/svc.yaml']);
  });

  it('drops ignored files, folder patterns included', async () => {
    const listed = await listConfiguredFiles(config({ files: ['deploy/**/*.{yaml,yml}'], ignores: ['deploy/legacy'] }), 'files');
    expect(relative(listed)).toEqual(['deploy/db.yaml', 'deploy/prod/db.yml']);
  });

  it('lists context files, and dot-folders when a pattern spells the dot', async () => {
    const listed = await listConfiguredFiles(config({ context: ['k8s/*', '.github/*.yaml'] }), 'context');
    expect(relative(listed)).toEqual(['.github/ci.yaml', 'k8s/sc.json', 'k8s/svc.yaml']);
  });

  it('lists nothing for no patterns', async () => {
    expect(await listConfiguredFiles(config({ files: [] }), 'files')).toEqual([]);
    expect(await listConfiguredFiles(config({}), 'context')).toEqual([]);
  });
});
