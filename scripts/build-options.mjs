// esbuild options for everything in dist/, shared by `npm run build` and the freshness test:
// - dist/stslint-main.cjs: the bundled CLI;
// - dist/stslint-lsp.cjs: the bundled language server (`stslint lsp`), kept apart so that its
//   dependencies cost the CLI nothing;
// - dist/action.cjs: the GitHub Action's entry point (runs without any npm install);
// - dist/stslint-parse-worker.cjs: the worker thread that parses large inputs (`--jobs`);
// - dist/stslint.cjs: the small launcher behind the `stslint` bin, which runs the CLI or the
//   language server with V8's code cache.
import { createHash } from 'node:crypto';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

const BASE = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // Prefer a package's ES module build where it has one: jsonc-parser's default (UMD) build loads
  // its parts with dynamic requires a bundle cannot follow.
  mainFields: ['module', 'main'],
};

const COMMON = {
  ...BASE,
  minify: true,
  legalComments: 'eof',
  // Dependencies shipped as ESM (fdir, via tinyglobby) read import.meta.url, which CJS lacks.
  define: { 'import.meta.url': '__stslintImportMetaUrl' },
  banner: { js: "var __stslintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * The bundles, in build order. The launcher comes last: `launcherOptions` gives it the content
 * hashes of the bundles it runs, which key its code cache.
 * @type {import('esbuild').BuildOptions[]}
 */
export const BUNDLES = [
  { ...COMMON, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/stslint-main.cjs' },
  { ...COMMON, entryPoints: ['src/lsp/bin.ts'], outfile: 'dist/stslint-lsp.cjs' },
  { ...COMMON, entryPoints: ['src/action/bin.ts'], outfile: 'dist/action.cjs' },
  { ...COMMON, entryPoints: ['src/engine/parse-worker.ts'], outfile: 'dist/stslint-parse-worker.cjs' },
];

const LAUNCHER = {
  ...BASE,
  entryPoints: ['src/cli/launcher.ts'],
  outfile: 'dist/stslint.cjs',
  banner: { js: '#!/usr/bin/env node' },
};

/** The launcher's options, given the text of each bundle by output file (`dist/…`). */
export function launcherOptions(bundleTexts) {
  const hash = (file) => createHash('sha256').update(bundleTexts[file]).digest('hex').slice(0, 32);
  return {
    ...LAUNCHER,
    define: {
      STSLINT_MAIN_HASH: JSON.stringify(hash('dist/stslint-main.cjs')),
      STSLINT_LSP_HASH: JSON.stringify(hash('dist/stslint-lsp.cjs')),
    },
  };
}
