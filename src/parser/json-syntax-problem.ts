import type { LineCounter } from 'yaml';
import type { ParseProblem } from './parse-documents.js';
import { rangeFromOffsets } from './source-range.js';

/**
 * The first JSON syntax error of a `.json` file, or `undefined` when `JSON.parse` accepts it. The
 * `yaml` package reads JSON as YAML flow collections, which also accept trailing commas, comments
 * and unquoted keys; `kubectl` decodes `.json` manifests as JSON and rejects them. The position is
 * taken from the engine's message (`… in JSON at position 8`), else the end of the text.
 *
 * @param lineCounter - the counter the file was parsed with (offsets → lines and columns)
 */
export function jsonSyntaxProblem(text: string, lineCounter: LineCounter): ParseProblem | undefined {
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? text.length);
    const detail = message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected end of JSON input$/, 'unexpected end of the file');
    return { code: 'JSON_SYNTAX', message: detail, range: rangeFromOffsets(lineCounter, offset, Math.min(offset + 1, text.length)) };
  }
}
