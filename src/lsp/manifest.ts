import { PARSE_OPTIONS } from '../engine/parse-options.js';
import { parseDocuments, type ParsedFile } from '../parser/parse-documents.js';
import type { SourceFile } from '../parser/source-file.js';
import { holdsReferencedObjects } from './holds-referenced-objects.js';

/** A workspace manifest (on disk, or an open document's text), parsed once per text. */
export interface Manifest {
  parsed: ParsedFile;
  /** Whether it holds objects StatefulSets refer to (see `holdsReferencedObjects`): only those are context. */
  holdsReferencedObjects: boolean;
}

/** Parses a manifest's text once and classifies it (never throws). */
export function toManifest(file: SourceFile): Manifest {
  const parsed = parseDocuments(file, PARSE_OPTIONS);
  return { parsed, holdsReferencedObjects: holdsReferencedObjects(parsed) };
}
