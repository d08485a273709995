import { stripVTControlCharacters } from 'node:util';

/** How a column is aligned: `r` right, anything else left. */
export type ColumnAlign = 'l' | 'r' | '';

/**
 * Lays out rows of cells as a plain-text table, as ESLint's `lib/shared/text-table.js` (a copy of
 * the `text-table` package) does for the stylish formatter: each column is padded with spaces to
 * its widest cell (ANSI colour codes do not count), columns are joined by two spaces, and trailing
 * whitespace of each row is removed. Rows are joined by `\n`, with no final newline.
 *
 * @param rows - the cells, row by row
 * @param align - alignment per column index; missing entries are left-aligned
 */
export function textTable(rows: readonly (readonly string[])[], align: readonly ColumnAlign[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, visibleLength(cell));
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, column) => {
          const padding = ' '.repeat(Math.max((widths[column] ?? 0) - visibleLength(cell), 0));
          return align[column] === 'r' ? padding + cell : cell + padding;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function visibleLength(text: string): number {
  return stripVTControlCharacters(text).length;
}
