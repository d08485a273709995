import type { Finding, Severity } from '../engine/finding.js';

/**
 * The severity a finding counts and is shown with: its own, except that a fatal finding (a file
 * or document that could not be parsed) is always an `error`, as every formatter treats it.
 */
export function effectiveSeverity(finding: Pick<Finding, 'severity' | 'fatal'>): Severity {
  return finding.fatal ? 'error' : finding.severity;
}
