// Records what `kubectl kustomize` gives for the kustomize test trees, so that their golden tests
// (test/kustomize/trees.test.ts) run without kustomize (`npm run record:kustomize`; needs kubectl).
// For each test/kustomize/trees/<scenario>/tree/ it builds every top kustomization exactly as stslint
// does (a wrapper kustomization with buildMetadata [originAnnotations, transformerAnnotations]),
// with the wrapper made inside <scenario>/recorded/, so that the paths in the origin annotations are
// relative to that folder on every machine. It writes:
//   <scenario>/recorded/<top folder, "/" as "__">.yaml         kubectl's output, as printed
//   <scenario>/recorded/<top folder, "/" as "__">.error.txt    kustomize's message, for a build that fails
// Read every changed line before committing: a kustomize upgrade shows up here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runProcess } from '../src/cli/process-io.js';
import { findKustomizationFiles } from '../src/kustomize/kustomization.js';
import { kustomizeBuilder } from '../src/kustomize/kustomize-build.js';
import { KustomizeTrees, readSourceFromDisk } from '../src/kustomize/kustomize-trees.js';

const ROOT = path.resolve(import.meta.dirname, '..');
export const TREES = path.join(ROOT, 'test/kustomize/trees');

/** The recording of a top kustomization folder, relative to `recorded/`, without extension. */
export function recordingName(tree: string, directory: string): string {
  return path.relative(tree, directory).split(path.sep).join('__') || '.root';
}

async function record(scenario: string, version: string): Promise<void> {
  const tree = path.join(scenario, 'tree');
  const recorded = path.join(scenario, 'recorded');
  rmSync(recorded, { recursive: true, force: true });
  mkdirSync(recorded, { recursive: true });
  const files = await findKustomizationFiles(tree);
  const trees = await KustomizeTrees.load(files, readSourceFromDisk);
  const builder = kustomizeBuilder({ runProcess, command: ['kubectl', 'kustomize'], cwd: tree, wrapperParent: recorded });
  for (const top of trees.tops(files)) {
    const name = recordingName(tree, top.directory);
    const build = await builder(top.directory);
    if (build.status === 'built') {
      writeFileSync(path.join(recorded, `${name}.yaml`), `# Recorded with kubectl kustomize (${version}) by scripts/record-kustomize-builds.ts; do not edit.\n${build.output}`);
    } else if (build.status === 'failed') {
      writeFileSync(path.join(recorded, `${name}.error.txt`), `${build.message}\n`);
    } else {
      throw new Error(`${top.file.path}: ${build.reason}`);
    }
    console.log(`${path.relative(ROOT, top.directory)}: ${build.status}`);
  }
}

async function main(): Promise<void> {
  const version = /Kustomize Version: (\S+)/.exec(execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8' }))?.[1] ?? 'unknown version';
  for (const entry of readdirSync(TREES).sort()) {
    const scenario = path.join(TREES, entry);
    if (existsSync(path.join(scenario, 'tree'))) await record(scenario, `Kustomize ${version}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
