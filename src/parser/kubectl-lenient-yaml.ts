import { Parser } from 'yaml';

/**
 * YAML that kubectl reads and the `yaml` package rejects, and how it is made readable.
 *
 * kubectl and the API server decode YAML with go-yaml v2 (through sigs.k8s.io/yaml), a port of
 * libyaml, which is laxer than YAML 1.2 in a few places real manifests use. Each case below was
 * checked with `kubectl create --dry-run=client` (test/parser/kubectl-acceptance.test.ts):
 *
 * - `quoted-scalar-indent`, `quoted-scalar-tab`: a continuation line of a single- or double-quoted
 *   scalar indented less than its key (even at column 0), or indented with tabs. libyaml does not
 *   check the indentation of quoted scalars' lines at all; YAML 1.2 wants them indented with spaces,
 *   more than the enclosing block.
 * - `flow-indent`, `flow-tab`: a line inside a flow sequence or mapping (`[...]`, `{...}`) indented
 *   less than the enclosing block, or with tabs; libyaml ignores indentation in flow context.
 * - `comment-spacing`: a comment right after a closing quote or bracket without white space between
 *   (`"x"# note`); libyaml starts a comment there, YAML 1.2 requires white space first.
 *
 * Leading white space of continuation lines is not part of a quoted or flow scalar's value (it is
 * folded away), and white space between flow tokens means nothing, so the repairs (padding such
 * lines with spaces, tabs there made spaces, one space before such a `#`) give the text the meaning
 * libyaml gives it. Lines that start a new document (`---`, `...` at column 0) are never repaired:
 * libyaml rejects those inside a scalar or a flow collection too.
 */
export type LenientCase = 'quoted-scalar-indent' | 'quoted-scalar-tab' | 'flow-indent' | 'flow-tab' | 'comment-spacing';

/** One place the text was repaired, with offsets in the original text. */
export interface LenientRepair {
  case: LenientCase;
  /** Offset of the construct's first repaired line (or of the `#` for `comment-spacing`). */
  start: number;
  /** Offset just after that line's indentation (or after the `#`). */
  end: number;
}

/** The text as `yaml` can read it, with the repairs made and a way back to original offsets. */
export interface RepairedText {
  text: string;
  repairs: LenientRepair[];
  /** Maps an offset of `text` to the offset of the original text it came from. */
  toOriginal(offset: number): number;
}

/** Repairs are made in rounds: each round repairs what the previous parse showed broken. */
const MAX_ROUNDS = 16;

/**
 * Repairs the constructs of {@link LenientCase} that `yaml` rejects in `text`, as long as every
 * repair gives the text the meaning libyaml gives it; `undefined` when nothing was repairable. The
 * constructs are found in `yaml`'s syntax tree (CST), which its parser builds iteratively whatever
 * the input; nothing is composed here. Whether the repaired documents parse is for the caller to check.
 */
export function repairForKubectl(text: string): RepairedText | undefined {
  const offsets = new OffsetMap();
  const repairs: LenientRepair[] = [];
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const byLine = new Map<number, Edit>();
    const add = (edit: Edit) => {
      const existing = byLine.get(edit.at);
      if (!existing || existing.insert < edit.insert) byLine.set(edit.at, { ...edit, report: edit.report || existing?.report === true });
    };
    const { cut, gluedComments } = scanTokens(current);
    for (const at of gluedComments) add({ case: 'comment-spacing', at, replace: 0, insert: 1, report: true });
    for (const token of cut) indentationEdits(current, token).forEach(add);
    if (byLine.size === 0) break;
    const edits = [...byLine.values()].sort((a, b) => a.at - b.at);
    // Offsets are mapped back with the insertions of earlier rounds, then this round's are added.
    for (const edit of edits) {
      if (!edit.report) continue;
      const start = offsets.toOriginal(edit.at);
      const end = edit.case === 'comment-spacing' ? start + 1 : offsets.toOriginal(edit.at + edit.replace);
      repairs.push({ case: edit.case, start, end });
    }
    offsets.add(edits.filter((edit) => edit.insert > 0).map((edit) => ({ at: offsets.toOriginal(edit.at), count: edit.insert })));
    const parts: string[] = [];
    let copied = 0;
    for (const edit of edits) {
      parts.push(current.slice(copied, edit.at), ' '.repeat(edit.replace + edit.insert));
      copied = edit.at + edit.replace;
    }
    parts.push(current.slice(copied));
    current = parts.join('');
  }
  if (current === text) return undefined;
  repairs.sort((a, b) => a.start - b.start);
  return { text: current, repairs, toOriginal: (offset) => offsets.toOriginal(offset) };
}

/**
 * Spaces inserted into a text, by offset of the original text, and the mapping of offsets of the
 * resulting text back to the original: an offset inside inserted spaces maps to where they were
 * inserted. Lookups are binary searches, so that a file with thousands of repairs stays linear.
 */
class OffsetMap {
  /** Insertions sorted by original offset, one per offset. */
  private insertions: { at: number; count: number }[] = [];
  /** Per insertion: where its spaces start in the resulting text. */
  private starts: number[] = [];
  /** Per insertion: spaces inserted up to and including it. */
  private totals: number[] = [];

  add(insertions: readonly { at: number; count: number }[]): void {
    if (insertions.length === 0) return;
    const merged = new Map<number, number>();
    for (const { at, count } of [...this.insertions, ...insertions]) merged.set(at, (merged.get(at) ?? 0) + count);
    this.insertions = [...merged].map(([at, count]) => ({ at, count })).sort((a, b) => a.at - b.at);
    let total = 0;
    this.starts = [];
    this.totals = [];
    for (const { at, count } of this.insertions) {
      this.starts.push(at + total);
      total += count;
      this.totals.push(total);
    }
  }

