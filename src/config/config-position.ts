import type { LineCounter, ParsedNode } from 'yaml';
import { locate, objectPositions, type LocateTarget, type NodePath } from '../parser/locate.js';

/** A 1-based line and column (UTF-16 code units). */
export interface ConfigPosition {
  line: number;
  column: number;
}

/**
 * Where a value path of the config file is written: its **key** (an unknown key) or its **value**
 * (a wrong value), with `locate`'s fallbacks (a missing path points at the nearest existing
 * ancestor's key; a list item that is a mapping points at its first entry; an empty file at 1:1).
 *
 * @param root - the parsed document's root node (`Document.contents`), `null` for an empty file
 * @param lineCounter - the counter passed to `parseDocument`
 */
export function configPosition(root: ParsedNode | null, lineCounter: LineCounter, path: NodePath, target: LocateTarget): ConfigPosition {
  if (root === null) return { line: 1, column: 1 };
  const range = locate({ positions: objectPositions(root, lineCounter.lineStarts) }, path, target);
  return { line: range.line, column: range.column };
}
