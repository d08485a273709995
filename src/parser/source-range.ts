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
 * Turns `[start, end)` UTF-16 offsets into a {@link SourceRange}, by binary search over the
 * offsets where lines start (as `yaml`'s `LineCounter.linePos` does).
 *
 * @param lines - the line starts of the text: a `yaml` `LineCounter` that was passed to the parser,
 *   or the `lineStarts` it recorded
 * @param start - offset of the first character (0-based)
 * @param end - offset just after the last character (an `end` before `start` is taken as `start`)
 */
export function rangeFromOffsets(lines: { readonly lineStarts: readonly number[] }, start: number, end: number): SourceRange {
  const from = linePosition(lines.lineStarts, start);
  const to = linePosition(lines.lineStarts, Math.max(end, start));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** The 1-based line and column of an offset; line 0 when no line start is known before it. */
function linePosition(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lineStarts[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  if (lineStarts[low] === offset) return { line: low + 1, column: 1 };
  if (low === 0) return { line: 0, column: offset };
  return { line: low, column: offset - lineStarts[low - 1]! + 1 };
}

/** The offsets where the lines of `text` start (after each `\n`), as `yaml`'s `LineCounter` records them. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let offset = text.indexOf('\n'); offset !== -1; offset = text.indexOf('\n', offset + 1)) starts.push(offset + 1);
  return starts;
}
