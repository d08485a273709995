import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { rangeFromOffsets, type SourceRange } from './source-range.js';

/** A field path from the object's root, e.g. `['spec', 'volumeClaimTemplates', 0, 'spec']`. */
export type NodePath = readonly (string | number)[];

/**
 * Where a finding points: at the field's **key** (a field that is missing or should not be
 * there) or at its **value** (a field whose value is wrong).
 */
export type LocateTarget = 'key' | 'value';

/**
 * Where every node of one object is written in its file, kept instead of the `yaml` document so
 * that a run holds a few integers per node rather than the syntax tree (and so that positions can
 * cross a worker-thread boundary). Built once by {@link objectPositions} while the tree exists.
 *
 * `table` holds {@link FIELDS} integers per node, nodes in pre-order (a node, then its children):
 * key start and end offsets (`-1` without a key), value start and end offsets (`-1` when the node
 * has no range), the number of descendants, and the {@link NodeKind}. Offsets are UTF-16 code units
 * from the start of the file. `keys[i]` is the key of node `i` as the plain object spells it, for
 * the entries of a mapping. `lineStarts` are the offsets where the file's lines start (the `yaml`
 * `LineCounter`'s), shared by all objects of a file.
 */
export interface ObjectPositions {
  table: Int32Array;
  keys: readonly (string | undefined)[];
  lineStarts: readonly number[];
}

/** Integers per node in {@link ObjectPositions.table}. */
const FIELDS = 6;
const KEY_START = 0;
const KEY_END = 1;
const VALUE_START = 2;
const VALUE_END = 3;
const DESCENDANTS = 4;
const KIND = 5;

/**
 * What a node is, as `locate` and the edits of fixes need it: `OTHER` (no node: a null value, an
 * alias, a pair inside a flow sequence), a plain (unquoted) scalar, a block scalar (`|`, `>`), an
 * empty scalar (a value written as nothing, `storageClassName:`), a mapping, a sequence, a
 * double-quoted or a single-quoted scalar.
 */
export const enum NodeKind {
  OTHER = 0,
  PLAIN_SCALAR = 1,
  BLOCK_SCALAR = 2,
  EMPTY_SCALAR = 3,
  MAP = 4,
  SEQ = 5,
  DOUBLE_QUOTED_SCALAR = 6,
  SINGLE_QUOTED_SCALAR = 7,
}

/**
 * Records the positions of `root` (a document's contents, or one item of a List) and all nodes
 * below it. Iterative, so that a deeply nested document cannot exhaust the stack here.
 *
 * @param lineStarts - the file's line start offsets (`LineCounter.lineStarts`)
 * @param keptFields - when given, only these entries of the root mapping are recorded (the object
 *   was kept as its identity fields only)
 * @param mapOffset - maps the nodes' offsets to the file's, when they were parsed from a repaired
 *   copy of it (`repairForKubectl`)
 */
