import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ParseProblem } from './parse-documents.js';
import { rangeFromOffsets } from './source-range.js';

/**
 * The first JSON syntax error of a `.json` file, or `undefined` when it is strict JSON. The `yaml`
 * package reads JSON as YAML flow collections, which also accept trailing commas, comments and
 * unquoted keys; `kubectl` decodes `.json` manifests as JSON and rejects them. The error and its
 * position come from `jsonc-parser` in strict mode (no comments, no trailing commas).
 *
 * @param lineCounter - the file's line starts (offsets → lines and columns)
 */
export function jsonSyntaxProblem(text: string, lineCounter: { readonly lineStarts: readonly number[] }): ParseProblem | undefined {
  if (text.trim() === '') return undefined;
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  const start = Math.min(first.offset, Math.max(text.length - 1, 0));
  const end = Math.min(start + Math.max(first.length, 1), text.length);
  return { code: 'JSON_SYNTAX', message: describe(printParseErrorCode(first.error)), range: rangeFromOffsets(lineCounter, start, end) };
}

/** `PropertyNameExpected` → `property name expected`. */
function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
