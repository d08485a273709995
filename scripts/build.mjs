// Builds dist/ (`npm run build`). dist/ is committed: see README, Development.
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { BUNDLES, launcherOptions } from './build-options.mjs';

const texts = {};
for (const options of BUNDLES) {
  await build(options);
  texts[options.outfile] = readFileSync(path.join(options.absWorkingDir, options.outfile), 'utf8');
}
const launcher = launcherOptions(texts);
await build(launcher);
chmodSync(path.join(launcher.absWorkingDir, launcher.outfile), 0o755);
console.log(`built ${[...BUNDLES, launcher].map((options) => options.outfile).join(', ')}`);
