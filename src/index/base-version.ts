/**
 * The objects of a run as they were at a base revision (`--base <git-ref>`), and the version of an
 * object there: matched by identity (API group, kind, namespace, name), not by file, so that an
 * object moved to another file or a renamed file is still compared.
 */
import type { ManifestDocument } from '../parser/manifest-document.js';
import { groupOf } from '../k8s/group-kind.js';
import type { ObjectIndex } from './object-index.js';

/** The base objects of a run. */
export interface BaseVersions {
  /** How messages name the base: the ref as given (`HEAD`, `origin/main`), a commit abbreviated. */
  label: string;
  /** The objects at the base, namespaces defaulted as in the run. */
  index: ObjectIndex;
}

/**
 * The version at the base of an object of the run: the base object with the same API group, kind,
 * namespace (defaulted) and name. Where the base has several (variants in several files), the one
 * at the object's own path wins; `undefined` when there is none, or several and none at that path
 * (which one the cluster holds cannot be told). An object without a name has no base version.
 */
export function findBaseVersion(base: BaseVersions, index: ObjectIndex, document: ManifestDocument): ManifestDocument | undefined {
  if (document.name === '') return undefined;
  const groupKind = { group: groupOf(document.apiVersion), kind: document.kind };
  const candidates = base.index.named(groupKind, index.namespaceOf(document), document.name);
  if (candidates.length <= 1) return candidates[0];
  const samePath = candidates.filter((candidate) => candidate.file.path === document.file.path);
  return samePath.length === 1 ? samePath[0] : undefined;
}
