import type { FileResult } from '../engine/lint.js';
import type { RuleMeta } from '../engine/rule.js';

/**
 * What every formatter receives: the run's results and the metadata of the rules that ran. A
 * formatter is a pure function of this; it does no I/O.
 */
export interface FormatInput {
  results: readonly FileResult[];
  /** Metadata of every rule that ran, by id (SARIF lists them all; stylish ignores them). */
  rules: ReadonlyMap<string, RuleMeta & { docsUrl?: string }>;
  /** Directory that output paths are made relative to (the repository root for SARIF/GitHub). */
  baseDirectory: string;
  /** The tool's version, for SARIF `tool.driver`. */
  version: string;
  /** Whether to emit ANSI colours (stylish only). */
  color: boolean;
  /** SARIF only: also emit suppressed findings, with `suppressions` (`--sarif-include-suppressed`). */
  includeSuppressed?: boolean;
}
