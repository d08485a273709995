import type { ManifestDocument } from '../parser/manifest-document.js';

/**
 * Among variants of one object (same kind, namespace and name, e.g. overlays in one folder), the
 * ones in the same file as `reader` when there are any, else all of them (core-rules, "Terms and
 * input handling"). Rules then pass a check when any returned variant lets it pass.
 */
export function preferSameFile(variants: readonly ManifestDocument[], reader: ManifestDocument): readonly ManifestDocument[] {
  const sameFile = variants.filter((variant) => variant.file.path === reader.file.path);
  return sameFile.length > 0 ? sameFile : variants;
}
