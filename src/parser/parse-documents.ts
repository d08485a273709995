import {
  Composer,
  Parser,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  visit,
  type CST,
  type Document,
  type DocumentOptions,
  type ParsedNode,
  type SchemaOptions,
  type ParseOptions as YamlParseOptions,
  type YAMLError,
  type YAMLMap,
} from 'yaml';
import { DEFAULT_INPUT_LIMITS, LIMIT_OPTIONS, nestsDeeperThan, type InputLimits } from './input-limits.js';
import { jsonSyntaxProblem } from './json-syntax-problem.js';
import { JSON_OPTIONS, KUBE_YAML_OPTIONS } from './kube-yaml-options.js';
import { repairForKubectl, type LenientCase } from './kubectl-lenient-yaml.js';
import { objectPositions } from './locate.js';
import type { ManifestDocument } from './manifest-document.js';
import type { SourceFile } from './source-file.js';
import { lineStartsOf, rangeFromOffsets, type SourceRange } from './source-range.js';

/**
 * A problem found while reading a file. The engine reports most as `yaml-syntax` findings: the
 * `yaml` package's error codes (`BAD_INDENT`, `MISSING_CHAR`…, the document not linted),
 * `BINARY_FILE`, `JSON_SYNTAX`, `TO_JS`, `COLLECTION_KEY` (a mapping or sequence used as a key, which
 * kubectl rejects), `DUPLICATE_KEY` (the document still linted, the last key winning) and `KUBECTL_LENIENT` (YAML 1.2 rejects it, kubectl's decoder accepts it: the document
 * linted as kubectl reads it, see `kubectl-lenient-yaml.ts`). The identity codes are reported as
 * `schema-violation` findings, since the API server rejects such a document: `MISSING_KIND`,
 * `MISSING_API_VERSION` (the object still linted when its kind is known, see
 * {@link ParseOptions.defaultApiVersion}) and `NOT_AN_OBJECT` (a List item that is a sequence or scalar).
 * Problems with `limit` set (`FILE_TOO_LARGE`, `TOO_DEEP`, `TOO_MANY_ALIASES`) are `input-limit` findings.
 */
export interface ParseProblem {
  code: string;
  /** Set when an input limit was hit (the problem is then an `input-limit` finding, not a syntax error). */
  limit?: keyof InputLimits;
  /** The parser's message; for `DUPLICATE_KEY` the key's name, for `KUBECTL_LENIENT` what kubectl tolerated. */
  message: string;
  range: SourceRange;
  /** Details of identity problems: `kind`, `apiVersion` (the version read instead), `shape`. */
  data?: Readonly<Record<string, string>>;
}

