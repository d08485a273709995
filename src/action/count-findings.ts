import type { Severity } from '../engine/finding.js';
import type { FileResult } from '../engine/lint.js';
import { effectiveSeverity } from './effective-severity.js';

/** How many reported findings a run has per severity (fatal ones count as errors). */
export type FindingCounts = Record<Severity, number>;

/** Counts the reported findings of a run by {@link effectiveSeverity}; suppressed ones do not count. */
export function countFindings(results: readonly FileResult[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const result of results) {
    for (const finding of result.findings) counts[effectiveSeverity(finding)] += 1;
  }
  return counts;
}
