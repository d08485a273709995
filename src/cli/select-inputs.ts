import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { classifyPath } from '../config/classify-path.js';
import { DEFAULT_FILES, type StslintConfig } from '../config/config.js';
import { listConfiguredFiles } from '../config/list-configured-files.js';
import { HelmCharts, skippedChartNotice } from '../helm/helm-charts.js';
import { findKustomizationFiles } from '../kustomize/kustomization.js';
import { MANIFEST_GLOB, readInputs } from '../parser/read-inputs.js';
import type { SourceFile } from '../parser/source-file.js';
import type { CliIO } from './cli-io.js';
import type { CliOptions } from './program.js';

/** The files of a run: those reported, those only indexed, and what went wrong reading them. */
export interface SelectedInputs {
  files: SourceFile[];
  /**
   * Paths of the files named one by one on the command line, rather than found by walking a
   * folder, expanding a glob or listing the configuration's `files`: kustomize builds the
   * overlays that read them (a pre-commit hook passes changed files this way).
   */
  named: ReadonlySet<string>;
  context: SourceFile[];
  /** Fatal problems, one line each (exit 2). */
  errors: string[];
  /** Informational lines for stderr (ignored files named on the command line, skipped Helm charts). */
  notices: string[];
}

/** A kustomization file without extension, which the manifest walk would not pick up. */
const KUSTOMIZATION_WITHOUT_EXTENSION = '**/Kustomization';

/**
 * Chooses and reads a run's inputs. With operands: files, folders and globs as given (`-` is
 * standard input), leaving out what the configuration ignores (a file named explicitly that is
 * ignored gets a notice, as in ESLint). Without operands: the configuration's `files` globs
 * (every manifest under the config folder by default). Context: the configuration's `context`
 * globs, minus the files already linted, read for the index only. Files inside a Helm chart (a
 * folder holding `Chart.yaml`) are skipped with one notice per chart. With `kustomizations`,
 * folder walks also pick up kustomization files named `Kustomization`.
 */
export async function selectInputs(
  paths: readonly string[],
  options: Pick<CliOptions, 'stdin' | 'stdinFilename' | 'errorOnUnmatchedPattern'> & { kustomizations?: boolean },
  config: StslintConfig,
  io: CliIO,
): Promise<SelectedInputs> {
  const readsStdin = options.stdin === true || (paths.length === 0 && options.stdinFilename !== undefined);
  const notices: string[] = [];
  const charts = new HelmCharts();
  const skippedCharts = new Set<string>();
  const inChart = (file: string): boolean => {
    const chart = charts.chartOf(file);
    if (chart !== undefined) skippedCharts.add(chart);
    return chart !== undefined;
  };
  const ignored = (file: string) => classifyPath(file, config) === 'ignored';
  let operands = [...paths];
  if (readsStdin && !operands.includes('-')) operands.push('-');
  const named = operands.filter((operand) => operand !== '-' && ignored(path.resolve(io.cwd, operand)));
  for (const file of named) notices.push(`stslint: ${file}: File ignored because of a matching ignore pattern in ${configName(config, io)}`);
  operands = operands.filter((operand) => !named.includes(operand) && (operand === '-' || !inChart(path.resolve(io.cwd, operand))));
  const fromConfig = paths.length === 0 && !readsStdin;
  if (fromConfig) {
    operands = (await listConfiguredFiles(config, 'files')).filter((file) => !inChart(file));
    if (options.kustomizations) operands.push(...(await configuredKustomizations(config)).filter((file) => !inChart(file)));
  }
  const namedFiles = fromConfig ? new Set<string>() : await filesAmong(operands, io.cwd);
  const read = await readInputs(operands, {
    cwd: io.cwd,
    readStdin: () => io.readStdin(),
    stdinFilename: options.stdinFilename,
    ignore: (file) => ignored(file) || inChart(file),
    patterns: options.kustomizations ? [MANIFEST_GLOB, KUSTOMIZATION_WITHOUT_EXTENSION] : [MANIFEST_GLOB],
  });
  const errors = read.errors.map((error) => `stslint: ${error.path}: ${error.message}`);
  if (read.files.length === 0 && read.errors.length === 0 && named.length === 0 && skippedCharts.size === 0 && options.errorOnUnmatchedPattern) {
    const where = fromConfig ? `the files of ${configName(config, io)}` : paths.map((operand) => `"${operand}"`).join(', ');
    errors.push(`stslint: no manifest files (*.yaml, *.yml, *.json) found in ${where || '"."'}`);
  }
  const linted = new Set(read.files.map((file) => file.path));
  const contextPaths = (await listConfiguredFiles(config, 'context')).filter((file) => !linted.has(file) && !inChart(file));
  const context = await readInputs(contextPaths, { cwd: io.cwd });
  errors.push(...context.errors.map((error) => `stslint: ${error.path}: ${error.message} (context)`));
  for (const chart of [...skippedCharts].sort()) notices.push(skippedChartNotice(chart, io.cwd));
  return { files: read.files, named: namedFiles, context: context.files, errors, notices };
}

/** The operands that name one existing file (not a folder, a glob or standard input), as absolute paths. */
async function filesAmong(operands: readonly string[], cwd: string): Promise<Set<string>> {
  const files = new Set<string>();
  for (const operand of operands) {
    if (operand === '-') continue;
    const absolute = path.resolve(cwd, operand);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isFile() || (!stat && !isDynamicPattern(operand))) files.add(absolute);
  }
  return files;
}

/** Kustomization files named `Kustomization` that a run without paths lints: all of them with the default `files`, else those `files` selects. */
async function configuredKustomizations(config: StslintConfig): Promise<string[]> {
  const all = await findKustomizationFiles(config.baseDirectory, (file) => classifyPath(file, config) === 'ignored');
  return all.filter((file) => path.basename(file) === 'Kustomization' && (config.files === DEFAULT_FILES || classifyPath(file, config) === 'lint'));
}

function configName(config: StslintConfig, io: CliIO): string {
  return config.file ? path.relative(io.cwd, config.file) || config.file : 'the default configuration';
}
