import type { FileResult } from '../engine/lint.js';
import { INTERNAL_ERROR } from '../engine/internal-error.js';

/** Exit codes, as ESLint's: 0 clean, 1 lint errors or too many warnings, 2 fatal. */
export const EXIT = { clean: 0, lintErrors: 1, fatal: 2 } as const;

/** A run's exit code and the line to print on stderr with it, if any. */
export interface ExitVerdict {
  code: (typeof EXIT)[keyof typeof EXIT];
  stderr?: string;
}

/**
 * The exit code of a lint run from its reported findings (ESLint's rules, integrations.md §6.1):
 * 2 when a rule failed (`internal-error`: findings may be missing, as when ESLint's rule crashes);
 * 1 when there is an error (a syntax error included) or more warnings than `maxWarnings` (`-1`:
 * no limit); else 0. Counted before `--quiet` filters the output.
 */
export function exitCodeFor(results: readonly FileResult[], maxWarnings: number): ExitVerdict {
  const findings = results.flatMap((result) => result.findings);
  const failed = findings.filter((finding) => finding.ruleId === INTERNAL_ERROR.id);
  if (failed.length > 0) {
    return { code: EXIT.fatal, stderr: `stslint: ${failed.length} internal error(s) while checking; the report may be incomplete (see the internal-error findings)` };
  }
  const errorCount = findings.filter((finding) => finding.severity === 'error' || finding.fatal).length;
  if (errorCount > 0) return { code: EXIT.lintErrors };
  const warningCount = findings.length - errorCount;
  if (maxWarnings >= 0 && warningCount > maxWarnings) {
    return { code: EXIT.lintErrors, stderr: `stslint found too many warnings (maximum: ${maxWarnings}).` };
  }
  return { code: EXIT.clean };
}
