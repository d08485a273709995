import { locate, type LocateTarget, type NodePath } from './locate.js';
import type { ManifestDocument } from './manifest-document.js';
import type { SourceRange } from './source-range.js';

/** A place in a file: its absolute path (or `<stdin>`) and a range. */
export interface SourceLocation {
  file: string;
  range: SourceRange;
}

/**
 * Where a field of a built or rendered object was written, and, for rendered output, where it
 * appears in the rendered text (Helm: reported as a related location).
 */
export interface MappedLocation extends SourceLocation {
  rendered?: SourceLocation;
}

/**
 * The source map of an object that was not read as written but built or rendered from other files
 * (kustomize builds, `helm template` output): maps a field path of the object, as rules see it, to
 * the file and range that wrote the field. Implementations never throw; when nothing better is
 * known they answer with a place that stands for the whole object.
 */
export interface DocumentOrigin {
  locate(path: NodePath, target: LocateTarget): MappedLocation;
}

/**
 * Where a field of a document was written: through the document's {@link DocumentOrigin} when it
 * has one (built or rendered objects), else in the document's own file (`locate`).
 */
export function locateSource(document: ManifestDocument, path: NodePath, target: LocateTarget = 'value'): MappedLocation {
  if (document.origin) return document.origin.locate(path, target);
  return { file: document.file.path, range: locate(document, path, target) };
}
