import { Composer, Parser, isMap, isNode, isScalar, isSeq, type CST, type Document, type DocumentOptions, type ParsedNode, type SchemaOptions, type ParseOptions as YamlParseOptions, type YAMLError, type YAMLMap } from 'yaml';
import { DEFAULT_INPUT_LIMITS, LIMIT_OPTIONS, nestsDeeperThan, type InputLimits } from './input-limits.js';
import { jsonSyntaxProblem } from './json-syntax-problem.js';
import { JSON_OPTIONS, KUBE_YAML_OPTIONS } from './kube-yaml-options.js';
import { objectPositions } from './locate.js';
import type { ManifestDocument } from './manifest-document.js';
import type { SourceFile } from './source-file.js';
import { lineStartsOf, rangeFromOffsets, type SourceRange } from './source-range.js';

/** A problem the YAML parser found; becomes a `yaml-syntax` finding. */
export interface ParseProblem {
  /** The `yaml` package's error code, e.g. `DUPLICATE_KEY`, `BAD_INDENT`, or `BINARY_FILE`. */
  code: string;
  /** Set when an input limit was hit (the problem is then an `input-limit` finding, not a syntax error). */
  limit?: keyof InputLimits;
  message: string;
  range: SourceRange;
}

/** Everything read from one source file. */
export interface ParsedFile {
  file: SourceFile;
  documents: ManifestDocument[];
  problems: ParseProblem[];
}

/** Line starts of a text (`lineStartsOf`). */
type Lines = { readonly lineStarts: readonly number[] };

