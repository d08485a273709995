import { createColors } from 'picocolors';
import { stripVTControlCharacters } from 'node:util';
import type { Finding } from '../engine/finding.js';
import type { FormatInput } from './format-input.js';
import type { Terminal } from './terminal-text.js';
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

/** One finding as stylish prints it: the table's cells, and the lines that follow it. */
interface Row {
  line: string;
  column: string;
  /** Coloured. */
  severity: string;
  message: string;
  ruleId: string;
  suggestions: string[];
}

/** Narrowest message column kept when wrapping, however narrow the terminal. */
const MIN_MESSAGE_WIDTH = 20;
const SUGGESTION = 'suggestion: ';

/**
 * ESLint's default `stylish` format (eslint/eslint `lib/cli-engine/formatters/stylish.js`,
 * integrations.md §6.3): a blank line, then per file with findings its path (relative to
 * `baseDirectory`, underlined) and a table of `line:column  severity  message  rule-id` rows (line
 * right-aligned, column left-aligned, a final period of the message removed), a blank line after
 * each file, and the summary `✖ N problems (E errors, W warnings)`, bold red when there is an
 * error, else bold yellow. With colours off, no suggestions and no `width`, the text is byte for
 * byte what ESLint 10 prints.
 *
 * Differences from ESLint, all outside what ESLint can produce:
 * - the severity `info` prints as a blue `info` and, only when there are some, the summary ends
 *   `, I info)`; ESLint's "potentially fixable with the `--fix` option" line follows when findings
 *   have a fix (info ones count as warnings there);
 * - a finding's suggestions (edits a person may apply in an editor) follow its row, one dim
 *   `suggestion: <what it does>` line each, under the message column;
 * - with `input.width` (the terminal's width), a file whose table is wider than that is laid out
 *   for it instead of padding every message to the longest: each message is wrapped at word
 *   boundaries under the message column, and the rule id follows the message's last line when it
 *   fits there, else gets a line of its own under the message. Without `width` (output that is
 *   not a terminal) nothing is wrapped;
 * - dim lines under the summary count the findings that were suppressed and the objects the
 *   schema check skipped (custom resources and other kinds without a schema);
 * - with no findings at all the output is `''`, or, with `input.cleanSummary`, one green line
 *   saying how many files and objects were linted, with the suppressed and skipped counts.
 *
 * Colours come from picocolors' `createColors(input.color)`, never from its own detection. File
 * names, messages, suggestions and rule ids have control and bidirectional characters escaped
 * (`escapeText`). Widths are measured in terminal columns (`string-width`: wide East Asian
 * characters count two).
 */
