import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLES, launcherOptions } from '../../scripts/build-options.mjs';
import { ROOT } from '../support/fixtures.js';
import { KUBECTL } from '../support/kubectl.js';

// The committed one-file bundle is what `npx stslint`, the package bin and hooks run.
const BUNDLE = path.join(ROOT, 'dist', 'stslint.cjs');

function stslint(args: string[], input?: string) {
  return spawnSync(process.execPath, [BUNDLE, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('dist/stslint.cjs', () => {
  it('is up to date with the sources (run `npm run build`)', async () => {
    const texts: Record<string, string> = {};
    for (const options of BUNDLES) {
      const result = await build({ ...options, write: false });
      texts[options.outfile] = result.outputFiles![0]!.text;
    }
    const launcher = await build({ ...launcherOptions(texts), write: false });
    texts['dist/stslint.cjs'] = launcher.outputFiles![0]!.text;
    for (const [file, fresh] of Object.entries(texts)) {
      expect(readFileSync(path.join(ROOT, file), 'utf8') === fresh, `${file} is stale: run \`npm run build\``).toBe(true);
    }
  });

  it('loads the terminal text libraries only for a terminal (they cost ~10 ms each at start-up)', () => {
    // string-width and wrap-ansi each build an Intl.Segmenter when they load: a run whose output
    // is a pipe (pre-commit, CI, this test) must not load them.
    const hook = path.join(ROOT, 'test/cli/count-segmenters.cjs');
    const run = spawnSync(process.execPath, ['--require', hook, BUNDLE, 'examples/postgres-single'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const listed = spawnSync(process.execPath, ['--require', hook, BUNDLE, '--list-rules'], { cwd: ROOT, encoding: 'utf8' });
    expect(listed.stderr).toBe('');
    // The hook does see a construction (it would report one, and the test above could fail).
    const direct = spawnSync(process.execPath, ['--require', hook, '-e', 'new Intl.Segmenter()'], { encoding: 'utf8' });
    expect(direct.stderr).toBe('Intl.Segmenter constructed\n');
  });

  it('is executable with a node shebang', () => {
    expect(readFileSync(BUNDLE, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(BUNDLE).mode & 0o111).not.toBe(0);
  });

  it('lints the bundled examples end to end, as the README says', () => {
    const run = stslint(['examples/']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('examples/mysql-replicated/statefulset.yaml');
    expect(run.stdout).toMatch(/10:16 +error +spec\.serviceName names no Service, so no per-pod DNS names; did you mean "mysql"\?/);
    expect(run.stdout).not.toContain('postgres-single');
    if (KUBECTL.available) {
      // The kustomize example is built: its finding sits on line 6 of the patch.
      expect(run.stdout).toMatch(/examples\/kustomize-postgres\/overlays\/prod\/replicas\.yaml\n +6:13 +warning +spec\.replicas is 3/);
      expect(run.stdout).toContain('✖ 3 problems (1 error, 2 warnings)');
      expect(run.stderr).toBe('');
    } else {
      expect(run.stderr).toBe('stslint: examples/kustomize-postgres/overlays/prod: not built (no kustomize or kubectl on PATH); its patches were not linted\n');
    }
  });

  it('lints standard input piped in, as helm template output would be', () => {
    const manifest = readFileSync(path.join(ROOT, 'examples/postgres-single/postgres.yaml'), 'utf8');
    const run = stslint(['-', '--format', 'json'], manifest);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject([{ filePath: '<stdin>', errorCount: 0, warningCount: 0 }]);
  });

  it('exits 2 with one line on stderr for a missing path', () => {
    const run = stslint(['no/such/dir']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('stslint: no/such/dir: No such file or directory\n');
  });
});