/** Options of {@link parseDocuments}. */
export interface ParseOptions {
  /**
   * Whether an object of this `apiVersion` and `kind` is kept whole (the default). Objects no rule
   * or index lookup reads beyond their identity (a CustomResourceDefinition's schema, RBAC rules)
   * are kept as `apiVersion`, `kind` and `metadata` only, with positions for those fields: a run
   * then holds a fraction of their size and skips converting the rest.
   */
  keepWhole?: (apiVersion: string, kind: string) => boolean;
  /** The limits on what one input may cost; {@link DEFAULT_INPUT_LIMITS} when absent. */
  limits?: InputLimits;
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
  // Lines are where `\n` starts a new one (what SARIF, GitHub and the formatters count); the `yaml`
  // LineCounter also breaks at some lone `\r`, which would put positions past a line's end.
  const lineCounter = { lineStarts: lineStartsOf(file.text) };
  const nul = file.text.indexOf('\u0000');
  if (nul !== -1) {
    const range = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    problems.push({ code: 'BINARY_FILE', message: `File is not text (NUL byte at offset ${nul}); not linted`, range });
    return { file, documents, problems };
  }
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  const bytes = Buffer.byteLength(file.text, 'utf8');
  if (bytes > limits.maxFileBytes) {
    const range = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const message = `File is ${bytes} bytes, over the limit of ${limits.maxFileBytes}; not linted (raise it with ${LIMIT_OPTIONS.maxFileBytes})`;
    problems.push({ code: 'FILE_TOO_LARGE', limit: 'maxFileBytes', message, range });
    return { file, documents, problems };
  }
  const json = /\.json$/i.test(file.path);
  const { documents: parsed, tooDeep } = composeDocuments(file.text, json ? JSON_OPTIONS : KUBE_YAML_OPTIONS, limits.maxDepth);
  for (const offset of tooDeep) {
    const message = `Document nests mappings and lists more than ${limits.maxDepth} levels deep; not linted (raise it with ${LIMIT_OPTIONS.maxDepth})`;
    problems.push({ code: 'TOO_DEEP', limit: 'maxDepth', message, range: rangeFromOffsets(lineCounter, offset, offset) });
  }
  const jsonProblem = json ? jsonSyntaxProblem(file.text, lineCounter) : undefined;
  if (jsonProblem) return { file, documents, problems: [jsonProblem] };
  if ('empty' in parsed) {
    // A file with nothing but comments or whitespace (or a stray directive).
    for (const error of parsed.errors) problems.push(toProblem(error, file.text, lineCounter, limits));
    return { file, documents, problems };
  }
  parsed.forEach(({ doc, documentIndex }) => {
    for (const error of doc.errors) problems.push(toProblem(error, file.text, lineCounter, limits));
    const fatal = doc.errors.some((error) => error.code !== 'DUPLICATE_KEY');
    if (fatal || doc.contents === null) return;
    const hasDuplicateKeys = doc.errors.length > 0;
    const base = { file, documentIndex, lineStarts: lineCounter.lineStarts, hasDuplicateKeys };
    const identity = identityOf(doc.contents);
    const whole = identity === undefined || /List$/.test(identity.kind) || (options.keepWhole?.(identity.apiVersion, identity.kind) ?? true);
    let value: unknown;
    try {
      value = whole ? doc.toJS({ maxAliasCount: limits.maxAliases }) : identityObject(doc, doc.contents as YAMLMap, limits.maxAliases);
    } catch (error) {
      const range = rangeFromOffsets(lineCounter, doc.range[0], doc.range[0]);
      problems.push(readProblem(error, range, limits));
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
function identityObject(doc: Document.Parsed, root: YAMLMap, maxAliases: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !IDENTITY_FIELDS.has(key)) continue;
    object[key] = isNode(pair.value) ? pair.value.toJS(doc, { maxAliasCount: maxAliases }) : null;
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

function toProblem(error: { code: string; message: string; pos: [number, number] }, text: string, lineCounter: Lines, limits: InputLimits): ParseProblem {
  // The parser may point one past the end of the text (an unclosed collection): keep ranges inside it.
  const start = Math.min(error.pos[0], text.length);
  const end = Math.min(Math.max(error.pos[1], start), text.length);
  if (/call stack/i.test(error.message)) {
    const message = `Document nests too deeply to be read; not linted (at most ${limits.maxDepth} levels are read: ${LIMIT_OPTIONS.maxDepth})`;
    return { code: 'TOO_DEEP', limit: 'maxDepth', message, range: rangeFromOffsets(lineCounter, start, start) };
  }
  if (error.code === 'DUPLICATE_KEY') {
    // The parser points at the key's first character; report the whole key, by name.
    const key = /^(?:"[^"\n]*"|'[^'\n]*'|[^:\n#]*?)(?=\s*:(?:\s|$))/.exec(text.slice(start))?.[0] ?? '';
    const name = key.replace(/^["']|["']$/g, '');
    return { code: error.code, message: name, range: rangeFromOffsets(lineCounter, start, Math.min(start + Math.max(key.length, 1), text.length)) };
  }
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { code: error.code, message, range: rangeFromOffsets(lineCounter, start, end) };
}

/**
 * The documents of a text as `parseAllDocuments` composes them, each with its position among the
 * file's documents, leaving out (by start offset in `tooDeep`) the documents nested deeper than
 * `maxDepth`, which are never composed (composing recurses once per level).
 */
function composeDocuments(
  text: string,
  options: YamlParseOptions & DocumentOptions & SchemaOptions,
  maxDepth: number,
): { documents: { doc: Document.Parsed; documentIndex: number }[] | (Document.Parsed[] & { empty: true; errors: YAMLError[] }); tooDeep: number[] } {
  const parser = new Parser();
  const composer = new Composer(options);
  const tooDeep: number[] = [];
  const kept: number[] = [];
  let index = 0;
  function* tokens(): Generator<CST.Token> {
    for (const token of parser.parse(text)) {
      if (token.type === 'document') {
        if (nestsDeeperThan(token, maxDepth)) {
          tooDeep.push(token.offset);
          index++;
          continue;
        }
        kept.push(index++);
      }
      yield token;
    }
  }
  const docs = Array.from(composer.compose(tokens()));
  if (docs.length === 0 && tooDeep.length === 0) return { documents: Object.assign([], { empty: true as const }, composer.streamInfo()), tooDeep };
  return { documents: docs.map((doc, i) => ({ doc, documentIndex: kept[i] ?? i })), tooDeep };
}

/** What converting a document to values failed on: an alias limit, a stack overflow, or else. */
function readProblem(error: unknown, range: ParseProblem['range'], limits: InputLimits): ParseProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (/alias count/i.test(message)) {
    return { code: 'TOO_MANY_ALIASES', limit: 'maxAliases', message: `Document expands more than ${limits.maxAliases} aliases; not linted (raise it with ${LIMIT_OPTIONS.maxAliases})`, range };
  }
  if (error instanceof RangeError && /call stack/i.test(message)) {
    return { code: 'TOO_DEEP', limit: 'maxDepth', message: `Document nests too deeply to be read; not linted (at most ${limits.maxDepth} levels are read: ${LIMIT_OPTIONS.maxDepth})`, range };
  }
  return { code: 'TO_JS', message: `Document cannot be read: ${message.split('\n')[0]}`, range };
}
