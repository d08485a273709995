import type { Finding } from './finding.js';

/**
 * Sorts findings by file, line, column, rule id and message, and drops exact duplicates (the same
 * rule, place and message twice, e.g. from two variants of one object). Rules never sort.
 */
export function finalizeFindings(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort(compareFindings);
  return sorted.filter((finding, i) => i === 0 || compareFindings(sorted[i - 1]!, finding) !== 0);
}

/** Orders findings by file, line, column, rule id, message (actionlint's `compareErrors`). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.range.line - b.range.line ||
    a.range.column - b.range.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
