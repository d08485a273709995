import type { ManifestDocument } from '../parser/manifest-document.js';
import { STORAGE_CLASS } from './group-kind.js';
import type { ObjectIndex } from './object-index.js';
import { preferSameFile } from './prefer-same-file.js';

/**
 * The StorageClasses of the inputs named `name`, whatever namespace their manifests give
 * (StorageClass is cluster-scoped, so a stray `metadata.namespace` does not matter). Several
 * results are variants of one class: those in `reader`'s file when there are any, else all of them
 * (`preferSameFile`), in input order. Empty when the inputs hold no class of that name.
 *
 * @see https://kubernetes.io/docs/concepts/storage/storage-classes/
 */
export function findStorageClass(index: ObjectIndex, name: string, reader: ManifestDocument): readonly ManifestDocument[] {
  return preferSameFile(index.named(STORAGE_CLASS, index.defaultNamespace, name), reader);
}
