import os from 'node:os';
import path from 'node:path';
import { asRecord } from '../k8s/plain-value.js';
import { locate, type NodePath } from '../parser/locate.js';
import type { ParsedFile } from '../parser/parse-documents.js';
import type { SourceFile } from '../parser/source-file.js';
import { FILE_START, type SourceRange } from '../parser/source-range.js';
import { readBuiltObjects } from './built-objects.js';
import { isKustomizationFile, type Kustomization } from './kustomization.js';
import type { KustomizeBuilder } from './kustomize-build.js';
import { KustomizeTrees, type KustomizeTree, type ReadSource } from './kustomize-trees.js';
import { TreeFiles } from './tree-files.js';

/** The files of a run, as kustomize planning needs them. */
export interface KustomizeRunInputs {
  /** Files found by walking folders, expanding globs or the configuration's `files`: their top kustomizations are built. */
  walked: readonly SourceFile[];
  /** Files named one by one (a pre-commit hook, an editor): the top kustomizations that read them are built. */
  named: readonly SourceFile[];
  /** Kustomization files of the repository, where the tops that read a named file are looked for. */
  repository: readonly string[];
}

/** Options of {@link kustomizeRun}. */
export interface KustomizeRunOptions {
  /** Builds one kustomization; `undefined` when no kustomize may run (then every tree is "not built"). */
  builder: KustomizeBuilder | undefined;
  read: ReadSource;
  /** Paths in notices are relative to it. */
  cwd: string;
  /** Builds run at the same time (default: the number of CPUs, at most 4). */
  concurrency?: number;
}

/** A build failure, reported as a finding on a kustomization file. */
export interface BuildProblem {
  file: string;
  range: SourceRange;
  /** kustomize's message (cleaned, see `kustomizeMessage`). */
  message: string;
}

/** What one tree's build gave, for notices and the benchmark. */
export interface TreeBuild {
  /** The top kustomization file. */
  kustomization: string;
  status: 'built' | 'failed' | 'not built';
  /** Time spent in kustomize, in milliseconds (0 when it did not run). */
  durationMs: number;
  /** Objects the build produced. */
  objects: number;
}

/** What a run does with its kustomize trees. */
export interface KustomizeRunResult {
  /** The objects of every successful build; each document carries its source map (`origin`). */
  built: ParsedFile[];
  /** Every file of the trees (inputs and the files read to map findings), by path. */
  files: ReadonlyMap<string, SourceFile>;
  /**
   * Files whose documents are not objects of their own: kustomization files, every patch file of
   * every kustomization read (built or not), and the resources and inputs of the built trees (the
   * built objects stand for them). Reported, never linted or indexed as objects.
   */
  notObjects: ReadonlySet<string>;
  problems: BuildProblem[];
  /** One line per tree that was not built, for standard error. */
  notices: string[];
  builds: TreeBuild[];
}

/**
 * Plans and runs the kustomize builds of a run (docs/kustomize-and-helm.md):
 *
 * - The top kustomizations among the walked files are built (a top is one that no other of them
 *   reaches through `resources`, `bases` or `components`). For a file named on its own, the tops of
 *   the repository whose tree reads it are built, so that a changed patch or base rebuilds the
 *   overlays that use it. Each tree is built once.
 * - A tree with a remote reference or `helmCharts` is not built (nothing is fetched), nor is any
 *   tree when kustomize is unavailable; a build that fails gives a {@link BuildProblem} on the
 *   kustomization (at the entry kustomize names, when it can be found). A tree not built gets one
 *   notice, and its resources are linted as plain files.
 * - Patch files are never objects of their own, whether their tree was built or not.
 */
