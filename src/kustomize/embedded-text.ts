import { isMap, isScalar, isSeq, Scalar, type LineCounter, type Node } from 'yaml';
import type { NodePath } from '../parser/locate.js';
import type { SourceFile } from '../parser/source-file.js';
import { rangeFromOffsets, type SourceRange } from '../parser/source-range.js';

/**
 * YAML written inside a string of a kustomization (an inline patch, `patch: |-`), with the way
 * back from a position in that text to the kustomization file. A block scalar (`|`, `>`) keeps its
 * lines: line `n` of the text is line `n` of the block, and columns are shifted by the block's
 * indentation. A one-line scalar (`patch: '[{"op": …}]'`) maps columns within its line when it has
 * no escapes. Anything else maps every position to the start of the string.
 */
export interface EmbeddedText {
  /** Path of the kustomization file. */
  file: string;
  /** The YAML as written, block indentation removed. */
  text: string;
  /** A range in {@link text} as a range in the kustomization file. */
  toFile(range: SourceRange): SourceRange;
}

/** The text of the string at `at` in a kustomization's contents (its parsed root node); `undefined` when it is not a string. */
export function embeddedText(file: SourceFile, where: { root: Node; lineCounter: LineCounter }, at: NodePath): EmbeddedText | undefined {
  let node: unknown = where.root;
  for (const segment of at) {
    if (isMap(node)) node = node.get(segment, true);
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const [start, end] = node.range;
  const whole = rangeFromOffsets(where.lineCounter, start, end);
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    // The block's lines follow its header line; its range may end at the start of the next line.
    const lastLine = whole.endColumn === 1 ? whole.endLine - 1 : whole.endLine;
    const lines = file.text.split(/\r?\n/).slice(whole.line, Math.max(whole.line, lastLine));
    const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length));
    const shift = Number.isFinite(indent) ? indent : 0;
    const text = lines.map((line) => line.slice(shift)).join('\n');
    const firstLine = whole.line + 1;
    return {
      file: file.path,
      text,
      toFile: (range) => ({
        line: range.line + firstLine - 1,
        column: range.column + shift,
        endLine: range.endLine + firstLine - 1,
        endColumn: range.endColumn + shift,
      }),
    };
  }
  const raw = file.text.slice(start, end);
  const quote = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
  const linear = whole.line === whole.endLine && raw.length === node.value.length + 2 * quote;
  return {
    file: file.path,
    text: node.value,
    toFile: (range) =>
      linear && range.line === 1 && range.endLine === 1
        ? { line: whole.line, column: whole.column + quote + range.column - 1, endLine: whole.line, endColumn: whole.column + quote + range.endColumn - 1 }
        : { line: whole.line, column: whole.column, endLine: whole.line, endColumn: whole.column },
  };
}
