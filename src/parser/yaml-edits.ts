/**
 * Text edits on a manifest that keep the file as it was written. Each edit replaces one span of
 * the file's text, found from the positions recorded at parse time (`locate.ts`), so everything
 * outside it stays byte for byte: comments, anchors, quoting, flow or block style, indentation,
 * CRLF line ends. New text follows the file: its line ends, its indentation (detected from the
 * object's own nesting), the quote style of a replaced scalar, JSON syntax in a `.json` file.
 *
 * Every function returns `undefined` when it cannot make the edit safely (the field is missing,
 * an alias, a block scalar, or the file is JSON where YAML would be needed); callers then offer
 * no fix.
 */
import { stringify } from 'yaml';
import { childrenOf, NodeKind, nodeAt, subtreeEnd, type NodePath, type NodeSpan } from './locate.js';
import type { ManifestDocument } from './manifest-document.js';

/** Replace `[start, end)` of the file's text (UTF-16 offsets) with `text`; `start === end` inserts. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A value written into a manifest: a string, number or boolean scalar. */
export type ScalarValue = string | number | boolean;

function isJson(document: ManifestDocument): boolean {
  return /\.json$/i.test(document.file.path);
}

/** The file's line end: CRLF when the text uses it, else LF. */
function lineEnd(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** A scalar as YAML 1.1 (the reading of kubectl) needs it written to read back as `value`: plain when that is safe, else double-quoted. */
function yamlScalar(value: ScalarValue): string {
  return stringify(value, { version: '1.1', lineWidth: 0 }).trimEnd();
}

/** A scalar written in the style of the one it replaces (`"…"`, `'…'`, plain), or in JSON. */
function scalarInStyle(value: ScalarValue, kind: NodeKind, json: boolean): string {
  if (json || (kind === NodeKind.DOUBLE_QUOTED_SCALAR && typeof value === 'string')) return JSON.stringify(value);
  if (kind === NodeKind.SINGLE_QUOTED_SCALAR && typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return yamlScalar(value);
}

/**
 * Sets the scalar at `path` to `value`, keeping its quote style. `undefined` when the node is
 * missing or not a plain, quoted or empty scalar.
 */
export function replaceScalar(document: ManifestDocument, path: NodePath, value: ScalarValue): TextEdit | undefined {
  const span = nodeAt(document, path);
  if (!span || span.valueStart === -1) return undefined;
  const scalar = [NodeKind.PLAIN_SCALAR, NodeKind.DOUBLE_QUOTED_SCALAR, NodeKind.SINGLE_QUOTED_SCALAR].includes(span.kind);
  if (!scalar && span.kind !== NodeKind.EMPTY_SCALAR) return undefined;
  const text = scalarInStyle(value, span.kind, isJson(document));
  return { start: span.valueStart, end: span.valueEnd, text: span.kind === NodeKind.EMPTY_SCALAR ? ` ${text}` : text };
}

/** Renames the key of the mapping entry at `path`, keeping its quote style. */
export function renameKey(document: ManifestDocument, path: NodePath, key: string): TextEdit | undefined {
  const span = nodeAt(document, path);
  if (!span || span.keyStart === -1) return undefined;
  const old = document.file.text.slice(span.keyStart, span.keyEnd);
  const kind = old.startsWith('"') ? NodeKind.DOUBLE_QUOTED_SCALAR : old.startsWith("'") ? NodeKind.SINGLE_QUOTED_SCALAR : NodeKind.PLAIN_SCALAR;
  return { start: span.keyStart, end: span.keyEnd, text: scalarInStyle(key, kind, isJson(document)) };
}

/** The 0-based column of an offset (UTF-16 code units from the line start). */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * The offset just after the end of the line holding the character before `end` (after its line
 * break), or the text's end: where new lines go after a node whose range ends at `end` (block
 * collections and block scalars end after their last line break).
 */
function afterLine(text: string, end: number): number {
  const newline = text.indexOf('\n', end > 0 && text[end - 1] === '\n' ? end - 1 : end);
  return newline === -1 ? text.length : newline + 1;
}

/**
 * Adds entries to the mapping at `path`, after its last entry: on new lines at the indentation of
 * its entries for a block mapping, inside the braces for a flow mapping (`{app: db}` → `{app: db,
 * tier: data}`) and in JSON. Keys that are already there are left out; `undefined` when none is
 * left, or the node is not a mapping.
 */
export function addMapEntries(document: ManifestDocument, path: NodePath, entries: readonly (readonly [string, ScalarValue])[]): TextEdit | undefined {
  const map = nodeAt(document, path);
  if (!map || map.kind !== NodeKind.MAP) return undefined;
  const children = childrenOf(document, map);
  const present = new Set(children.map((child) => child.key));
  const added = entries.filter(([key]) => !present.has(key));
  if (added.length === 0) return undefined;
  const text = document.file.text;
  const json = isJson(document);
  const entry = ([key, value]: readonly [string, ScalarValue]) => `${json ? JSON.stringify(key) : yamlScalar(key)}: ${json ? JSON.stringify(value) : yamlScalar(value)}`;
  if (text[map.valueStart] === '{') {
    const last = children.at(-1);
    if (!last) return { start: map.valueStart + 1, end: map.valueStart + 1, text: added.map(entry).join(', ') };
    return { start: subtreeEnd(document, last), end: subtreeEnd(document, last), text: added.map((item) => `, ${entry(item)}`).join('') };
  }
  const last = children.at(-1)!;
  const indent = ' '.repeat(columnOf(text, children[0]!.keyStart));
  const eol = lineEnd(text);
  const at = afterLine(text, subtreeEnd(document, last));
  const prefix = at === text.length && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, text: prefix + added.map((item) => `${indent}${entry(item)}${eol}`).join('') };
}

