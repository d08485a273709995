import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgsStringToArgv } from 'string-argv';
import { ALL_RULES } from '../../rules/index.js';
import { classifyPath } from '../config/classify-path.js';
import type { RuleSeverity, StslintConfig } from '../config/config.js';
import { localCalendarDate } from '../config/local-calendar-date.js';
import { lintAndFix } from '../engine/apply-fixes.js';
import { DEFAULT_INPUT_LIMITS } from '../parser/input-limits.js';
import { lintSourcesInParallel, type BaseInput, type FileResult } from '../engine/lint.js';
import { readBaseVersions } from '../git/read-base-versions.js';
import type { SourceFile } from '../parser/source-file.js';
import type { HelmOptions } from '../helm/helm-sources.js';
import { findKustomizationFiles, kustomizationFileIn } from '../kustomize/kustomization.js';
import { kustomizeBuilder } from '../kustomize/kustomize-build.js';
import { kustomizeRun, type KustomizeRunResult, type TreeBuild } from '../kustomize/kustomize-run.js';
import { readSourceFromDisk } from '../kustomize/kustomize-trees.js';
import type { CliIO } from './cli-io.js';
import { exemptionCheck } from './exemption-check.js';
import { limitHeapGrowth } from './heap-growth.js';
import type { CliOptions } from './program.js';
import { selectInputs, type SelectedInputs } from './select-inputs.js';

/** The outcome of one lint run, before formatting. */
export interface LintRun {
  results: FileResult[];
  /** Fatal problems (unreadable paths, no manifests), one stderr line each: exit 2. */
  fatal: string[];
  /** Informational stderr lines (ignored files named, expired exemptions, trees not built, charts skipped). */
  notices: string[];
  /** The kustomize builds of the run (cost per build). */
  builds: TreeBuild[];
}

/** The options a lint run reads (a subset of the command line's). */
export type LintRunOptions = Pick<
  CliOptions,
  'stdin' | 'stdinFilename' | 'namespace' | 'errorOnUnmatchedPattern' | 'inlineConfig' | 'reportUnusedDisableDirectives' | 'kustomizeCommand' | 'helmChartRoot' | 'base'
> &
  Partial<Pick<CliOptions, 'jobs' | 'fix' | 'fixDryRun' | 'kustomize' | 'maxFileBytes' | 'maxDepth' | 'maxAliases'>> & {
    /** `false` turns off linting the context objects that depend on the linted files (default on). */
    dependents?: boolean;
    /**
     * `false` when `base` is a default rather than the user's choice (the Action's pull request
     * base): files with nothing to compare then get no notice.
     */
    baseExplicit?: boolean;
    /** How messages name the base, instead of the ref (the Action names a pull request's base commit after its branch). */
    baseLabel?: string;
    /** How stderr lines name the base (`--base origin/main` by default). */
    baseName?: string;
  };

/** `STSLINT_PARALLEL_MIN_BYTES` (for tests and benchmarks: the input size from which parsing uses threads). */
function parallelMinBytes(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Selects and reads the inputs (operands or the configuration's `files`, plus its `context`),
 * builds the kustomize trees among them (docs/kustomize-and-helm.md), lints everything as one run
 * with the configured levels, namespace, suppressions and exemptions, and returns the results with
 * the messages for stderr. Shared by the CLI and the GitHub Action.
 */
export async function lintRun(
  paths: readonly string[],
  options: LintRunOptions,
  config: StslintConfig,
  levels: ReadonlyMap<string, RuleSeverity>,
  io: CliIO,
): Promise<LintRun> {
  const kustomize = options.kustomize !== false && config.kustomize.enabled;
  const inputs = await selectInputs(paths, { ...options, kustomizations: kustomize }, config, io);
  limitHeapGrowth([...inputs.files, ...inputs.context].reduce((sum, file) => sum + file.text.length, 0));
  const exemptions = exemptionCheck(config, localCalendarDate(io.now()), io.cwd);
  // git runs while kustomize builds.
  const reading = typeof options.base === 'string' ? readBase(options.base, inputs.files, options, io) : undefined;
  // Each tree is built once; every fix pass lints the same builds.
  const builds = kustomize ? await buildTrees(inputs, options, config, io) : undefined;
  const base = await reading;
  if (base?.error) inputs.errors.push(base.error);
  const lintOptions = {
    jobs: options.jobs ?? 'auto',
    limits: {
      maxFileBytes: options.maxFileBytes ?? DEFAULT_INPUT_LIMITS.maxFileBytes,
      maxDepth: options.maxDepth ?? DEFAULT_INPUT_LIMITS.maxDepth,
      maxAliases: options.maxAliases ?? DEFAULT_INPUT_LIMITS.maxAliases,
    },
    parallelMinBytes: parallelMinBytes(io.env.STSLINT_PARALLEL_MIN_BYTES),
    rules: ALL_RULES,
    namespace: options.namespace ?? config.namespace,
    levels,
    context: inputs.context,
    inlineConfig: options.inlineConfig,
    exempt: exemptions.check,
    ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: 'error' as const } : {}),
    ...(builds ? { kustomize: builds } : {}),
    helm: helmOptions(options.helmChartRoot === undefined ? config.helmChartRoot : path.resolve(io.cwd, options.helmChartRoot), io.cwd),
    dependents: options.dependents !== false,
    ...(base?.input ? { base: base.input } : {}),
  };
  // --fix never rewrites standard input; --fix-dry-run computes its output too.
  const results =
    options.fix || options.fixDryRun
      ? await lintAndFix(inputs.files, lintOptions, (file) => options.fixDryRun === true || file.fromStdin !== true)
      : await lintSourcesInParallel(inputs.files, lintOptions);
  return {
    results,
    fatal: inputs.errors,
    notices: [...inputs.notices, ...(builds?.notices ?? []), ...(base?.notices ?? []), ...exemptions.expiredNotices()],
    builds: builds?.builds ?? [],
  };
}

