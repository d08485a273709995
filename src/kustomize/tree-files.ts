import { realpathSync } from 'node:fs';
import { LineCounter, parseAllDocuments } from 'yaml';
import { JSON_OPTIONS, KUBE_YAML_OPTIONS } from '../parser/kube-yaml-options.js';
import { objectPositions, type ObjectPositions } from '../parser/locate.js';
import type { ManifestDocument } from '../parser/manifest-document.js';
import { parseDocuments } from '../parser/parse-documents.js';
import type { SourceFile } from '../parser/source-file.js';
import type { SourceRange } from '../parser/source-range.js';
import type { KustomizePatch } from './kustomization.js';

/** One YAML document of a patch (a strategic-merge patch object, or a JSON 6902 list of operations). */
export interface PatchDocument {
  /** The file that holds it: the patch file, or the kustomization for an inline patch. */
  file: string;
  /** Where its nodes are written in the parsed text (`locate`). */
  positions: ObjectPositions;
  /** The plain value (a mapping for a strategic-merge patch, a list for JSON 6902). */
  value: unknown;
  /** Maps a range of the parsed text to the file (identity for patch files). */
  toFile(range: SourceRange): SourceRange;
}

/**
 * The files of kustomize trees, read once and parsed on first use: manifests (the origin of built
 * objects) and patches. Paths are absolute as stslint shows them; kustomize prints paths with
 * symbolic links resolved, which {@link pathOf} maps back.
 */
export class TreeFiles {
  private readonly byRealPath = new Map<string, string>();
  private readonly manifestCache = new Map<string, ManifestDocument[]>();
  private readonly patchCache = new Map<KustomizePatch, PatchDocument[]>();

  constructor(readonly files: ReadonlyMap<string, SourceFile>) {
    for (const file of files.keys()) {
      this.byRealPath.set(file, file);
      this.byRealPath.set(realpathOr(file), file);
    }
  }

  /** The path stslint uses for a file kustomize named (possibly through a symbolic link); `undefined` when not a tree file. */
  pathOf(file: string): string | undefined {
    return this.byRealPath.get(file) ?? this.byRealPath.get(realpathOr(file));
  }

  /** The Kubernetes objects of a file (parsed once). */
  manifests(file: string): ManifestDocument[] {
    let documents = this.manifestCache.get(file);
    if (!documents) {
      const source = this.files.get(file);
      documents = source ? parseDocuments(source).documents : [];
      this.manifestCache.set(file, documents);
    }
    return documents;
  }

  /** The documents of a patch, from its file or from the kustomization that writes it inline (parsed once). */
  patchDocuments(patch: KustomizePatch): PatchDocument[] {
    let documents = this.patchCache.get(patch);
    if (!documents) {
      documents = this.readPatch(patch);
      this.patchCache.set(patch, documents);
    }
    return documents;
  }

  private readPatch(patch: KustomizePatch): PatchDocument[] {
    const source = patch.file ? this.files.get(patch.file) : undefined;
    const text = source?.text ?? patch.inline?.text;
    const file = patch.file ?? patch.inline?.file;
    if (text === undefined || file === undefined) return [];
    const toFile = patch.inline && !patch.file ? patch.inline.toFile : (range: SourceRange) => range;
    const lineCounter = new LineCounter();
    const options = patch.file?.toLowerCase().endsWith('.json') ? JSON_OPTIONS : KUBE_YAML_OPTIONS;
    const documents: PatchDocument[] = [];
    for (const document of parseAllDocuments(text, { ...options, lineCounter })) {
      if (!('contents' in document) || document.contents === null || document.errors.some((error) => error.code !== 'DUPLICATE_KEY')) continue;
      let value: unknown;
      try {
        value = document.toJS({ maxAliasCount: 100 });
      } catch {
        continue;
      }
      documents.push({ file, positions: objectPositions(document.contents, lineCounter.lineStarts), value, toFile });
    }
    return documents;
  }
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