  toOriginal(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! <= offset) low = middle + 1;
      else high = middle;
    }
    const last = low - 1;
    if (last < 0) return offset;
    const insertion = this.insertions[last]!;
    if (offset < this.starts[last]! + insertion.count) return insertion.at;
    return offset - this.totals[last]!;
  }
}

interface Edit {
  case: LenientCase;
  /** Offset in the current text where spaces replace `replace` characters and `insert` more are added. */
  at: number;
  replace: number;
  insert: number;
  /** True for the first line repaired in a construct: the place reported. */
  report: boolean;
}

/** A quoted scalar or flow collection that `yaml`'s lexer cut short at an unexpected unindent. */
interface CutToken {
  case: 'quoted-scalar-indent' | 'flow-indent';
  offset: number;
}

/**
 * In the CST of `text`: the quoted scalars without their closing quote and flow collections without
 * their closing bracket (cut short by the lexer), and the comments that follow a closing quote or
 * bracket with no white space between (offsets of their `#`).
 */
function scanTokens(text: string): { cut: CutToken[]; gluedComments: number[] } {
  const cut: CutToken[] = [];
  const gluedComments: number[] = [];
  // An explicit stack: a hostile document may nest thousands of levels (the CST parser is iterative).
  const stack: unknown[] = [...new Parser().parse(text)].reverse();
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const token = value as { type?: string; offset?: number; source?: string; end?: { type: string }[] };
    if ((token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar') && typeof token.source === 'string') {
      if (quotedScalarEnd(token.source, 0) !== token.source.length) cut.push({ case: 'quoted-scalar-indent', offset: token.offset! });
    } else if (token.type === 'flow-collection' && !token.end?.some((end) => end.type === 'flow-map-end' || end.type === 'flow-seq-end')) {
      cut.push({ case: 'flow-indent', offset: token.offset! });
    } else if (token.type === 'comment' && token.offset !== undefined && /['"\]}]/.test(text[token.offset - 1] ?? '')) {
      gluedComments.push(token.offset);
    }
    const children = Object.entries(value).filter(([key]) => key !== 'source');
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]![1]);
  }
  return { cut: cut.sort((a, b) => a.offset - b.offset), gluedComments };
}

/**
 * The edits that indent every continuation line of the construct at `cut.offset` at least to the
 * construct's own column with spaces only, where libyaml reads the construct to end. None when the
 * construct does not end before the end of the text or a document marker (libyaml rejects it too).
 */
function indentationEdits(text: string, cut: CutToken): Edit[] {
  const end = text[cut.offset] === '[' || text[cut.offset] === '{' ? flowCollectionEnd(text, cut.offset) : quotedScalarEnd(text, cut.offset);
  if (end === undefined) return [];
  const lineStart = text.lastIndexOf('\n', cut.offset) + 1;
  const required = cut.offset - lineStart;
  const edits: Edit[] = [];
  for (let newline = text.indexOf('\n', cut.offset); newline !== -1 && newline < end; newline = text.indexOf('\n', newline + 1)) {
    const start = newline + 1;
    if (isDocumentMarker(text, start)) return [];
    let indentEnd = start;
    while (text[indentEnd] === ' ' || text[indentEnd] === '\t') indentEnd++;
    const indentation = text.slice(start, indentEnd);
    const blank = text[indentEnd] === '\n' || text[indentEnd] === '\r' || indentEnd >= text.length;
    if (blank || (!indentation.includes('\t') && indentation.length >= required)) continue;
    const tab = indentation.includes('\t');
    const repairCase: LenientCase = cut.case === 'quoted-scalar-indent' ? (tab ? 'quoted-scalar-tab' : cut.case) : tab ? 'flow-tab' : cut.case;
    edits.push({ case: repairCase, at: start, replace: indentation.length, insert: Math.max(0, required - indentation.length), report: edits.length === 0 });
  }
  return edits;
}

/** `---` or `...` at a line start followed by white space or the end of the line. */
function isDocumentMarker(text: string, start: number): boolean {
  const marker = text.slice(start, start + 3);
  return (marker === '---' || marker === '...') && /^[ \t\r\n]?$/.test(text[start + 3] ?? '');
}

/**
 * The offset just after the quoted scalar starting at `start` (a `'` or `"`), as libyaml reads it:
 * `''` is an escaped quote in single quotes, `\` escapes the next character in double quotes.
 * `undefined` when it is not closed.
 */
export function quotedScalarEnd(text: string, start: number): number | undefined {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote === '"' && ch === '\\') i++;
    else if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return undefined;
}

/**
 * The offset just after the flow collection starting at `start` (a `[` or `{`), as libyaml reads
 * it: brackets nest, quoted scalars start after `[`, `{`, `,`, `:` or `?` (elsewhere a quote is
 * part of a plain scalar), comments start at `#` after white space. `undefined` when it is not
 * closed before the end of the text or a document marker.
 */
function flowCollectionEnd(text: string, start: number): number | undefined {
  let depth = 0;
  let previous = '';
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      if (isDocumentMarker(text, i + 1)) return undefined;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (ch === '#' && /[ \t\n]/.test(text[i - 1] ?? '\n')) {
      const newline = text.indexOf('\n', i);
      if (newline === -1) return undefined;
      i = newline - 1;
      continue;
    }
    if ((ch === '"' || ch === "'") && /^[[{,:?]$/.test(previous)) {
      const end = quotedScalarEnd(text, i);
      if (end === undefined) return undefined;
      i = end - 1;
      previous = ch;
      continue;
    }
    if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
    previous = ch;
  }
  return undefined;
}
