import { LineCounter, isMap, isNode, isScalar, isSeq, parseAllDocuments, type Document, type ParsedNode, type YAMLMap } from 'yaml';
import { jsonSyntaxProblem } from './json-syntax-problem.js';
import { JSON_OPTIONS, KUBE_YAML_OPTIONS } from './kube-yaml-options.js';
import { objectPositions } from './locate.js';
import type { ManifestDocument } from './manifest-document.js';
import type { SourceFile } from './source-file.js';
import { rangeFromOffsets, type SourceRange } from './source-range.js';

/** A problem the YAML parser found; becomes a `yaml-syntax` finding. */
export interface ParseProblem {
  /** The `yaml` package's error code, e.g. `DUPLICATE_KEY`, `BAD_INDENT`, or `BINARY_FILE`. */
  code: string;
  message: string;
  range: SourceRange;
}

/** Everything read from one source file. */
export interface ParsedFile {
  file: SourceFile;
  documents: ManifestDocument[];
  problems: ParseProblem[];
}

/** Options of {@link parseDocuments}. */
export interface ParseOptions {
  /**
   * Whether an object of this `apiVersion` and `kind` is kept whole (the default). Objects no rule
   * or index lookup reads beyond their identity (a CustomResourceDefinition's schema, RBAC rules)
   * are kept as `apiVersion`, `kind` and `metadata` only, with positions for those fields: a run
   * then holds a fraction of their size and skips converting the rest.
   */
  keepWhole?: (apiVersion: string, kind: string) => boolean;
}

/** The top-level fields kept of an object that is not kept whole. */
const IDENTITY_FIELDS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Splits a file into Kubernetes objects with source positions.
 *
 * `.json` files are parsed as JSON (what `JSON.parse` rejects is a syntax error, even where YAML's
 * flow syntax would accept it, such as a trailing comma), everything else as YAML with Kubernetes' YAML 1.1 scalar rules
 * (`kube-yaml-options.ts`). A document with syntax errors is reported and not linted; a document
 * whose only problem is a duplicate key is reported and still linted, the last key winning (as the
 * API server's decoder does). Documents that are not Kubernetes objects are skipped quietly.
 * Never throws.
 */
export function parseDocuments(file: SourceFile, options: ParseOptions = {}): ParsedFile {
  const problems: ParseProblem[] = [];
  const documents: ManifestDocument[] = [];
  const lineCounter = new LineCounter();
  const nul = file.text.indexOf('\u0000');
  if (nul !== -1) {
    const range = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    problems.push({ code: 'BINARY_FILE', message: `File is not text (NUL byte at offset ${nul}); not linted`, range });
    return { file, documents, problems };
  }
  const json = /\.json$/i.test(file.path);
  const parsed = parseAllDocuments(file.text, { ...(json ? JSON_OPTIONS : KUBE_YAML_OPTIONS), lineCounter });
  const jsonProblem = json ? jsonSyntaxProblem(file.text, lineCounter) : undefined;
  if (jsonProblem) return { file, documents, problems: [jsonProblem] };
  if ('empty' in parsed) {
    // A file with nothing but comments or whitespace (or a stray directive).
    for (const error of parsed.errors) problems.push(toProblem(error, file.text, lineCounter));
    return { file, documents, problems };
  }
  parsed.forEach((doc, documentIndex) => {
    for (const error of doc.errors) problems.push(toProblem(error, file.text, lineCounter));
    const fatal = doc.errors.some((error) => error.code !== 'DUPLICATE_KEY');
    if (fatal || doc.contents === null) return;
    const hasDuplicateKeys = doc.errors.length > 0;
    const base = { file, documentIndex, lineStarts: lineCounter.lineStarts, hasDuplicateKeys };
    const identity = identityOf(doc.contents);
    const whole = identity === undefined || /List$/.test(identity.kind) || (options.keepWhole?.(identity.apiVersion, identity.kind) ?? true);
    let value: unknown;
    try {
      value = whole ? doc.toJS({ maxAliasCount: 1000 }) : identityObject(doc, doc.contents as YAMLMap);
    } catch (error) {
      const range = rangeFromOffsets(lineCounter, doc.range[0], doc.range[0]);
      problems.push({ code: 'TO_JS', message: `Document cannot be read: ${(error as Error).message}`, range });
      return;
    }
    const root = toManifest(base, doc.contents, value, whole ? undefined : IDENTITY_FIELDS);
    if (!root) return;
    const items = root.object.items;
    if (/List$/.test(root.kind) && Array.isArray(items) && isMap(doc.contents)) {
      const itemsNode = doc.contents.get('items', true);
      if (!isSeq(itemsNode)) return;
      items.forEach((item, listIndex) => {
        const node = itemsNode.items[listIndex] as ParsedNode | undefined;
        const manifest = node && toManifest({ ...base, listIndex }, node, item);
        if (manifest) documents.push(manifest);
      });
      return;
    }
    documents.push(root);
  });
  return { file, documents, problems };
}

type ManifestBase = Pick<ManifestDocument, 'file' | 'documentIndex' | 'hasDuplicateKeys'> & {
  listIndex?: number;
  lineStarts: readonly number[];
};

/** The string `apiVersion` and `kind` of a document's root mapping (the last of a repeated key), if both are there. */
function identityOf(contents: unknown): { apiVersion: string; kind: string } | undefined {
  if (!isMap(contents)) return undefined;
  let apiVersion: unknown;
  let kind: unknown;
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (key === '<<') return undefined; // a merge key may bring identity fields: read the whole object
    if (key === 'apiVersion') apiVersion = isScalar(pair.value) ? pair.value.value : undefined;
    else if (key === 'kind') kind = isScalar(pair.value) ? pair.value.value : undefined;
  }
  return typeof apiVersion === 'string' && typeof kind === 'string' ? { apiVersion, kind } : undefined;
}

/** The plain value of only the identity fields of a root mapping, the last of a repeated key winning, as `toJS` does. */
function identityObject(doc: Document.Parsed, root: YAMLMap): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !IDENTITY_FIELDS.has(key)) continue;
    object[key] = isNode(pair.value) ? pair.value.toJS(doc, { maxAliasCount: 1000 }) : null;
  }
  return object;
}

function toManifest(base: ManifestBase, node: ParsedNode, value: unknown, keptFields?: ReadonlySet<string>): ManifestDocument | undefined {
  if (!isMap(node) || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const object = value as Record<string, unknown>;
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || kind === '') return undefined;
  const metadata = object.metadata;
  const meta = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : {};
  const { lineStarts, ...rest } = base;
  return {
    ...rest,
    positions: objectPositions(node, lineStarts, keptFields),
    object,
    apiVersion,
    kind,
    name: typeof meta.name === 'string' ? meta.name : '',
    declaredNamespace: typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined,
  };
}

function toProblem(error: { code: string; message: string; pos: [number, number] }, text: string, lineCounter: LineCounter): ParseProblem {
  const [start, end] = error.pos;
  if (error.code === 'DUPLICATE_KEY') {
    // The parser points at the key's first character; report the whole key, by name.
    const key = /^(?:"[^"\n]*"|'[^'\n]*'|[^:\n#]*?)(?=\s*:(?:\s|$))/.exec(text.slice(start))?.[0] ?? '';
    const name = key.replace(/^["']|["']$/g, '');
    return { code: error.code, message: name, range: rangeFromOffsets(lineCounter, start, start + Math.max(key.length, 1)) };
  }
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { code: error.code, message, range: rangeFromOffsets(lineCounter, start, end) };
}
