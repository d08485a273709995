import type { LineCounter } from 'yaml';

/**
 * A span of source text. All four numbers are 1-based; `endColumn` is the column just after the
 * last character (exclusive), as in SARIF regions and ESLint messages. Columns count UTF-16 code
 * units, which is what JavaScript strings and the `yaml` package give.
 */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The range that stands for "the whole file" when nothing better is known: line 1, column 1. */
export const FILE_START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * Turns `[start, end)` UTF-16 offsets into a {@link SourceRange}.
 *
 * @param lineCounter - the counter that was passed to `parseAllDocuments` for this text
 * @param start - offset of the first character (0-based)
 * @param end - offset just after the last character (an `end` before `start` is taken as `start`)
 */
export function rangeFromOffsets(lineCounter: LineCounter, start: number, end: number): SourceRange {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(end, start));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}
