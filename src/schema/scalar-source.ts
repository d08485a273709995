import { isCollection, isScalar } from 'yaml';
import type { NodePath } from '../parser/locate.js';
import type { ManifestDocument } from '../parser/manifest-document.js';

/**
 * The text of the plain (unquoted) scalar at `path` exactly as written in the file, e.g. `yes` for
 * `value: yes` (which YAML 1.1 reads as the boolean true) or `1.10` for `version: 1.10` (read as
 * the number 1.1); `undefined` when the node is quoted, a block scalar, a collection or absent.
 */
export function scalarSource(document: ManifestDocument, path: NodePath): string | undefined {
  if (!isCollection(document.node)) return undefined;
  const node = document.node.getIn(path, true);
  if (!isScalar(node) || node.type !== 'PLAIN') return undefined;
  return typeof node.source === 'string' ? node.source : undefined;
}
