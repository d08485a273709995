// Bundles the CLI into dist/stslint.cjs (`npm run build`). The bundle is committed: see README, Development.
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { BUILD_OPTIONS } from './build-options.mjs';

await build(BUILD_OPTIONS);
chmodSync(path.join(BUILD_OPTIONS.absWorkingDir, BUILD_OPTIONS.outfile), 0o755);
console.log(`built ${BUILD_OPTIONS.outfile}`);
