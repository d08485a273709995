import type { Finding } from '../engine/finding.js';
import type { FileResult } from '../engine/lint.js';
import type { ActionProblem } from './action-problem.js';
import type { FindingCounts } from './count-findings.js';
import { markdownText } from './markdown-text.js';
import type { FailLevel } from './read-action-inputs.js';
import { summaryRow, type SummaryLinks } from './summary-row.js';

/** GitHub's limit on one step's summary (integrations.md §3.4): above it the summary is dropped. */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** What the job summary reports. */
export interface JobSummaryInput {
  /** Every reported finding, in `orderFindings` order. */
  ordered: readonly Finding[];
  results: readonly FileResult[];
  /** Whether the lint pass ran (false after a bad input or a configuration error). */
  linted: boolean;
  counts: FindingCounts;
  problems: readonly ActionProblem[];
  /** Informational lines (files ignored by the configuration, expired exemptions). */
  notices: readonly string[];
  failLevel: FailLevel;
  exitCode: number;
  /** The SARIF file as shown to users, when one was written. */
  sarifFile?: string;
  baseDirectory: string;
  links: SummaryLinks;
  /** Size limit in UTF-8 bytes; {@link STEP_SUMMARY_LIMIT_BYTES} less a margin by default. */
  maxBytes?: number;
}

/**
 * The Markdown the action appends to `$GITHUB_STEP_SUMMARY`: a `## stslint` heading, whether the
 * step fails and why, the counts (when the lint pass ran), the fatal problems and notes, and a
 * table of ALL findings (`summaryRow`), most severe first. Rows are left out from the end (the least severe) when the
 * text would exceed `maxBytes`, and a last line says how many and where to find them.
 */
export function jobSummary(input: JobSummaryInput): string {
  const maxBytes = input.maxBytes ?? STEP_SUMMARY_LIMIT_BYTES - 4096;
  const head = ['## stslint', '', verdict(input), ''];
  if (input.linted) head.push(counts(input), '');
  if (input.problems.length > 0) head.push('### Problems', '', ...input.problems.map((problem) => `- ${markdownText(problem.message)}`), '');
  if (input.notices.length > 0) head.push('### Notes', '', ...input.notices.map((notice) => `- ${markdownText(notice)}`), '');
  if (input.ordered.length === 0) return `${head.join('\n')}\n`;
  head.push('### Findings', '', '| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');
  let text = `${head.join('\n')}\n`;
  const reserve = Buffer.byteLength(droppedNote(input.ordered.length, input.sarifFile));
  let bytes = Buffer.byteLength(text);
  let shown = 0;
  for (const finding of input.ordered) {
    const row = `${summaryRow(finding, input.baseDirectory, input.links)}\n`;
    const size = Buffer.byteLength(row);
    if (bytes + size + reserve > maxBytes) break;
    text += row;
    bytes += size;
    shown += 1;
  }
  const dropped = input.ordered.length - shown;
  return dropped > 0 ? `${text}${droppedNote(dropped, input.sarifFile)}` : text;
}

function verdict(input: JobSummaryInput): string {
  if (!input.linted) return `**Failed** (exit code ${input.exitCode}): stslint could not run; see the problems below.`;
  if (input.problems.length > 0) return `**Failed** (exit code ${input.exitCode}): stslint could not check everything; see the problems below.`;
  const level = `fail-level \`${input.failLevel}\``;
  if (input.exitCode !== 0) return `**Failed** (exit code ${input.exitCode}): findings at or above ${level}.`;
  const total = input.counts.error + input.counts.warning + input.counts.info;
  return total === 0 ? '**Passed**: no findings.' : `**Passed** with ${level}.`;
}

function counts(input: JobSummaryInput): string {
  const { error, warning, info } = input.counts;
  const files = input.results.length;
  const objects = input.results.reduce((sum, result) => sum + result.objectCount, 0);
  const suppressed = input.results.reduce((sum, result) => sum + result.suppressed.length, 0);
  let line = `${plural(error, 'error')}, ${plural(warning, 'warning')} and ${info} info in ${plural(files, 'file')} (${plural(objects, 'Kubernetes object')}).`;
  if (suppressed > 0) line += ` ${plural(suppressed, 'finding')} suppressed by comments, annotations or exemptions (not counted).`;
  if (input.sarifFile !== undefined) line += ` SARIF: ${markdownText(input.sarifFile)}.`;
  return line;
}

function droppedNote(dropped: number, sarifFile: string | undefined): string {
  const where = sarifFile === undefined ? 'the console report' : `the console report and ${markdownText(sarifFile)}`;
  return `\n_${plural(dropped, 'more finding')} not shown: a step summary is limited to 1 MiB. See ${where}._\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}
