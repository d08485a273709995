import { escapeText } from '../text/escape-text.js';
import { relativePath } from './relative-path.js';
import type { FormatInput } from './format-input.js';

/**
 * One line per finding, `path:line:column: message [rule-id]` (actionlint's line), sorted as the
 * results are, control and bidirectional characters escaped (`escapeText`). Used by the rule
 * fixtures' golden `.out` files. Empty output when there are none.
 */
export function formatCompact(input: Pick<FormatInput, 'results' | 'baseDirectory'>): string {
  const lines: string[] = [];
  for (const result of input.results) {
    for (const finding of result.findings) {
      const file = escapeText(relativePath(finding.file, input.baseDirectory));
      lines.push(`${file}:${finding.range.line}:${finding.range.column}: ${escapeText(finding.message)} [${escapeText(finding.ruleId)}]`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
