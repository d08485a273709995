// The `stslint` executable (dist/stslint.cjs). It runs the bundled CLI (dist/stslint-main.cjs), or
// the language server (dist/stslint-lsp.cjs) for `stslint lsp`, through V8's code cache: the first
// run stores the bytecode of the bundle and of every function that run compiled, and later runs
// (editor on save, pre-commit) skip parsing and compiling them. This is what Node 22's
// `module.enableCompileCache()` does; Node 20 has no such switch.
// STSLINT_NO_COMPILE_CACHE=1 turns it off. Any cache problem only costs speed.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

// Content hashes of the bundles, written into this file at build time (scripts/build-options.mjs).
declare const STSLINT_MAIN_HASH: string;
declare const STSLINT_LSP_HASH: string;

const server = process.argv[2] === 'lsp';
const bundle = path.join(__dirname, server ? 'stslint-lsp.cjs' : 'stslint-main.cjs');
const hash = server ? STSLINT_LSP_HASH : STSLINT_MAIN_HASH;
const source = readFileSync(bundle, 'utf8');
const useCache = !process.env.STSLINT_NO_COMPILE_CACHE;
const cacheFile = path.join(os.tmpdir(), 'stslint-compile-cache', `${hash}-${process.version}-${process.arch}.bin`);
let cachedData: Buffer | undefined;
if (useCache) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
}
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
if (useCache && (cachedData === undefined || script.cachedDataRejected === true)) {
  process.once('exit', () => {
    try {
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      const temporary = `${cacheFile}.${process.pid}`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only or full temporary folder only costs speed.
    }
  });
}
const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
const bundleModule = { exports: {} };
run.call(bundleModule.exports, bundleModule.exports, require, bundleModule, bundle, path.dirname(bundle));