/** Problem codes of documents that are not Kubernetes objects as the API server requires them. */
export const IDENTITY_PROBLEM_CODES: ReadonlySet<string> = new Set(['MISSING_KIND', 'MISSING_API_VERSION', 'NOT_AN_OBJECT']);

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
  /**
   * The API version an object of this kind is read as when it has no `apiVersion` (its current
   * version, e.g. `apps/v1` for a StatefulSet), or `undefined` for a kind the caller does not know.
   * Such an object is reported (`MISSING_API_VERSION`) and, when a version is given, kept with it, so
   * that every rule still checks it (core-rules, "Terms and input handling"); without one it is not kept.
   */
  defaultApiVersion?: (kind: string) => string | undefined;
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
 * (`kube-yaml-options.ts`). A document with syntax errors is reported and not linted, unless
 * kubectl's decoder reads it (`kubectl-lenient-yaml.ts`): then it is reported as
 * `KUBECTL_LENIENT` and linted as kubectl reads it, positions still those of the file. A document
 * whose only problem is a duplicate key is reported at the repeated key and still linted, the last
 * key winning (as the API server's decoder does). A Kubernetes object (a document with
 * `apiVersion`, `kind` or `metadata` at its top level, or a List item) without a string
 * `apiVersion` and `kind` is reported (see {@link ParseProblem}). Empty documents and YAML that is
 * not a Kubernetes object at all (Helm values, CI workflows) are left out without a problem. Never throws.
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
  const recovered = json ? new Map<number, Recovery>() : recoverForKubectl(file.text, parsed, lineCounter, limits);
  parsed.forEach(({ doc: original, documentIndex }) => {
    const recovery = recovered.get(documentIndex);
    const doc = recovery?.document ?? original;
    const mapOffset = recovery?.toOriginal;
    if (recovery) problems.push(...recovery.problems);
    else problems.push(...documentProblems(doc, file.text, lineCounter, limits));
    const syntaxError = doc.errors.some((error) => error.code !== 'DUPLICATE_KEY');
    // JSON keys are always strings.
    const keyProblems = syntaxError || json ? [] : collectionKeyProblems(doc, file.text, lineCounter, mapOffset);
    problems.push(...keyProblems);
    const fatal = syntaxError || keyProblems.length > 0;
    // An empty document (nothing, or only comments, between markers) or an explicit `null` holds
    // no object; kubectl skips such documents too.
    if (fatal || doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return;
    const hasDuplicateKeys = doc.errors.length > 0;
    const base = { file, documentIndex, lineStarts: lineCounter.lineStarts, hasDuplicateKeys, mapOffset };
    const identity = identityOf(doc.contents);
    const whole = identity === undefined || /List$/.test(identity.kind) || (options.keepWhole?.(identity.apiVersion, identity.kind) ?? true);
    let value: unknown;
    try {
      value = whole ? doc.toJS({ maxAliasCount: limits.maxAliases }) : identityObject(doc, doc.contents as YAMLMap, limits.maxAliases);
    } catch (error) {
      const start = mapOffset ? mapOffset(doc.range[0]) : doc.range[0];
      problems.push(readProblem(error, rangeFromOffsets(lineCounter, start, start), limits));
      return;
    }
    const root = toManifest(base, doc.contents, value, options, whole ? undefined : IDENTITY_FIELDS);
    if (root.problem) problems.push(root.problem);
    if (!root.manifest) return;
    const items = root.manifest.object.items;
    if (/List$/.test(root.manifest.kind) && Array.isArray(items) && isMap(doc.contents)) {
      const written = doc.contents.get('items', true);
      const itemsNode = isAlias(written) ? written.resolve(doc) : written;
      const listNode = doc.contents;
      items.forEach((item, listIndex) => {
        // Items brought in by a merge key (`<<: *base`) have no node of their own: located at the List.
        const node = (isSeq(itemsNode) ? (itemsNode.items[listIndex] as ParsedNode | undefined) : undefined) ?? listNode;
        const entry = toManifest({ ...base, listIndex }, node, item, options);
        if (entry.problem) problems.push(entry.problem);
        if (entry.manifest) documents.push(entry.manifest);
      });
      return;
    }
    documents.push(root.manifest);
  });
  return { file, documents, problems };
}

