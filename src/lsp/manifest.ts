import { PARSE_OPTIONS } from '../engine/parse-options.js';
import { parseDocuments, type ParsedFile } from '../parser/parse-documents.js';
import type { SourceFile } from '../parser/source-file.js';
import { holdsDependencies } from '../index/dependents.js';

/** A workspace manifest (on disk, or an open document's text), parsed once per text. */
export interface Manifest {
  parsed: ParsedFile;
  /** Whether it holds objects StatefulSets depend on (see `holdsDependencies`): only those are context. */
  holdsDependencies: boolean;
}

/** Parses a manifest's text once and classifies it (never throws). */
export function toManifest(file: SourceFile): Manifest {
  const parsed = parseDocuments(file, PARSE_OPTIONS);
  return { parsed, holdsDependencies: holdsDependencies(parsed) };
}
