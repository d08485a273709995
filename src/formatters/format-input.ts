import type { FileResult } from '../engine/lint.js';
import type { RuleMeta } from '../engine/rule.js';
import type { Terminal } from './terminal-text.js';

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
  /**
   * Stylish only: the terminal the output goes to, to wrap long messages at its width; absent when
   * the output is not a terminal (nothing is wrapped). Load it with `loadTerminal` (terminal-text.ts).
   */
  terminal?: Terminal;
  /** Stylish only: say so in one line when there are no findings (a clean run on a terminal). */
  cleanSummary?: boolean;
  /** SARIF only: also emit suppressed findings, with `suppressions` (`--sarif-include-suppressed`). */
  includeSuppressed?: boolean;
  /**
   * `json-with-metadata` and SARIF: describe every rule of `rules`, not only those the results use
   * (`--list-rules`).
   */
  allRules?: boolean;
  /** `json-with-metadata`: set when there were more warnings than `--max-warnings` (ESLint's `ResultsMeta`). */
  maxWarningsExceeded?: { maxWarnings: number; foundWarnings: number };
}