export async function kustomizeRun(inputs: KustomizeRunInputs, options: KustomizeRunOptions): Promise<KustomizeRunResult> {
  const known = new Map<string, SourceFile>([...inputs.walked, ...inputs.named].map((file) => [file.path, file]));
  const walkedKustomizations = inputs.walked.filter((file) => isKustomizationFile(file.path)).map((file) => file.path);
  const namedKustomizations = inputs.named.filter((file) => isKustomizationFile(file.path)).map((file) => file.path);
  const trees = await KustomizeTrees.load([...walkedKustomizations, ...namedKustomizations, ...inputs.repository], options.read, known);
  const selected = trees.tops(walkedKustomizations).map((top) => trees.tree(top));
  const covered = new Set(selected.flatMap((tree) => [...tree.files]));
  const uncovered = inputs.named.filter((file) => !covered.has(file.path));
  if (uncovered.length > 0) {
    const repositoryTrees = trees.tops([...inputs.repository, ...namedKustomizations]).map((top) => trees.tree(top));
    for (const file of uncovered) {
      for (const tree of repositoryTrees) if (tree.files.has(file.path) && !selected.includes(tree)) selected.push(tree);
    }
  }
  selected.sort((a, b) => (a.top.file.path < b.top.file.path ? -1 : a.top.file.path > b.top.file.path ? 1 : 0));

  const notObjects = new Set<string>();
  for (const kustomization of trees.kustomizations.values()) {
    notObjects.add(kustomization.file.path);
    for (const reference of kustomization.references) if (reference.role === 'patch') notObjects.add(reference.path);
  }
  const files = new Map(known);
  for (const tree of selected) {
    for (const file of tree.files) {
      if (files.has(file)) continue;
      const source = await options.read(file);
      if (source) files.set(file, source);
    }
  }
  const treeFiles = new TreeFiles(files);
  const result: KustomizeRunResult = { built: [], files, notObjects, problems: [], notices: [], builds: [] };
  const outcomes = await mapConcurrently(selected, options.concurrency ?? Math.min(4, os.availableParallelism()), (tree) => buildTree(tree, options));
  selected.forEach((tree, i) => {
    const outcome = outcomes[i]!;
    const where = display(tree.top.directory, options.cwd);
    if (outcome.status === 'built') {
      const parsed = readBuiltObjects(outcome.output, outcome.originBase, tree, trees.kustomizations, treeFiles);
      result.built.push(parsed);
      for (const file of [...tree.resourceFiles, ...tree.inputFiles]) notObjects.add(file);
      result.builds.push({ kustomization: tree.top.file.path, status: 'built', durationMs: outcome.durationMs, objects: parsed.documents.length });
      return;
    }
    const consequence = tree.patchFiles.length > 0 || tree.kustomizations.some((kustomization) => kustomization.patches.length > 0) ? 'its patches were not linted' : 'its resources were linted as written';
    if (outcome.status === 'failed') {
      result.problems.push({ ...buildProblemPlace(tree, outcome.message, treeFiles), message: outcome.message });
      // The finding's message keeps 120 characters of kustomize's; the notice keeps all of it.
      result.notices.push(`stslint: ${where}: not built (${outcome.command} failed: ${outcome.message}); ${consequence}`);
    } else {
      result.notices.push(`stslint: ${where}: not built (${outcome.reason}); ${consequence}`);
    }
    result.builds.push({ kustomization: tree.top.file.path, status: outcome.status === 'failed' ? 'failed' : 'not built', durationMs: 'durationMs' in outcome ? outcome.durationMs : 0, objects: 0 });
  });
  return result;
}

type TreeOutcome =
  | { status: 'built'; output: string; originBase: string; durationMs: number }
  | { status: 'failed'; message: string; command: string; durationMs: number }
  | { status: 'not built'; reason: string };

async function buildTree(tree: KustomizeTree, options: KustomizeRunOptions): Promise<TreeOutcome> {
  const [remote] = tree.remote;
  if (remote) return { status: 'not built', reason: `remote ${remote.role} "${remote.written}" is not fetched` };
  if (tree.helmCharts) return { status: 'not built', reason: 'its helmCharts are not rendered; lint `helm template` output instead' };
  if (!options.builder) return { status: 'not built', reason: 'kustomize is off' };
  const build = await options.builder(tree.top.directory);
  if (build.status === 'unavailable') return { status: 'not built', reason: build.reason };
  return build;
}

/**
 * Where a build failure is reported: the entry of a kustomization of the tree that kustomize's
 * message names (a missing resource, a patch without target), else the top kustomization's first
 * entry.
 */
function buildProblemPlace(tree: KustomizeTree, message: string, files: TreeFiles): { file: string; range: SourceRange } {
  let best: { kustomization: Kustomization; at: NodePath; position: number } | undefined;
  const consider = (kustomization: Kustomization, at: NodePath, position: number) => {
    if (position !== -1 && (!best || position > best.position)) best = { kustomization, at, position };
  };
  for (const kustomization of tree.kustomizations) {
    for (const reference of kustomization.references) consider(kustomization, reference.at, message.lastIndexOf(`'${reference.written}'`));
    // "no resource matches strategic merge patch "StatefulSet.v1.apps/db.[noNs]""
    const unmatched = /strategic merge patch "([^".]+)\.[^"/]*\/([^".[]+)/.exec(message);
    if (unmatched) {
      for (const patch of kustomization.patches) {
        const named = files.patchDocuments(patch).some((document) => asRecord(document.value).kind === unmatched[1] && asRecord(asRecord(document.value).metadata).name === unmatched[2]);
        if (named) consider(kustomization, patch.at, unmatched.index);
      }
    }
  }
  const chosen = best ?? { kustomization: tree.top, at: [] };
  const positions = chosen.kustomization.positions;
  return { file: chosen.kustomization.file.path, range: positions ? locate({ positions }, chosen.at, 'value') : FILE_START };
}

async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

function display(directory: string, cwd: string): string {
  const relative = path.relative(cwd, directory);
  return (relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? directory : relative).split(path.sep).join('/');
}
