import { plainScalarSource, type NodePath } from '../parser/locate.js';
import type { ManifestDocument } from '../parser/manifest-document.js';

/**
 * The text of the plain (unquoted) scalar at `path` exactly as written in the file, e.g. `yes` for
 * `value: yes` (which YAML 1.1 reads as the boolean true) or `1.10` for `version: 1.10` (read as
 * the number 1.1); `undefined` when the node is quoted, a block scalar, a collection or absent.
 */
export function scalarSource(document: ManifestDocument, path: NodePath): string | undefined {
  return plainScalarSource(document, document.file.text, path);
}
