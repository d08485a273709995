import path from 'node:path';
import type { Finding } from '../engine/finding.js';
import { relativePath } from '../formatters/relative-path.js';
import { STDIN_PATH } from '../parser/source-file.js';
import { effectiveSeverity } from './effective-severity.js';
import { markdownText } from './markdown-text.js';

/** Where the job summary's links point. */
export interface SummaryLinks {
  /** `<server>/<owner>/<repo>/blob/<sha>/`, or `undefined` outside Actions (no file links). */
  blobBase?: string;
  /** The documentation page of each rule id that has one. */
  docsUrls: ReadonlyMap<string, string>;
}

/**
 * One row of the job summary's findings table: `| severity | location | rule | message |`. The
 * location `path:line:column` (relative to `baseDirectory`, the repository root) links to the
 * lines on GitHub (`#L6`, or `#L6-L9` for a range over several lines) when `blobBase` is known
 * and the file is inside the repository; the rule id links to its documentation page. All text is
 * escaped with `markdownText`.
 */
export function summaryRow(finding: Finding, baseDirectory: string, links: SummaryLinks): string {
  const { line, column, endLine } = finding.range;
  const file = relativePath(finding.file, baseDirectory);
  const location = markdownText(`${file}:${line}:${column}`);
  const linkable = links.blobBase !== undefined && finding.file !== STDIN_PATH && !path.isAbsolute(file);
  const anchor = endLine > line ? `#L${line}-L${endLine}` : `#L${line}`;
  const where = linkable ? `[${location}](${links.blobBase}${file.split('/').map(encodeURIComponent).join('/')}${anchor})` : location;
  const docs = links.docsUrls.get(finding.ruleId);
  const rule = docs ? `[${markdownText(finding.ruleId)}](${docs})` : markdownText(finding.ruleId);
  return `| ${effectiveSeverity(finding)} | ${where} | ${rule} | ${markdownText(finding.message)} |`;
}
