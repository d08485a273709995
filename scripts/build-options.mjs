// esbuild options for the one-file CLI bundle, shared by `npm run build` and the freshness test.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** @type {import('esbuild').BuildOptions} */
export const BUILD_OPTIONS = {
  absWorkingDir: root,
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/stslint.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'eof',
  // Dependencies shipped as ESM (fdir, via tinyglobby) read import.meta.url, which CJS lacks.
  define: { 'import.meta.url': '__stslintImportMetaUrl' },
  banner: { js: "#!/usr/bin/env node\nvar __stslintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};
