import { ALL_RULES } from '../../rules/index.js';
import type { RuleSeverity, StslintConfig } from '../config/config.js';
import { localCalendarDate } from '../config/local-calendar-date.js';
import { lintAndFix } from '../engine/apply-fixes.js';
import { lintSourcesInParallel, type FileResult } from '../engine/lint.js';
import type { CliIO } from './cli-io.js';
import { exemptionCheck } from './exemption-check.js';
import { limitHeapGrowth } from './heap-growth.js';
import type { CliOptions } from './program.js';
import { selectInputs } from './select-inputs.js';

/** The outcome of one lint run, before formatting. */
export interface LintRun {
  results: FileResult[];
  /** Fatal problems (unreadable paths, no manifests), one stderr line each: exit 2. */
  fatal: string[];
  /** Informational stderr lines (ignored files named, expired exemptions). */
  notices: string[];
}

/** The options a lint run reads (a subset of the command line's). */
export type LintRunOptions = Pick<
  CliOptions,
  'stdin' | 'stdinFilename' | 'namespace' | 'errorOnUnmatchedPattern' | 'inlineConfig' | 'reportUnusedDisableDirectives'
> &
  Partial<Pick<CliOptions, 'jobs' | 'fix' | 'fixDryRun'>>;

/** `STSLINT_PARALLEL_MIN_BYTES` (for tests and benchmarks: the input size from which parsing uses threads). */
function parallelMinBytes(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Selects and reads the inputs (operands or the configuration's `files`, plus its `context`),
 * lints them as one run with the configured levels, namespace, suppressions and exemptions, and
 * returns the results with the messages for stderr. Shared by the CLI and the GitHub Action.
 */
export async function lintRun(
  paths: readonly string[],
  options: LintRunOptions,
  config: StslintConfig,
  levels: ReadonlyMap<string, RuleSeverity>,
  io: CliIO,
): Promise<LintRun> {
  const inputs = await selectInputs(paths, options, config, io);
  limitHeapGrowth([...inputs.files, ...inputs.context].reduce((sum, file) => sum + file.text.length, 0));
  const exemptions = exemptionCheck(config, localCalendarDate(io.now()), io.cwd);
  const lintOptions = {
    jobs: options.jobs ?? 'auto',
    parallelMinBytes: parallelMinBytes(io.env.STSLINT_PARALLEL_MIN_BYTES),
    rules: ALL_RULES,
    namespace: options.namespace ?? config.namespace,
    levels,
    context: inputs.context,
    inlineConfig: options.inlineConfig,
    exempt: exemptions.check,
    ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: 'error' as const } : {}),
  };
  // --fix never rewrites standard input; --fix-dry-run computes its output too.
  const results =
    options.fix || options.fixDryRun
      ? await lintAndFix(inputs.files, lintOptions, (file) => options.fixDryRun === true || file.fromStdin !== true)
      : await lintSourcesInParallel(inputs.files, lintOptions);
  return { results, fatal: inputs.errors, notices: [...inputs.notices, ...exemptions.expiredNotices()] };
}
