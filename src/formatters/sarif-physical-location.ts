import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceRange } from '../parser/source-range.js';
import { STDIN_PATH } from '../parser/source-file.js';
import { relativePath } from './relative-path.js';

/** SARIF `physicalLocation` (§3.29) with an `artifactLocation` and a full `region`. */
export interface SarifPhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string };
  region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

/** The `uriBaseId` of repository-relative URIs; GitHub resolves it to the checkout. */
const SOURCE_ROOT = '%SRCROOT%';

/**
 * Where a finding is, as GitHub code scanning reads it (integrations.md §1.2, §1.3).
 *
 * The URI of a file inside `baseDirectory` (the repository root) is relative to it, with `/`
 * separators, each segment percent-encoded (`deploy/my%20file.yaml`), and `uriBaseId`
 * `%SRCROOT%`. A file outside it gets an absolute `file://` URI and no `uriBaseId` (SARIF §3.4.4:
 * an absolute URI has no base). Standard input without `--stdin-filename` becomes the relative
 * URI `stdin`, which names no real file: GitHub shows such results without a source view.
 *
 * The region is the finding's range as it is: 1-based lines and columns, exclusive `endColumn`,
 * in UTF-16 code units (`run.columnKind` is `utf16CodeUnits`).
 */
export function sarifPhysicalLocation(file: string, range: SourceRange, baseDirectory: string): SarifPhysicalLocation {
  return {
    artifactLocation: artifactLocation(file, baseDirectory),
    region: { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn },
  };
}

function artifactLocation(file: string, baseDirectory: string): SarifPhysicalLocation['artifactLocation'] {
  if (file === STDIN_PATH) return { uri: 'stdin', uriBaseId: SOURCE_ROOT };
  const relative = relativePath(file, baseDirectory);
  if (path.isAbsolute(relative)) return { uri: pathToFileURL(path.resolve(file)).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}
