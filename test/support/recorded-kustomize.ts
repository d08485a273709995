import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../../rules/index.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintSources, type FileResult } from '../../src/engine/lint.js';
import type { KustomizeBuilder } from '../../src/kustomize/kustomize-build.js';
import { kustomizeRun, type KustomizeRunResult } from '../../src/kustomize/kustomize-run.js';
import { findKustomizationFiles } from '../../src/kustomize/kustomization.js';
import { KustomizeTrees, readSourceFromDisk } from '../../src/kustomize/kustomize-trees.js';
import { readInputs } from '../../src/parser/read-inputs.js';
import { recordingName, TREES } from '../../scripts/record-kustomize-builds.js';

export { TREES };

/** The scenarios of test/kustomize/trees (folders holding a `tree/`), sorted. */
export function treeScenarios(): string[] {
  return readdirSync(TREES)
    .filter((entry) => existsSync(path.join(TREES, entry, 'tree')))
    .sort();
}

/**
 * A builder that replays what `kubectl kustomize` printed when the scenario was recorded
 * (`npm run record:kustomize`): the output and where its annotations' paths start from, or the
 * failure message. A folder without a recording is "unavailable", as without kustomize.
 */
export function recordedBuilder(scenario: string): KustomizeBuilder {
  const tree = path.join(TREES, scenario, 'tree');
  const recorded = path.join(TREES, scenario, 'recorded');
  return async (directory) => {
    const name = recordingName(tree, directory);
    const output = path.join(recorded, `${name}.yaml`);
    const error = path.join(recorded, `${name}.error.txt`);
    // The wrapper was made in recorded/ (any name at that depth): its paths are relative to it.
    if (existsSync(output)) return { status: 'built', output: readFileSync(output, 'utf8'), originBase: path.join(recorded, 'wrapper'), command: 'kubectl kustomize', durationMs: 0 };
    if (existsSync(error)) return { status: 'failed', message: readFileSync(error, 'utf8').trim(), command: 'kubectl kustomize', durationMs: 0 };
    return { status: 'unavailable', reason: `no recording ${path.relative(TREES, output)}` };
  };
}

/** One scenario's tree linted as `stslint tree/` would, with its recorded (or no) builds. */
export interface TreeRun {
  tree: string;
  kustomize: KustomizeRunResult;
  results: FileResult[];
  /** Every patch file the tree's kustomizations name. */
  patchFiles: ReadonlySet<string>;
}

/** A builder for a machine without kustomize. */
export const noKustomize: KustomizeBuilder = async () => ({ status: 'unavailable', reason: 'no kustomize or kubectl on PATH' });

/** Lints a scenario's `tree/` folder with every rule, building its tops with `builder` (default: the recordings). */
export async function lintTree(scenario: string, builder: KustomizeBuilder | undefined = recordedBuilder(scenario)): Promise<TreeRun> {
  const tree = path.join(TREES, scenario, 'tree');
  const { files } = await readInputs([tree], { cwd: tree, patterns: ['**/*.{yaml,yml,json}', '**/Kustomization'] });
  const kustomize = await kustomizeRun({ walked: files, named: [], repository: [] }, { builder, read: readSourceFromDisk, cwd: tree });
  const trees = await KustomizeTrees.load(await findKustomizationFiles(tree), readSourceFromDisk);
  const patchFiles = new Set([...trees.kustomizations.values()].flatMap((kustomization) => kustomization.references.filter((reference) => reference.role === 'patch').map((reference) => reference.path)));
  return { tree, kustomize, results: lintSources(files, { rules: ALL_RULES, kustomize }), patchFiles };
}

/**
 * The golden text of a run: one `file:line:col: message [rule]` line per finding (paths relative to
 * the tree), each followed by its related locations (`  related file:line:col: message`), then the
 * notices.
 */
export function goldenText(run: TreeRun): string {
  const relative = (file: string) => path.relative(run.tree, file).split(path.sep).join('/');
  const place = (finding: Pick<Finding, 'file' | 'range'>) => `${relative(finding.file)}:${finding.range.line}:${finding.range.column}`;
  const lines: string[] = [];
  for (const finding of run.results.flatMap((result) => result.findings)) {
    lines.push(`${place(finding)}: ${finding.message} [${finding.ruleId}]`);
    for (const related of finding.related) lines.push(`  related ${place(related)}: ${related.message}`);
  }
  for (const notice of run.kustomize.notices) lines.push(`notice: ${notice}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