type ManifestBase = Pick<ManifestDocument, 'file' | 'documentIndex' | 'hasDuplicateKeys'> & {
  listIndex?: number;
  lineStarts: readonly number[];
  /** Maps offsets of a recovered document's text back to the file's (`repairForKubectl`). */
  mapOffset?: (offset: number) => number;
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

/** An object read from a document or List item, and what is wrong with its identity. */
interface ManifestResult {
  manifest?: ManifestDocument;
  problem?: ParseProblem;
}

/** Top-level fields of which a document needs one to be taken for a Kubernetes object. */
const OBJECT_FIELDS = ['apiVersion', 'kind', 'metadata'];

/**
 * The object of a document or List item. A mapping without a string `kind` is reported and not
 * kept; without a string `apiVersion`, it is reported and kept only when the caller knows its kind
 * (`defaultApiVersion`). Each problem is placed on the first line of the node, where the object
 * starts. A List item that is a sequence or scalar is reported too. A document is taken for a
 * Kubernetes object only when its top level has `apiVersion`, `kind` or `metadata`: other YAML
 * (Helm values, CI workflows, compose files, `package.json`, a JSON patch's list of operations) is
 * no object at all, and is left out without a problem.
 */
function toManifest(base: ManifestBase, node: ParsedNode, value: unknown, options: ParseOptions, keptFields?: ReadonlySet<string>): ManifestResult {
  const firstLine = () => firstLineRange(base, node);
  const item = base.listIndex !== undefined;
  if (!isMap(node) || typeof value !== 'object' || value === null || Array.isArray(value)) {
    if (!item) return {};
    const shape = isSeq(node) ? 'sequence' : 'scalar';
    return { problem: { code: 'NOT_AN_OBJECT', message: `a ${shape}, not a mapping`, range: firstLine(), data: { shape } } };
  }
  const object = value as Record<string, unknown>;
  if (!item && !OBJECT_FIELDS.some((field) => Object.hasOwn(object, field))) return {};
  const kind = typeof object.kind === 'string' && object.kind !== '' ? object.kind : undefined;
  const declared = typeof object.apiVersion === 'string' && object.apiVersion !== '' ? object.apiVersion : undefined;
  if (kind === undefined) {
    const message = declared === undefined ? 'no kind and no apiVersion' : 'no kind';
    return { problem: { code: 'MISSING_KIND', message, range: firstLine(), data: { apiVersion: declared ?? '' } } };
  }
  let problem: ParseProblem | undefined;
  let apiVersion = declared;
  if (apiVersion === undefined) {
    apiVersion = options.defaultApiVersion?.(kind);
    problem = { code: 'MISSING_API_VERSION', message: `${kind} without apiVersion`, range: firstLine(), data: { kind, apiVersion: apiVersion ?? '' } };
    if (apiVersion === undefined) return { problem };
  }
  const metadata = object.metadata;
  const meta = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : {};
  const { lineStarts, mapOffset, ...rest } = base;
  const manifest: ManifestDocument = {
    ...rest,
    positions: objectPositions(node, lineStarts, keptFields, mapOffset),
    object,
    apiVersion,
    kind,
    name: typeof meta.name === 'string' ? meta.name : '',
    declaredNamespace: typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined,
  };
  return { manifest, problem };
}

/** The first line of a node: from its first character to the end of that line. */
function firstLineRange(base: ManifestBase, node: ParsedNode): SourceRange {
  const map = base.mapOffset ?? ((offset: number) => offset);
  const start = map(node.range[0]);
  const text = base.file.text;
  const newline = text.indexOf('\n', start);
  let end = newline === -1 ? text.length : newline;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return rangeFromOffsets({ lineStarts: base.lineStarts }, start, Math.min(end, map(node.range[1])));
}

/** A recovered document: parsed from the repaired text, with its problems in the file's offsets. */
interface Recovery {
  document: Document.Parsed;
  toOriginal: (offset: number) => number;
  problems: ParseProblem[];
}

/** What `KUBECTL_LENIENT` problems say each case of {@link LenientCase} is. */
const LENIENT_MESSAGES: Readonly<Record<LenientCase, string>> = {
  'quoted-scalar-indent': 'quoted value continues on a line indented less than its key',
  'quoted-scalar-tab': 'quoted value continues on a line indented with a tab',
  'flow-indent': 'flow sequence or mapping continues on a line indented less than its key',
  'flow-tab': 'flow sequence or mapping continues on a line indented with a tab',
  'comment-spacing': 'no space between a closing quote or bracket and a comment',
};

/**
 * The documents of a file that `yaml` rejects and kubectl reads, parsed again from the text
 * `repairForKubectl` gives, by document index. A document counts as recovered when its repaired
 * text parses with no error but duplicate keys; its problems are then one `KUBECTL_LENIENT` per
 * repair and its duplicate keys. Nothing is recovered when the repaired text splits into other
 * documents than the file (a repair never moves a document marker, so this is a safeguard).
 */
function recoverForKubectl(text: string, parsed: ComposedDocument[], lineCounter: Lines, limits: InputLimits): Map<number, Recovery> {
  const recovered = new Map<number, Recovery>();
  if (!parsed.some(({ doc }) => doc.errors.some((error) => error.code !== 'DUPLICATE_KEY'))) return recovered;
  const repaired = repairForKubectl(text);
  if (!repaired) return recovered;
  const reparsed = asDocuments(composeDocuments(repaired.text, KUBE_YAML_OPTIONS, limits.maxDepth).documents);
  if (reparsed.length !== parsed.length) return recovered;
  reparsed.forEach(({ doc, documentIndex }, position) => {
    const broken = parsed[position]!.doc.errors.some((error) => error.code !== 'DUPLICATE_KEY');
    if (!broken || doc.errors.some((error) => error.code !== 'DUPLICATE_KEY')) return;
    const start = repaired.toOriginal(doc.range[0]);
    const end = repaired.toOriginal(doc.range[2]);
    const problems: ParseProblem[] = repaired.repairs
      .filter((repair) => repair.start >= start && repair.start < end)
      .map((repair) => ({ code: 'KUBECTL_LENIENT', message: LENIENT_MESSAGES[repair.case], range: rangeFromOffsets(lineCounter, repair.start, repair.end) }));
    problems.push(...duplicateKeyProblems(doc, text, lineCounter, repaired.toOriginal));
    recovered.set(documentIndex, { document: doc, toOriginal: repaired.toOriginal, problems });
  });
  return recovered;
}

function asDocuments(parsed: ComposedDocuments): ComposedDocument[] {
  return 'empty' in parsed ? [] : parsed;
}

/** The problems of a document as `yaml` parsed it: its errors, duplicate keys named at their repeated key. */
function documentProblems(doc: Document.Parsed, text: string, lineCounter: Lines, limits: InputLimits): ParseProblem[] {
  const problems = doc.errors.filter((error) => error.code !== 'DUPLICATE_KEY').map((error) => toProblem(error, text, lineCounter, limits));
  if (problems.length < doc.errors.length) problems.push(...duplicateKeyProblems(doc, text, lineCounter));
  return problems.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

/**
 * One `DUPLICATE_KEY` problem per key that repeats an earlier key of the same mapping, named and
 * placed at the repeated (second, third…) occurrence, as the API server keeps the last one (core-rules,
 * "duplicate keys"). Read from the syntax tree, not from the parser's error position, which for a
 * key after an empty value (`ports:` then `ports:`) points at that value. Keys compare as the plain
 * object spells them; merge keys (`<<`) are not keys of their own.
 */
function duplicateKeyProblems(doc: Document.Parsed, text: string, lineCounter: Lines, mapOffset: (offset: number) => number = (offset) => offset): ParseProblem[] {
  const problems: ParseProblem[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key : undefined;
        if (!key || key.value === '<<' || !key.range) continue;
        const name = String(key.value);
        if (seen.has(name)) {
          const start = mapOffset(key.range[0]);
          const end = mapOffset(key.range[1]);
          const written = text.slice(start, end);
          problems.push({ code: 'DUPLICATE_KEY', message: name, range: rangeFromOffsets(lineCounter, start, start + Math.max(written.trimEnd().length, 1)) });
        }
        seen.add(name);
      }
    },
  });
  return problems;
}