/**
 * The indentation the object is written with: the step between a mapping's key and its first
 * nested key (2 when nothing is nested), and whether block sequences are indented under their key.
 */
function detectIndentation(document: ManifestDocument): { indent: number; indentSeq: boolean } {
  const text = document.file.text;
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  const visit = (span: NodeSpan, depth: number): void => {
    if (depth > 6 || (indent !== undefined && indentSeq !== undefined)) return;
    for (const child of childrenOf(document, span)) {
      if (child.keyStart !== -1 && child.valueStart !== -1 && text[child.valueStart] !== '{' && text[child.valueStart] !== '[') {
        if (child.kind === NodeKind.MAP && indent === undefined) {
          const first = childrenOf(document, child)[0];
          if (first && first.keyStart !== -1) indent = columnOf(text, first.keyStart) - columnOf(text, child.keyStart);
        }
        if (child.kind === NodeKind.SEQ && indentSeq === undefined) indentSeq = columnOf(text, child.valueStart) > columnOf(text, child.keyStart);
      }
      if (child.kind === NodeKind.MAP || child.kind === NodeKind.SEQ) visit(child, depth + 1);
    }
  };
  visit(nodeAt(document, [])!, 0);
  return { indent: indent !== undefined && indent > 0 ? indent : 2, indentSeq: indentSeq ?? true };
}

/**
 * Inserts `object` as a new YAML document right after this one (after the line its last node ends
 * on), separated by `---`, written with the file's indentation and line ends. `undefined` for a
 * JSON file or an item of a `kind: List`, which hold one document.
 */
export function insertDocumentAfter(document: ManifestDocument, object: Record<string, unknown>): TextEdit | undefined {
  if (isJson(document) || document.listIndex !== undefined) return undefined;
  const text = document.file.text;
  const eol = lineEnd(text);
  const root = nodeAt(document, [])!;
  const at = afterLine(text, subtreeEnd(document, root));
  const body = stringify(object, { version: '1.1', lineWidth: 0, ...detectIndentation(document) });
  const prefix = at === text.length && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, text: `${prefix}---${eol}${body.replace(/\n/g, eol)}` };
}

/** Applies edits to a text (offsets refer to the original text); edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = '';
  let position = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    result += text.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return result + text.slice(position);
}
