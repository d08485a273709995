import type { ObjectPositions } from './locate.js';
import type { SourceFile } from './source-file.js';
import type { DocumentOrigin } from './source-location.js';

/**
 * One Kubernetes object found in an input: a YAML document whose root is a mapping with string
 * `apiVersion` and `kind`, or one item of a `kind: List` (or `*List`) document.
 *
 * The `yaml` syntax tree is not kept: `positions` records where each of its nodes was written, so
 * that any field path can be mapped back to source positions (`locate`) at a few integers per
 * node. `object` is the plain JavaScript value (`Document.toJS()`), shared and never mutated.
 */
export interface ManifestDocument {
  file: SourceFile;
  /** 0-based position of the YAML document within the file. */
  documentIndex: number;
  /** 0-based position within `items` when the object came from a List document. */
  listIndex?: number;
  /** Where the object's nodes are written: its own node (the document root, or the List item) and all below. */
  positions: ObjectPositions;
  object: Record<string, unknown>;
  apiVersion: string;
  kind: string;
  /** `metadata.name`, or `''` when absent (kustomize patches, `generateName`). */
  name: string;
  /** `metadata.namespace` as written, or `undefined` when absent or not a string. */
  declaredNamespace: string | undefined;
  /** True when the YAML document had duplicate keys (reported by `yaml-syntax`, last key wins). */
  hasDuplicateKeys: boolean;
  /**
   * Set on objects built or rendered from other files (a kustomize build, a `helm template`
   * document with `# Source:`): where each field was written. Findings are reported there
   * (`locateSource`); `file` and `node` are then the built or rendered text.
   */
  origin?: DocumentOrigin;
}
