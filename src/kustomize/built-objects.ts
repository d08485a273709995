import path from 'node:path';
import { isMap, parse, parseAllDocuments, type Document } from 'yaml';
import { asArray, asRecord, asString, isRecord } from '../k8s/plain-value.js';
import { KUBE_YAML_OPTIONS } from '../parser/kube-yaml-options.js';
import { parseDocuments, type ParsedFile } from '../parser/parse-documents.js';
import type { Kustomization } from './kustomization.js';
import { KustomizeOrigin, type BuiltObjectOrigin } from './kustomize-origin.js';
import type { KustomizeTree } from './kustomize-trees.js';
import type { TreeFiles } from './tree-files.js';

/** Where kustomize records the file (or generator) a built object came from (`buildMetadata: [originAnnotations]`). */
export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

/** Where kustomize records the transformers that changed a built object (`buildMetadata: [transformerAnnotations]`). */
export const TRANSFORMATIONS_ANNOTATION = 'alpha.config.kubernetes.io/transformations';

/**
 * The objects of a kustomize build as rules see them: kustomize's output with the two build
 * metadata annotations read and removed (they never reach rules or messages), parsed with source
 * positions, each object carrying a {@link KustomizeOrigin} that maps its fields to the lines
 * that wrote them. The returned file's path is the top kustomization's (its text is the cleaned
 * output); findings are reported in the files the origins name.
 *
 * @param originBase - the folder the annotations' paths are relative to (`KustomizeBuild.originBase`)
 * @param kustomizations - every kustomization read, by path (`KustomizeTrees.kustomizations`)
 */
export function readBuiltObjects(
  output: string,
  originBase: string,
  tree: KustomizeTree,
  kustomizations: ReadonlyMap<string, Kustomization>,
  files: TreeFiles,
): ParsedFile {
  const raw = parseAllDocuments(output, KUBE_YAML_OPTIONS);
  const documents = 'empty' in raw ? [] : raw;
  const kustomizationAt = (written: unknown): Kustomization | undefined => {
    if (typeof written !== 'string') return undefined;
    const file = files.pathOf(path.resolve(originBase, written));
    return file === undefined ? undefined : kustomizations.get(file);
  };
  const metadata = documents.map((document) => takeBuildMetadata(document));
  // One `---` between documents (a document that started with one prints it again).
  const text = documents.map((document) => document.toString({ lineWidth: 0 }).replace(/^---\r?\n/, '')).join('---\n');
  const parsed = parseDocuments({ path: tree.top.file.path, text });
  for (const document of parsed.documents) {
    const { origin, transformations } = metadata[document.documentIndex] ?? {};
    const chain = [...new Set(asArray(transformations).flatMap((step) => kustomizationAt(asRecord(step).configuredIn) ?? []))];
    document.origin = new KustomizeOrigin({ document, origin: builtObjectOrigin(origin, originBase, files, kustomizationAt), chain, top: tree.top }, files);
  }
  return parsed;
}

/** Reads and removes the two annotations of one built document (and `annotations` when left empty). */
function takeBuildMetadata(document: Document.Parsed): { origin: unknown; transformations: unknown } {
  const read = (key: string): unknown => {
    const value = document.getIn(['metadata', 'annotations', key]);
    document.deleteIn(['metadata', 'annotations', key]);
    if (typeof value !== 'string') return undefined;
    try {
      return parse(value);
    } catch {
      return undefined;
    }
  };
  const result = { origin: read(ORIGIN_ANNOTATION), transformations: read(TRANSFORMATIONS_ANNOTATION) };
  const annotations = document.getIn(['metadata', 'annotations'], true);
  if (isMap(annotations) && annotations.items.length === 0) document.deleteIn(['metadata', 'annotations']);
  return result;
}

function builtObjectOrigin(
  origin: unknown,
  originBase: string,
  files: TreeFiles,
  kustomizationAt: (written: unknown) => Kustomization | undefined,
): BuiltObjectOrigin {
  if (!isRecord(origin)) return { unknown: true };
  const file = asString(origin.path);
  if (file !== undefined && origin.repo === undefined) {
    const local = files.pathOf(path.resolve(originBase, file));
    return local === undefined ? { unknown: true } : { file: local };
  }
  const kustomization = kustomizationAt(origin.configuredIn);
  const kind = asString(asRecord(origin.configuredBy).kind);
  return kustomization && kind ? { generatedBy: { kustomization, kind } } : { unknown: true };
}
