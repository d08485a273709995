import { statSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../../rules/index.js';
import { lintRun } from '../cli/lint-run.js';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import { resolveRuleSeverities } from '../config/resolve-rule-severities.js';
import type { FileResult } from '../engine/lint.js';
import type { ActionIO } from './action-io.js';
import { actionBase, type ActionBase } from './action-base.js';
import type { ActionProblem } from './action-problem.js';
import { actionRepositoryRoot } from './action-repository-root.js';
import type { ActionInputs } from './read-action-inputs.js';

/** The outcome of the action's lint pass, before anything is reported. */
export interface ActionLintOutcome {
  /** The working directory, absolute. */
  workingDirectory: string;
  /** The repository root that reported paths are relative to (`actionRepositoryRoot`). */
  baseDirectory: string;
  /** Whether the lint pass ran (false after a configuration error or a bad working directory). */
  linted: boolean;
  results: FileResult[];
  /** Fatal problems (exit 2): configuration error, unreadable paths, no manifests found. */
  problems: ActionProblem[];
  /** Informational lines: files ignored by the configuration, expired exemptions. */
  notices: string[];
}

/**
 * Runs ONE lint pass as the CLI would in `inputs.workingDirectory` (resolved against `workspace`,
 * `$GITHUB_WORKSPACE`): loads the configuration (`inputs.config`, else discovery), resolves the
 * rule severities, and lints `inputs.paths` (none: the configuration's `files`) with `lintRun`,
 * compared with the base of `actionBase` (the pull request's base commit by default).
 * A missing working directory or a `ConfigError` is a problem with no results, the configuration
 * error with its file and position; other exceptions propagate (internal errors).
 */
export async function actionLint(inputs: ActionInputs, workspace: string, io: ActionIO): Promise<ActionLintOutcome> {
  const workingDirectory = path.resolve(workspace, inputs.workingDirectory);
  const baseDirectory = actionRepositoryRoot(workingDirectory, workspace);
  const outcome: ActionLintOutcome = { workingDirectory, baseDirectory, linted: false, results: [], problems: [], notices: [] };
  if (!isDirectory(workingDirectory)) {
    outcome.problems.push({ message: `stslint: input "working-directory": ${inputs.workingDirectory}: not a directory in the workspace` });
    return outcome;
  }
  try {
    const config = await loadConfig({ cwd: workingDirectory, configFile: inputs.config });
    const levels = resolveRuleSeverities(ALL_RULES, config);
    const { base, problem } = actionBase(inputs.base, io.env);
    if (problem) outcome.problems.push({ message: problem });
    const compare = base ? { base: base.ref, baseExplicit: base.explicit, baseName: baseName(base), ...(base.label ? { baseLabel: base.label } : {}) } : {};
    const options = { namespace: inputs.namespace, errorOnUnmatchedPattern: true, inlineConfig: true, ...compare };
    const run = await lintRun(inputs.paths, options, config, levels, { ...io, cwd: workingDirectory });
    outcome.linted = true;
    outcome.results = run.results;
    outcome.problems.push(...run.fatal.map((message) => ({ message })));
    outcome.notices.push(...run.notices);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Only a problem inside the file is annotated on it; an unreadable file may not exist.
    const place = error.line === undefined ? {} : { file: error.file, line: error.line, column: error.column };
    outcome.problems.push({ message: `stslint: ${error.message}`, ...place });
  }
  return outcome;
}

/** How problems name the base: the input as given, or the pull request's base commit. */
function baseName(base: ActionBase): string {
  return base.explicit ? `input "base" ${base.ref}` : `the pull request's base commit ${base.ref.slice(0, 7)}${base.label ? ` (${base.label})` : ''}`;
}

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