/**
 * One `COLLECTION_KEY` problem per mapping key that is a mapping or a sequence (`? [a, b]`,
 * `{a: 1}: x`, or an alias of one). YAML allows such keys; a Kubernetes object does not: kubectl's
 * decoder (sigs.k8s.io/yaml, YAML to JSON) rejects the document ("Unsupported map key"), so it is
 * reported and not linted. `message` is the key's shape, `mapping` or `sequence`.
 *
 * @see https://github.com/kubernetes-sigs/yaml/blob/master/yaml.go (convertToJSONableObject)
 */
function collectionKeyProblems(doc: Document.Parsed, text: string, lineCounter: Lines, mapOffset: (offset: number) => number = (offset) => offset): ParseProblem[] {
  const problems: ParseProblem[] = [];
  // A direct walk over the collections (yaml's `visit` freezes a path array per node: several times slower).
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) {
      for (const item of node.items) if (isMap(item) || isSeq(item) || isPair(item)) stack.push(item);
      continue;
    }
    const pairs = isMap(node) ? node.items : isPair(node) ? [node] : [];
    for (const pair of pairs) {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      if (isMap(key) || isSeq(key)) {
        const written = isNode(pair.key) ? pair.key.range : undefined;
        const start = mapOffset(written?.[0] ?? doc.range[0]);
        const end = mapOffset(written?.[1] ?? start);
        problems.push({ code: 'COLLECTION_KEY', message: isMap(key) ? 'mapping' : 'sequence', range: rangeFromOffsets(lineCounter, start, Math.min(Math.max(end, start + 1), text.length)) });
      }
      if (isMap(pair.value) || isSeq(pair.value)) stack.push(pair.value);
    }
  }
  return problems.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

function toProblem(error: { code: string; message: string; pos: [number, number] }, text: string, lineCounter: Lines, limits: InputLimits): ParseProblem {
  // The parser may point one past the end of the text (an unclosed collection): keep ranges inside it.
  const start = Math.min(error.pos[0], text.length);
  const end = Math.min(Math.max(error.pos[1], start), text.length);
  if (/call stack/i.test(error.message)) {
    const message = `Document nests too deeply to be read; not linted (at most ${limits.maxDepth} levels are read: ${LIMIT_OPTIONS.maxDepth})`;
    return { code: 'TOO_DEEP', limit: 'maxDepth', message, range: rangeFromOffsets(lineCounter, start, start) };
  }
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { code: error.code, message, range: rangeFromOffsets(lineCounter, start, end) };
}

/** A composed document with its position among the file's documents. */
interface ComposedDocument {
  doc: Document.Parsed;
  documentIndex: number;
}

/** The composed documents of a text, or the empty stream's errors. */
type ComposedDocuments = ComposedDocument[] | (Document.Parsed[] & { empty: true; errors: YAMLError[] });

/**
 * The documents of a text as `parseAllDocuments` composes them, each with its position among the
 * file's documents, leaving out (by start offset in `tooDeep`) the documents nested deeper than
 * `maxDepth`, which are never composed (composing recurses once per level).
 */
function composeDocuments(
  text: string,
  options: YamlParseOptions & DocumentOptions & SchemaOptions,
  maxDepth: number,
): { documents: ComposedDocuments; tooDeep: number[] } {
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
