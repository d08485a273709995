import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCollection, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node, type Pair } from 'yaml';
import { locate, objectPositions, type LocateTarget, type NodePath } from '../../src/parser/locate.js';
import { KUBE_YAML_OPTIONS } from '../../src/parser/kube-yaml-options.js';
import { rangeFromOffsets, type SourceRange } from '../../src/parser/source-range.js';
import { CORPUS, corpusFolders } from '../support/corpus.js';
import { readdirSync } from 'node:fs';

// `locate` answers from a table of integers recorded at parse time (`objectPositions`) instead of
// the `yaml` syntax tree. The reference below is the tree walk it replaced: on every node of every
// corpus document, with both targets, and on paths that go one step past each node, both agree.

function referenceLocate(root: Node, lineCounter: LineCounter, nodePath: NodePath, target: LocateTarget): SourceRange {
  let node: unknown = root;
  let pair: Pair | undefined;
  for (const segment of nodePath) {
    const next = childOf(node, segment);
    if (!next) return anchorOf(node, pair);
    node = next.node;
    pair = next.pair;
  }
  if (pair && (target === 'key' || isCollection(node) || !isNode(node) || isEmptyScalar(node))) return rangeOf(pair.key);
  return anchorOf(node, undefined);

  function childOf(parent: unknown, segment: string | number): { node: unknown; pair: Pair | undefined } | undefined {
    if (isMap(parent)) {
      let found: Pair | undefined;
      for (const item of parent.items) if (keyString(item.key) === String(segment)) found = item;
      return found ? { node: found.value, pair: found } : undefined;
    }
    if (isSeq(parent) && typeof segment === 'number') {
      const item = parent.items[segment];
      return item === undefined ? undefined : { node: item, pair: undefined };
    }
    return undefined;
  }
  function keyString(key: unknown): string | undefined {
    if (isScalar(key)) return String(key.value);
    return typeof key === 'string' ? key : undefined;
  }
  function anchorOf(at: unknown, viaPair: Pair | undefined): SourceRange {
    if (viaPair) return rangeOf(viaPair.key);
    if (isMap(at)) {
      const first = at.items[0];
      const start = (first?.key as Node | null | undefined)?.range?.[0];
      const end = (first?.value as Node | null | undefined)?.range?.[1] ?? (first?.key as Node | null | undefined)?.range?.[1];
      if (start !== undefined && end !== undefined) return rangeFromOffsets(lineCounter, start, end);
    }
    return rangeOf(at);
  }
  function isEmptyScalar(value: unknown): boolean {
    return isScalar(value) && value.range !== undefined && value.range !== null && value.range[0] === value.range[1];
  }
  function isNode(value: unknown): value is Node {
    return isScalar(value) || isCollection(value);
  }
  function rangeOf(at: unknown): SourceRange {
    const range = (at as Node | null | undefined)?.range ?? root.range ?? [0, 0, 0];
    return rangeFromOffsets(lineCounter, range[0], range[1]);
  }
}

/** Every path below a plain value, plus one missing child of each mapping and list. */
function* pathsOf(value: unknown, prefix: (string | number)[] = []): Generator<(string | number)[]> {
  yield prefix;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* pathsOf(value[i], [...prefix, i]);
    yield [...prefix, value.length];
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) yield* pathsOf(child, [...prefix, key]);
    yield [...prefix, 'no-such-field'];
  }
}

const files = corpusFolders().flatMap((folder) =>
  readdirSync(path.join(CORPUS, folder))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(folder, name)),
);

describe('objectPositions + locate agree with the syntax-tree walk', () => {
  it.each(files)('%s', (file) => {
    const text = readFileSync(path.join(CORPUS, file), 'utf8');
    const lineCounter = new LineCounter();
    const documents = parseAllDocuments(text, { ...KUBE_YAML_OPTIONS, lineCounter });
    if (!Array.isArray(documents)) return;
    let compared = 0;
    for (const document of documents) {
      if (document.errors.some((error) => error.code !== 'DUPLICATE_KEY') || !isCollection(document.contents)) continue;
      const positions = { positions: objectPositions(document.contents, lineCounter.lineStarts) };
      for (const nodePath of pathsOf(document.toJS({ maxAliasCount: 1000 }))) {
        for (const target of ['key', 'value'] as const) {
          expect(locate(positions, nodePath, target), `${nodePath.join('.')} (${target})`).toEqual(referenceLocate(document.contents, lineCounter, nodePath, target));
          compared++;
        }
      }
    }
    expect(compared > 0 || documents.length === 0 || documents.every((document) => !isCollection(document.contents))).toBe(true);
  });

  it('handles aliases, flow pairs, empty values and duplicate keys', () => {
    const text = 'a: &x {b: 1}\nc: *x\nd:\ne: [f: 1, 2]\ng: 1\ng: 2\n? h\n';
    const lineCounter = new LineCounter();
    const [document] = parseAllDocuments(text, { ...KUBE_YAML_OPTIONS, uniqueKeys: false, lineCounter }) as ReturnType<typeof parseAllDocuments> & unknown[];
    const root = (document as { contents: Node }).contents;
    const positions = { positions: objectPositions(root, lineCounter.lineStarts) };
    for (const nodePath of [['a'], ['a', 'b'], ['c'], ['c', 'b'], ['d'], ['e', 0], ['e', 0, 'f'], ['e', 1], ['g'], ['h'], ['zz', 'y']]) {
      for (const target of ['key', 'value'] as const) {
        expect(locate(positions, nodePath, target), `${nodePath.join('.')} (${target})`).toEqual(referenceLocate(root, lineCounter, nodePath, target));
      }
    }
  });
});
