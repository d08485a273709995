import { createColors } from 'picocolors';
import type { Finding } from '../engine/finding.js';
import type { FormatInput } from './format-input.js';
import { escapeText } from '../text/escape-text.js';
import { relativePath } from './relative-path.js';
import { textTable } from './text-table.js';

type Colors = ReturnType<typeof createColors>;

/** Counts per severity; a fatal finding always counts as an error, as in ESLint. */
interface Counts {
  error: number;
  warning: number;
  info: number;
}

/**
 * ESLint's default `stylish` format (eslint/eslint `lib/cli-engine/formatters/stylish.js`,
 * integrations.md §6.3): a blank line, then per file with findings its path (relative to
 * `baseDirectory`, underlined) and a table of `line:column  severity  message  rule-id` rows (line
 * right-aligned, column left-aligned, a final period of the message removed), a blank line after
 * each file, and the summary `✖ N problems (E errors, W warnings)`, bold red when there is an
 * error, else bold yellow. With colours off the text is byte for byte what ESLint 10 prints.
 *
 * Differences from ESLint, all outside what ESLint can produce: the severity `info` prints as a
 * blue `info` and, only when there are some, the summary ends `, I info)`. ESLint's "potentially
 * fixable with the `--fix` option" line follows when findings have a fix (info ones count as
 * warnings there). Dim lines under the summary count the findings that were suppressed and the
 * objects the schema check skipped (custom resources and other kinds without a schema). Returns
 * `''` when there are no findings at all.
 *
 * Colours come from picocolors' `createColors(input.color)`, never from its own detection. File
 * names, messages and rule ids have control and bidirectional characters escaped (`escapeText`).
 */
export function formatStylish(input: FormatInput): string {
  const colors = createColors(input.color);
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  let output = '\n';
  for (const result of input.results) {
    if (result.findings.length === 0) continue;
    output += `${colors.underline(escapeText(relativePath(result.file.path, input.baseDirectory)))}\n`;
    const rows = result.findings.map((finding) => row(finding, colors, counts));
    const table = textTable(rows, ['', 'r', 'l'])
      .split('\n')
      .map((line) => line.replace(/(\d+)\s+(\d+)/u, (_match, line: string, column: string) => colors.dim(`${line}:${column}`)))
      .join('\n');
    output += `${table}\n\n`;
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return '';
  const summaryColor = counts.error > 0 ? colors.red : colors.yellow;
  output += colors.bold(summaryColor(summary(counts, total)));
  const fixable = { error: 0, warning: 0 };
  for (const finding of input.results.flatMap((result) => result.findings)) {
    if (finding.fix) fixable[finding.fatal || finding.severity === 'error' ? 'error' : 'warning'] += 1;
  }
  if (fixable.error + fixable.warning > 0) {
    output += colors.bold(summaryColor(`  ${pluralize(fixable.error, 'error')} and ${pluralize(fixable.warning, 'warning')} potentially fixable with the \`--fix\` option.\n`));
  }
  const suppressed = input.results.reduce((sum, result) => sum + result.suppressed.length, 0);
  if (suppressed > 0) output += colors.dim(`  ${suppressed} more suppressed by comments, annotations or exemptions\n`);
  const unvalidated = input.results.flatMap((result) => result.unvalidatedKinds);
  if (unvalidated.length > 0) output += colors.dim(`  ${skippedLine(unvalidated)}\n`);
  return input.color ? colors.reset(output) : output;
}

function row(finding: Finding, colors: Colors, counts: Counts): string[] {
  let severity: string;
  if (finding.fatal || finding.severity === 'error') {
    severity = colors.red('error');
    counts.error += 1;
  } else if (finding.severity === 'warning') {
    severity = colors.yellow('warning');
    counts.warning += 1;
  } else {
    severity = colors.blue('info');
    counts.info += 1;
  }
  return [
    '',
    String(finding.range.line),
    String(finding.range.column),
    severity,
    escapeText(finding.message).replace(/([^ ])\.$/u, '$1'),
    colors.dim(escapeText(finding.ruleId)),
  ];
}

function summary(counts: Counts, total: number): string {
  const parts = [pluralize(counts.error, 'error'), pluralize(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(`${counts.info} info`);
  return `\u2716 ${pluralize(total, 'problem')} (${parts.join(', ')})\n`;
}

/** `3 objects skipped by the schema check (no schema for Certificate, Secret)`. */
function skippedLine(kinds: readonly string[]): string {
  const distinct = [...new Set(kinds.map((kind) => escapeText(kind)))].sort();
  const named = distinct.length > 4 ? `${distinct.slice(0, 4).join(', ')}, …` : distinct.join(', ');
  return `${pluralize(kinds.length, 'object')} skipped by the schema check (no schema for ${named})`;
}

function pluralize(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}