export function formatStylish(input: FormatInput): string {
  const colors = createColors(input.color);
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  let output = '\n';
  for (const result of input.results) {
    if (result.findings.length === 0) continue;
    output += `${colors.underline(escapeText(relativePath(result.file.path, input.baseDirectory)))}\n`;
    const rows = result.findings.map((finding) => row(finding, colors, counts));
    output += `${fileTable(rows, colors, input.terminal)}\n\n`;
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return input.cleanSummary ? cleanLine(input, colors) : '';
  const summaryColor = counts.error > 0 ? colors.red : colors.yellow;
  output += colors.bold(summaryColor(summary(counts, total)));
  const fixable = { error: 0, warning: 0 };
  for (const finding of input.results.flatMap((result) => result.findings)) {
    if (finding.fix) fixable[finding.fatal || finding.severity === 'error' ? 'error' : 'warning'] += 1;
  }
  if (fixable.error + fixable.warning > 0) {
    output += colors.bold(summaryColor(`  ${pluralize(fixable.error, 'error')} and ${pluralize(fixable.warning, 'warning')} potentially fixable with the \`--fix\` option.\n`));
  }
  const suppressed = suppressedCount(input);
  if (suppressed > 0) output += colors.dim(`  ${suppressed} more suppressed by comments, annotations or exemptions\n`);
  const unvalidated = input.results.flatMap((result) => result.unvalidatedKinds);
  if (unvalidated.length > 0) output += colors.dim(`  ${skippedLine(unvalidated)}\n`);
  return input.color ? colors.reset(output) : output;
}

function row(finding: Finding, colors: Colors, counts: Counts): Row {
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
  return {
    line: String(finding.range.line),
    column: String(finding.range.column),
    severity,
    message: escapeText(finding.message).replace(/([^ ])\.$/u, '$1'),
    ruleId: escapeText(finding.ruleId),
    suggestions: (finding.suggestions ?? []).map((suggestion) => escapeText(suggestion.desc)),
  };
}

/**
 * One file's rows: ESLint's table when it fits the terminal (or there is none), else the same
 * columns with messages wrapped under the message column. Suggestions follow their row.
 */
function fileTable(rows: readonly Row[], colors: Colors, terminal: Terminal | undefined): string {
  const cells = rows.map((entry) => ['', entry.line, entry.column, entry.severity, entry.message, colors.dim(entry.ruleId)]);
  const table = textTable(cells, ['', 'r', 'l'])
    .split('\n')
    .map((line) => line.replace(/(\d+)\s+(\d+)/u, (_match, line: string, column: string) => colors.dim(`${line}:${column}`)));
  // Where the message column starts: `  <line>:<column>  <severity>  ` (severities are ASCII, possibly coloured).
  const lineWidth = Math.max(...rows.map((entry) => entry.line.length));
  const columnWidth = Math.max(...rows.map((entry) => entry.column.length));
  const severityWidth = Math.max(...rows.map((entry) => stripVTControlCharacters(entry.severity).length));
  const indent = 2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2;
  const pad = ' '.repeat(indent);
  const wrapping = terminal !== undefined && table.some((line) => terminal.text.width(line) > terminal.columns) ? terminal.text : undefined;
  const messageWidth = Math.max((terminal?.columns ?? Infinity) - indent, MIN_MESSAGE_WIDTH);
  return rows
    .flatMap((entry, i) => {
      const suggestions = entry.suggestions.map((desc) => `${SUGGESTION}${desc}`);
      if (!wrapping) return [table[i]!, ...suggestions.map((line) => `${pad}${colors.dim(line)}`)];
      const { width, wrap } = wrapping;
      const lead = `  ${' '.repeat(lineWidth - entry.line.length)}${colors.dim(`${entry.line}:${entry.column}`)}${' '.repeat(columnWidth - entry.column.length)}  ${entry.severity}`;
      const severityPad = ' '.repeat(Math.max(indent - width(lead) - 2, 0));
      const lines = wrap(entry.message, messageWidth).split('\n');
      const last = lines.length - 1;
      if (width(lines[last]!) + 2 + width(entry.ruleId) <= messageWidth) lines[last] = `${lines[last]}  ${colors.dim(entry.ruleId)}`;
      else lines.push(colors.dim(entry.ruleId));
      return [
        ...lines.map((line, index) => (index === 0 ? `${lead}${severityPad}  ${line}` : `${pad}${line}`)),
        ...suggestions.flatMap((text) => wrap(text, messageWidth).split('\n').map((line) => `${pad}${colors.dim(line)}`)),
      ];
    })
    .join('\n');
}

function summary(counts: Counts, total: number): string {
  const parts = [pluralize(counts.error, 'error'), pluralize(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(`${counts.info} info`);
  return `\u2716 ${pluralize(total, 'problem')} (${parts.join(', ')})\n`;
}

/**
 * The line of a clean run: `✔ No problems in 3 files, 12 objects`, then what was not shown or not
 * checked: `; 2 suppressed, 1 object skipped by the schema check (no schema for Certificate)`.
 */
function cleanLine(input: FormatInput, colors: Colors): string {
  const objects = input.results.reduce((sum, result) => sum + result.objectCount, 0);
  const notes: string[] = [];
  const suppressed = suppressedCount(input);
  if (suppressed > 0) notes.push(`${suppressed} suppressed`);
  const unvalidated = input.results.flatMap((result) => result.unvalidatedKinds);
  if (unvalidated.length > 0) notes.push(skippedLine(unvalidated));
  const line = `${colors.bold(colors.green(`\u2714 No problems in ${pluralize(input.results.length, 'file')}, ${pluralize(objects, 'object')}`))}${notes.length > 0 ? colors.dim(`; ${notes.join(', ')}`) : ''}\n`;
  return input.color ? colors.reset(line) : line;
}

function suppressedCount(input: FormatInput): number {
  return input.results.reduce((sum, result) => sum + result.suppressed.length, 0);
}

/** `3 objects skipped by the schema check (no schema for Certificate, Secret)`. */
function skippedLine(kinds: readonly string[]): string {
  const distinct = [...new Set(kinds.map((kind) => escapeText(kind)))].sort();
  const named = distinct.length > 4 ? `${distinct.slice(0, 4).join(', ')}, …` : distinct.join(', ');
  return `${pluralize(kinds.length, 'object')} skipped by the schema check (no schema for ${escapeText(named)})`;
}

function pluralize(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}