export function objectPositions(
  root: unknown,
  lineStarts: readonly number[],
  keptFields?: ReadonlySet<string>,
  mapOffset?: (offset: number) => number,
): ObjectPositions {
  const table: number[] = [];
  const keys: (string | undefined)[] = [];
  type Frame = { node: unknown; key: unknown; keyText: string | undefined } | { close: number };
  const stack: Frame[] = [{ node: root, key: undefined, keyText: undefined }];
  const offset = (value: number | undefined) => (value === undefined ? -1 : mapOffset ? mapOffset(value) : value);
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ('close' in frame) {
      table[frame.close * FIELDS + DESCENDANTS] = keys.length - frame.close - 1;
      continue;
    }
    const index = keys.length;
    const keyRange = (frame.key as Node | null | undefined)?.range;
    const valueRange = isPair(frame.node) ? undefined : (frame.node as Node | null | undefined)?.range;
    table.push(offset(keyRange?.[0]), offset(keyRange?.[1]), offset(valueRange?.[0]), offset(valueRange?.[1]), 0, kindOf(frame.node));
    keys.push(frame.keyText);
    stack.push({ close: index });
    const children: Frame[] = [];
    if (isMap(frame.node)) {
      for (const pair of frame.node.items) {
        const keyText = keyString(pair.key);
        if (keptFields && index === 0 && (keyText === undefined || !keptFields.has(keyText))) continue;
        children.push({ node: pair.value, key: pair.key, keyText });
      }
    } else if (isSeq(frame.node)) {
      for (const item of frame.node.items) children.push({ node: item, key: undefined, keyText: undefined });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { table: Int32Array.from(table), keys, lineStarts };
}

function kindOf(node: unknown): NodeKind {
  if (isMap(node)) return NodeKind.MAP;
  if (isSeq(node)) return NodeKind.SEQ;
  if (!isScalar(node) || isAlias(node)) return NodeKind.OTHER;
  if (node.range && node.range[0] === node.range[1]) return NodeKind.EMPTY_SCALAR;
  if (node.type === Scalar.QUOTE_DOUBLE) return NodeKind.DOUBLE_QUOTED_SCALAR;
  if (node.type === Scalar.QUOTE_SINGLE) return NodeKind.SINGLE_QUOTED_SCALAR;
  return node.type === Scalar.PLAIN ? NodeKind.PLAIN_SCALAR : NodeKind.BLOCK_SCALAR;
}

/** The string a key becomes in the plain object (`Document.toJS()` stringifies scalar keys). */
function keyString(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/**
 * Maps a field path of a manifest object to its source range.
 *
 * When the path does not exist in full, the range of the nearest existing ancestor's key is
 * returned (a missing `spec.serviceName` points at `spec:`), so the result always lies inside the
 * object. When a mapping has the same key twice, the last one is used, as the API server's
 * decoder keeps the last. A `value` target on a mapping, a sequence or a value written as nothing
 * (`storageClassName:`) points at its key instead of
 * spanning the whole block; on a list item that is a mapping it points at the item's first entry.
 * Never throws.
 */
export function locate(document: { positions: ObjectPositions }, path: NodePath, target: LocateTarget = 'value'): SourceRange {
  const positions = document.positions;
  const table = positions.table;
  let node = 0;
  let viaKey = false;
  for (const segment of path) {
    const next = childOf(positions, node, segment);
    if (next === undefined) return anchorOf(positions, node, viaKey);
    viaKey = table[node * FIELDS + KIND] === NodeKind.MAP;
    node = next;
  }
  const kind = table[node * FIELDS + KIND];
  if (viaKey && (target === 'key' || kind === NodeKind.MAP || kind === NodeKind.SEQ || kind === NodeKind.OTHER || kind === NodeKind.EMPTY_SCALAR)) {
    return keyRange(positions, node);
  }
  return anchorOf(positions, node, false);
}

/**
 * The text of the plain (unquoted) scalar at `path` exactly as written in `text` (its file), e.g.
 * `yes` for `value: yes` (which YAML 1.1 reads as the boolean true) or `1.10` for `version: 1.10`
 * (read as the number 1.1); `undefined` when the node is quoted, a block scalar, a collection or
 * absent.
 */
export function plainScalarSource(document: { positions: ObjectPositions }, text: string, path: NodePath): string | undefined {
  const positions = document.positions;
  let node = 0;
  for (const segment of path) {
    const next = childOf(positions, node, segment);
    if (next === undefined) return undefined;
    node = next;
  }
  const base = node * FIELDS;
  if (positions.table[base + KIND] !== NodeKind.PLAIN_SCALAR) return undefined;
  return text.slice(positions.table[base + VALUE_START], positions.table[base + VALUE_END]);
}

/** One recorded node: its offsets in the file (`-1` when absent) and its kind. */
export interface NodeSpan {
  /** Index of the node in {@link ObjectPositions.table} (0 is the object itself). */
  node: number;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  kind: NodeKind;
  /** The key as the plain object spells it, for an entry of a mapping. */
  key: string | undefined;
}

/** The node at `path`, or `undefined` when the path does not exist in full. */
export function nodeAt(document: { positions: ObjectPositions }, path: NodePath): NodeSpan | undefined {
  let node = 0;
  for (const segment of path) {
    const next = childOf(document.positions, node, segment);
    if (next === undefined) return undefined;
    node = next;
  }
  return spanOf(document.positions, node);
}

/** The children of a node, in source order: the entries of a mapping or the items of a sequence. */
export function childrenOf(document: { positions: ObjectPositions }, parent: NodeSpan): NodeSpan[] {
  const table = document.positions.table;
  const end = parent.node + 1 + table[parent.node * FIELDS + DESCENDANTS]!;
  const children: NodeSpan[] = [];
  for (let child = parent.node + 1; child < end; child += 1 + table[child * FIELDS + DESCENDANTS]!) children.push(spanOf(document.positions, child));
  return children;
}

/** The last offset covered by a node or any node below it (its value's end, or its key's when it has no value). */
export function subtreeEnd(document: { positions: ObjectPositions }, span: NodeSpan): number {
  const table = document.positions.table;
  let end = Math.max(span.keyEnd, span.valueEnd);
  const last = span.node + table[span.node * FIELDS + DESCENDANTS]!;
  for (let node = span.node + 1; node <= last; node++) end = Math.max(end, table[node * FIELDS + KEY_END]!, table[node * FIELDS + VALUE_END]!);
  return end;
}

function spanOf(positions: ObjectPositions, node: number): NodeSpan {
  const base = node * FIELDS;
  const table = positions.table;
  return {
    node,
    keyStart: table[base + KEY_START]!,
    keyEnd: table[base + KEY_END]!,
    valueStart: table[base + VALUE_START]!,
    valueEnd: table[base + VALUE_END]!,
    kind: table[base + KIND]! as NodeKind,
    key: positions.keys[node],
  };
}

/** The child of `node` at `segment` (the last entry of a repeated key), or `undefined`. */
function childOf(positions: ObjectPositions, node: number, segment: string | number): number | undefined {
  const { table, keys } = positions;
  const kind = table[node * FIELDS + KIND];
  const end = node + 1 + table[node * FIELDS + DESCENDANTS]!;
  if (kind === NodeKind.MAP) {
    const wanted = String(segment);
    let found: number | undefined;
    for (let child = node + 1; child < end; child += 1 + table[child * FIELDS + DESCENDANTS]!) {
      if (keys[child] === wanted) found = child;
    }
    return found;
  }
  if (kind === NodeKind.SEQ && typeof segment === 'number') {
    let position = 0;
    for (let child = node + 1; child < end; child += 1 + table[child * FIELDS + DESCENDANTS]!) {
      if (position++ === segment) return child;
    }
  }
  return undefined;
}

/** The range standing for an existing node: its key when it has one, else the node itself. */
function anchorOf(positions: ObjectPositions, node: number, viaKey: boolean): SourceRange {
  const table = positions.table;
  if (viaKey) return keyRange(positions, node);
  if (table[node * FIELDS + KIND] === NodeKind.MAP && table[node * FIELDS + DESCENDANTS]! > 0) {
    const first = (node + 1) * FIELDS;
    const start = table[first + KEY_START]!;
    const end = table[first + VALUE_START] !== -1 ? table[first + VALUE_END]! : table[first + KEY_END]!;
    if (start !== -1 && end !== -1) return rangeFromOffsets(positions, start, end);
  }
  return valueRange(positions, node);
}

function keyRange(positions: ObjectPositions, node: number): SourceRange {
  const start = positions.table[node * FIELDS + KEY_START]!;
  if (start === -1) return valueRange(positions, 0);
  return rangeFromOffsets(positions, start, positions.table[node * FIELDS + KEY_END]!);
}

/** The node's own range, or the object's when the node has none. */
function valueRange(positions: ObjectPositions, node: number): SourceRange {
  const table = positions.table;
  const at = table[node * FIELDS + VALUE_START] !== -1 ? node : 0;
  const start = table[at * FIELDS + VALUE_START]!;
  return start === -1 ? rangeFromOffsets(positions, 0, 0) : rangeFromOffsets(positions, start, table[at * FIELDS + VALUE_END]!);
}
