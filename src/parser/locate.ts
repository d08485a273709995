import { isCollection, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { ManifestDocument } from './manifest-document.js';
import { rangeFromOffsets, type SourceRange } from './source-range.js';

/** A field path from the object's root, e.g. `['spec', 'volumeClaimTemplates', 0, 'spec']`. */
export type NodePath = readonly (string | number)[];

/**
 * Where a finding points: at the field's **key** (a field that is missing or should not be
 * there) or at its **value** (a field whose value is wrong).
 */
export type LocateTarget = 'key' | 'value';

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
export function locate(document: ManifestDocument, path: NodePath, target: LocateTarget = 'value'): SourceRange {
  let node: unknown = document.node;
  let pair: Pair | undefined;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (!next) return anchorOf(document, node, pair);
    node = next.node;
    pair = next.pair;
  }
  if (pair && (target === 'key' || isCollection(node) || !isNode(node) || isEmptyScalar(node))) return rangeOf(document, pair.key);
  return anchorOf(document, node, undefined);
}

interface Child {
  node: unknown;
  pair: Pair | undefined;
}

function childOf(node: unknown, segment: string | number): Child | undefined {
  if (isMap(node)) {
    let found: Pair | undefined;
    for (const item of node.items) {
      if (keyString(item.key) === String(segment)) found = item;
    }
    return found ? { node: found.value, pair: found } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { node: item, pair: undefined };
  }
  return undefined;
}

/** The string a key becomes in the plain object (`Document.toJS()` stringifies scalar keys). */
function keyString(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/** The range standing for an existing node: its key when it has one, else the node itself. */
function anchorOf(document: ManifestDocument, node: unknown, pair: Pair | undefined): SourceRange {
  if (pair) return rangeOf(document, pair.key);
  if (isMap(node)) {
    const first = node.items[0];
    const start = (first?.key as Node | null | undefined)?.range?.[0];
    const end = (first?.value as Node | null | undefined)?.range?.[1] ?? (first?.key as Node | null | undefined)?.range?.[1];
    if (start !== undefined && end !== undefined) return rangeFromOffsets(document.lineCounter, start, end);
  }
  return rangeOf(document, node);
}

/** A value written as nothing (`storageClassName:`): pointing at it would give an empty range. */
function isEmptyScalar(value: unknown): boolean {
  return isScalar(value) && value.range !== undefined && value.range !== null && value.range[0] === value.range[1];
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isCollection(value);
}

function rangeOf(document: ManifestDocument, node: unknown): SourceRange {
  const range = (node as Node | null | undefined)?.range ?? (document.node as Node).range ?? [0, 0, 0];
  return rangeFromOffsets(document.lineCounter, range[0], range[1]);
}
