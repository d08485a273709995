import { LineCounter, Parser } from 'yaml';
import { rangeFromOffsets, type SourceRange } from './source-range.js';

/**
 * An inline suppression comment (ESLint's `eslint-disable` family, YAML `#` syntax, see
 * integrations.md §6.5). `disable-file` has no ESLint twin: it covers the whole file, every document.
 */
export interface Directive {
  type: 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';
  /** Rule ids as written (comma-separated in the comment, blanks trimmed); empty means every rule. */
  rules: string[];
  /** Text after two or more dashes (` -- reason`), trimmed; absent when there is none or it is empty. */
  reason?: string;
  /** The comment, from `#` to the end of its line (line break excluded). */
  range: SourceRange;
  /** 1-based line of the comment (`range.line`). */
  line: number;
  /** 0-based YAML document the comment belongs to, numbered as `parseAllDocuments` numbers them. */
  documentIndex: number;
}

interface CommentToken {
  offset: number;
  source: string;
  documentIndex: number;
}

interface CommentScan {
  comments: CommentToken[];
  /** Offset where each document begins, its leading comments included; the first is always 0. */
  documentStarts: number[];
  lineCounter: LineCounter;
}

const KEYWORD = /^\s*stslint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)/;
const REASON = /\s-{2,}(?:\s|$)/;

/**
 * Finds the `# stslint-…` directives in a YAML file, in source order.
 *
 * Only real comments count: the text is read with the `yaml` package's CST parser, so
 * `# stslint-disable` inside a quoted string or a block scalar (`|`, `>`) is not a directive. A
 * directive is a comment whose text, after `#` and optional blanks, is one of the five keywords
 * followed by a blank or the end of the comment. Anything else (`# stslint-disable-nextline`,
 * `# TODO stslint-disable`) is an ordinary comment and is ignored, as ESLint ignores it: the finding
 * it meant to hide stays visible, which reveals the typo. Rule ids are not checked here.
 *
 * `.json` files (by `fileName`), binary text (a NUL byte; `parseDocuments` lints nothing there)
 * and text without `stslint-` anywhere give none, the last without scanning. Never throws.
 *
 * @param text - the whole file, as in `SourceFile.text`
 * @param fileName - the file's path, only to recognise `.json`
 */
export function parseDirectives(text: string, fileName = ''): Directive[] {
  // Most files hold no directive: skip the CST scan (a second parse) unless the keyword occurs.
  if (!text.includes('stslint-') || /\.json$/i.test(fileName) || text.includes('\u0000')) return [];
  const { comments, lineCounter } = scanComments(text);
  const directives: Directive[] = [];
  for (const comment of comments) {
    const directive = toDirective(comment, lineCounter);
    if (directive) directives.push(directive);
  }
  return directives;
}

/**
 * Builds the `documentOfLine` that `applyDirectives` needs: a 1-based line → the 0-based index of
 * the YAML document it lies in, numbered as `parseAllDocuments` (and `ManifestDocument.documentIndex`)
 * number them. A document begins at its `---` line, or, when comments or `%` directives come
 * between the previous document's `...` and it, at the first of those (the `yaml` composer attaches
 * them to the next document). Lines before the first document belong to document 0; lines past the
 * end to the last one. Uses the same scan as {@link parseDirectives}.
 */
export function documentOfLineFor(text: string): (line: number) => number {
  const { documentStarts, lineCounter } = scanComments(text);
  const startLines = documentStarts.map((offset) => lineCounter.linePos(offset).line);
  return (line) => {
    let low = 0;
    let high = startLines.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (startLines[middle]! <= line) low = middle;
      else high = middle - 1;
    }
    return low;
  };
}

/**
 * Collects every comment token with its document, mirroring the `yaml` Composer: the documents are
 * the CST `document` tokens in order; comments inside one (or inside the `...` that ends it) are
 * its own; top-level comments after a `...` go to the next document, or to the current one when
 * another `...` or the end of the stream comes first.
 */
function scanComments(text: string): CommentScan {
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const comments: CommentToken[] = [];
  const documentStarts = [0];
  let documentCount = 0;
  let prelude: CommentToken[] = [];
  let preludeStart: number | undefined;
  const settlePrelude = (documentIndex: number) => {
    for (const comment of prelude) comments.push({ ...comment, documentIndex });
    prelude = [];
    preludeStart = undefined;
  };
  for (const token of tokens) {
    if (token.type === 'document') {
      if (documentCount > 0) documentStarts.push(preludeStart ?? token.offset);
      settlePrelude(documentCount);
      collectComments(token, documentCount, comments);
      documentCount += 1;
    } else if (token.type === 'doc-end') {
      settlePrelude(Math.max(documentCount - 1, 0));
      collectComments(token, Math.max(documentCount - 1, 0), comments);
    } else if (token.type === 'comment' || token.type === 'directive') {
      preludeStart ??= token.offset;
      if (token.type === 'comment') prelude.push({ offset: token.offset, source: token.source, documentIndex: 0 });
    }
  }
  settlePrelude(Math.max(documentCount - 1, 0));
  comments.sort((a, b) => a.offset - b.offset);
  return { comments, documentStarts, lineCounter };
}

/**
 * Comments sit in the `start`, `sep`, `end` and `props` arrays of CST tokens. The text of scalars
 * and block scalars is a `source` string, never a token, so a `#` inside it is never reached.
 */
function collectComments(token: unknown, documentIndex: number, out: CommentToken[]): void {
  if (Array.isArray(token)) {
    for (const item of token) collectComments(item, documentIndex, out);
    return;
  }
  if (typeof token !== 'object' || token === null) return;
  const { type, offset, source } = token as { type?: unknown; offset?: unknown; source?: unknown };
  if (type === 'comment' && typeof offset === 'number' && typeof source === 'string') {
    out.push({ offset, source, documentIndex });
    return;
  }
  for (const value of Object.values(token)) collectComments(value, documentIndex, out);
}

function toDirective(comment: CommentToken, lineCounter: LineCounter): Directive | undefined {
  const source = comment.source.replace(/\r$/, '');
  const body = source.slice(1);
  const keyword = KEYWORD.exec(body);
  if (!keyword) return undefined;
  const rest = body.slice(keyword[0].length);
  const dashes = REASON.exec(rest);
  const list = dashes ? rest.slice(0, dashes.index) : rest;
  const reason = dashes ? rest.slice(dashes.index + dashes[0].length).trim() : '';
  const range = rangeFromOffsets(lineCounter, comment.offset, comment.offset + source.length);
  return {
    type: keyword[1] as Directive['type'],
    rules: list
      .split(',')
      .map((rule) => rule.trim())
      .filter((rule) => rule !== ''),
    ...(reason ? { reason } : {}),
    range,
    line: range.line,
    documentIndex: comment.documentIndex,
  };
}