/**
 * The run's kustomize builds. The overlays that read a named file are looked for among the
 * kustomizations of the repository: under the configuration's folder when there is a
 * configuration file, else under the repository root (the nearest folder holding `.git`), and in
 * every folder above a named file.
 */
async function buildTrees(inputs: SelectedInputs, options: LintRunOptions, config: StslintConfig, io: CliIO): Promise<KustomizeRunResult> {
  const walked = inputs.files.filter((file) => !inputs.named.has(file.path));
  const named = inputs.files.filter((file) => inputs.named.has(file.path));
  const repository = new Set<string>();
  if (named.length > 0) {
    const root = config.file ? config.baseDirectory : gitRoot(io.cwd);
    if (root) for (const file of await findKustomizationFiles(root, (file) => classifyPath(file, config) === 'ignored')) repository.add(file);
    for (const file of named) for (const above of kustomizationsAbove(file.path)) repository.add(above);
  }
  const command = options.kustomizeCommand ?? config.kustomize.command;
  const builder = kustomizeBuilder({ runProcess: io.runProcess, cwd: io.cwd, ...(command ? { command: parseArgsStringToArgv(command) } : {}) });
  return kustomizeRun({ walked, named, repository: [...repository] }, { builder, read: readSourceFromDisk, cwd: io.cwd });
}

/**
 * Reads the linted files at the base revision (`readBaseVersions`). A ref that names no commit is
 * an error line (exit 2). When the base was asked for explicitly, one notice names the files
 * with nothing to compare (new since the base, not in the repository, or no git at all).
 */
async function readBase(ref: string, files: readonly SourceFile[], options: LintRunOptions, io: CliIO): Promise<{ input?: BaseInput; notices: string[]; error?: string }> {
  const read = await readBaseVersions({ cwd: io.cwd, ref, files: files.map((file) => file.path), label: options.baseLabel });
  const explicit = options.baseExplicit !== false;
  const name = options.baseName ?? `--base ${ref}`;
  if (read.error) return { notices: [], error: `stslint: ${name}: ${read.error}` };
  const notices: string[] = [];
  if (explicit && read.uncompared.length > 0) {
    const names = read.uncompared.map((file) => (path.isAbsolute(file) ? path.relative(io.cwd, file) || file : file));
    const listed = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    const why = read.reason ?? `new since ${read.label}, or not in its repository`;
    notices.push(`stslint: ${name}: nothing to compare for ${names.length} file${names.length === 1 ? '' : 's'} (${why}): ${listed}`);
  }
  return { input: { label: read.label, files: read.files }, notices };
}

/** Helm output is reported under its templates, read from disk (each once per run). */
function helmOptions(chartRoot: string | undefined, cwd: string): HelmOptions {
  const texts = new Map<string, string | undefined>();
  return {
    ...(chartRoot ? { chartRoot } : {}),
    cwd,
    readTemplate: (file) => {
      if (!texts.has(file)) {
        let text: string | undefined;
        try {
          text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
        } catch {
          text = undefined;
        }
        texts.set(file, text);
      }
      return texts.get(file);
    },
  };
}

/** The kustomization files of the folders holding `file`, from its own up to the file-system root. */
function kustomizationsAbove(file: string): string[] {
  const found: string[] = [];
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    const kustomization = kustomizationFileIn(folder);
    if (kustomization) found.push(kustomization);
    if (path.dirname(folder) === folder) return found;
  }
}

function gitRoot(cwd: string): string | undefined {
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, '.git'))) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}
