import type { Finding, Severity } from '../engine/finding.js';
import type { FileResult } from '../engine/lint.js';
import { relativePath } from '../formatters/relative-path.js';
import { effectiveSeverity } from './effective-severity.js';

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Every reported finding of a run, most severe first (errors, warnings, then info), then by file
 * (the path shown to users, relative to `baseDirectory`), line, column and rule id. The action's
 * annotations and job summary use this order, so that their caps drop the least severe first.
 */
export function orderFindings(results: readonly FileResult[], baseDirectory: string): Finding[] {
  const keyed = results.flatMap((result) =>
    result.findings.map((finding) => ({ finding, file: relativePath(finding.file, baseDirectory) })),
  );
  keyed.sort(
    (a, b) =>
      RANK[effectiveSeverity(a.finding)] - RANK[effectiveSeverity(b.finding)] ||
      compare(a.file, b.file) ||
      a.finding.range.line - b.finding.range.line ||
      a.finding.range.column - b.finding.range.column ||
      compare(a.finding.ruleId, b.finding.ruleId),
  );
  return keyed.map((entry) => entry.finding);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
