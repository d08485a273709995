import { groupOf } from '../k8s/group-kind.js';
import { asArray, asRecord, asString, fieldAt, isRecord, setOwn, type PlainRecord } from '../k8s/plain-value.js';
import { strategicMergeKey } from '../k8s/strategic-merge.js';
import { locate, type LocateTarget, type NodePath } from '../parser/locate.js';
import type { ManifestDocument } from '../parser/manifest-document.js';
import type { DocumentOrigin, MappedLocation } from '../parser/source-location.js';
import { FILE_START } from '../parser/source-range.js';
import { parseJsonPointer } from '../text/json-pointer.js';
import type { Kustomization, KustomizePatch } from './kustomization.js';
import { matchesPatchTarget, type PatchCandidate } from './patch-target.js';
import type { PatchDocument, TreeFiles } from './tree-files.js';

/** Where kustomize says a built object came from (`config.kubernetes.io/origin`). */
export type BuiltObjectOrigin =
  | { file: string }
  | { generatedBy: { kustomization: Kustomization; kind: string } }
  | { unknown: true };

/** What {@link KustomizeOrigin} needs to know about one built object. */
export interface BuiltObject {
  /** The object as built (origin annotations removed). */
  document: ManifestDocument;
  origin: BuiltObjectOrigin;
  /**
   * The kustomizations whose transformers ran over the object, innermost first
   * (`alpha.config.kubernetes.io/transformations`, each kustomization once).
   */
  chain: readonly Kustomization[];
  /** The kustomization that was built: the place of last resort. */
  top: Kustomization;
}

/** A source that may have written the field asked about, with how far down the field's path it reaches. */
interface Writer {
  /** Leading path segments it holds. */
  depth: number;
  /** The prefix length at which it replaced the whole value (a scalar, a replaced list, a JSON 6902 operation). */
  replacedAt?: number;
  place(target: LocateTarget): MappedLocation;
}

/**
 * The source map of one object of a kustomize build: answers "which line wrote this field?".
 *
 * It replays, for the field's path, the writes kustomize made, in kustomize's order: the object as
 * written in its origin file, then, for each kustomization of the chain (innermost first), its
 * strategic-merge patches (`patchesStrategicMerge`, then `patches`), its `namespace`, its labels
 * and annotations (`commonLabels`, `labels`, `commonAnnotations`), its JSON 6902 patches
 * (`patchesJson6902`; `patches` entries that hold JSON 6902 operations run in the `patches` phase),
 * its `replicas` and its `images` (the order of kustomize's builtin transformers). The last source
 * that wrote the field itself wins; a source that replaced a value above the field (a scalar, a
 * list replaced by a strategic-merge patch, a JSON 6902 `add`/`replace`/`remove` of a parent) wins
 * over everything before it; for a field written by no one (a missing field), the source holding
 * the deepest part of its path wins, the origin file on a tie. Names changed by `namePrefix`,
 * `nameSuffix` and name references stay located at the origin file's field.
 *
 * A patch counts when it applies to the object: a strategic-merge patch by kind and by any name the
 * object had before the patch ran (kustomize matches original and current names); a patch with a
 * `target` by that selector. Objects made by a generator point at the generator entry. When the
 * origin file cannot be read, everything points at the top kustomization.
 */
export class KustomizeOrigin implements DocumentOrigin {
  private originDocumentCache: ManifestDocument | undefined | null = null;

  constructor(
    private readonly built: BuiltObject,
    private readonly files: TreeFiles,
  ) {}

  locate(path: NodePath, target: LocateTarget): MappedLocation {
    let owner = this.originWriter(path);
    const names = this.stageNames();
    const namespaces = this.stageNamespaces();
    this.built.chain.forEach((kustomization, stage) => {
      const candidate = this.candidateAt(names.slice(0, stage + 1), namespaces.slice(0, stage + 1));
      const candidateAfter = { ...candidate, names: names.slice(0, stage + 2) };
      const writers = [
        ...this.patchWriters(kustomization, 'patchesStrategicMerge', candidate, path),
        ...this.patchWriters(kustomization, 'patches', candidate, path),
        ...this.namespaceWriter(kustomization, path),
        ...this.metadataWriters(kustomization, path),
        ...this.patchWriters(kustomization, 'patchesJson6902', candidateAfter, path),
        ...this.replicasWriters(kustomization, candidateAfter, path),
        ...this.imagesWriters(kustomization, path),
      ];
      for (const writer of writers) owner = successor(owner, writer, path.length);
    });
    return owner.place(target);
  }

  /** The object as written in its origin file (or the generator entry that made it). */
  private originWriter(path: NodePath): Writer {
    const origin = this.built.origin;
    const document = this.originDocument();
    if (document) {
      const walk = walkSource(document.object, this.built.document.object, path, false);
      return { depth: walk.depth, place: (target) => ({ file: document.file.path, range: locate(document, walk.sourcePath, target) }) };
    }
    if ('generatedBy' in origin) {
      const { kustomization, kind } = origin.generatedBy;
      const generators = kustomization.generators.filter((generator) => generator.kind === kind);
      const entry = generators.find((generator) => this.built.document.name.includes(generator.name)) ?? generators[0];
      return { depth: 0, place: (target) => kustomizationPlace(kustomization, entry ? [...entry.at, 'name'] : [], target) };
    }
    return { depth: 0, place: (target) => kustomizationPlace(this.built.top, [], target) };
  }

  /** The document of the origin file the object was built from: same kind, and the name that builds into the object's. */
  private originDocument(): ManifestDocument | undefined {
    if (this.originDocumentCache !== null) return this.originDocumentCache;
    const origin = this.built.origin;
    let found: ManifestDocument | undefined;
    if ('file' in origin) {
      const { document } = this.built;
      const candidates = this.files
        .manifests(origin.file)
        .filter((candidate) => candidate.kind === document.kind && groupOf(candidate.apiVersion) === groupOf(document.apiVersion));
      found =
        candidates.length === 1
          ? candidates[0]
          : (candidates.find((candidate) => this.builtName(candidate.name) === document.name) ??
            candidates.filter((candidate) => candidate.name !== '' && document.name.includes(candidate.name)).sort((a, b) => b.name.length - a.name.length)[0]);
    }
    this.originDocumentCache = found;
    return found;
  }

  /** A name after every `namePrefix`/`nameSuffix` of the chain. */
  private builtName(name: string): string {
    return this.built.chain.reduce((current, kustomization) => `${kustomization.namePrefix?.value ?? ''}${current}${kustomization.nameSuffix?.value ?? ''}`, name);
  }

  /** The object's name before the chain, then after each kustomization of it. */
  private stageNames(): string[] {
    const names = [this.originDocument()?.name ?? this.built.document.name];
    for (const kustomization of this.built.chain) names.push(`${kustomization.namePrefix?.value ?? ''}${names.at(-1)!}${kustomization.nameSuffix?.value ?? ''}`);
    return names;
  }

  /** The object's namespace before the chain, then after each kustomization of it. */
  private stageNamespaces(): (string | undefined)[] {
    const namespaces = [this.originDocument()?.declaredNamespace];
    for (const kustomization of this.built.chain) namespaces.push(kustomization.namespace?.value ?? namespaces.at(-1));
    return namespaces;
  }

  private candidateAt(names: readonly string[], namespaces: readonly (string | undefined)[]): PatchCandidate {
    const metadata = asRecord(this.built.document.object.metadata);
    return {
      apiVersion: this.built.document.apiVersion,
      kind: this.built.document.kind,
      names,
      namespaces,
      labels: stringRecord(metadata.labels),
      annotations: stringRecord(metadata.annotations),
    };
  }

  private patchWriters(kustomization: Kustomization, phase: KustomizePatch['phase'], candidate: PatchCandidate, path: NodePath): Writer[] {
    const writers: Writer[] = [];
    for (const patch of kustomization.patches) {
      if (patch.phase !== phase) continue;
      for (const document of this.files.patchDocuments(patch)) {
        if (Array.isArray(document.value)) {
          if (!patch.target || !matchesPatchTarget(patch.target, candidate)) continue;
          writers.push(...json6902Writers(document, path));
        } else if (isRecord(document.value)) {
          // apiVersion, kind and metadata.name/namespace of a strategic-merge patch name its target; they write nothing.
          if (IDENTITY_PATHS.some((identity) => samePath(path, identity))) continue;
          const applies = patch.target ? matchesPatchTarget(patch.target, candidate) : strategicMergeTargets(document.value, candidate);
          if (!applies) continue;
          const walk = walkSource(document.value, this.built.document.object, path, true);
          if (walk.depth === 0) continue;
          writers.push({
            depth: walk.depth,
            ...(walk.replacedAt !== undefined ? { replacedAt: walk.replacedAt } : {}),
            place: (target) => patchPlace(document, walk.sourcePath, target),
          });
        }
      }
    }
    return writers;
  }

  private namespaceWriter(kustomization: Kustomization, path: NodePath): Writer[] {
    if (!kustomization.namespace || !samePath(path, ['metadata', 'namespace'])) return [];
    const { at } = kustomization.namespace;
    return [{ depth: path.length, place: (target) => kustomizationPlace(kustomization, at, target) }];
  }

  private metadataWriters(kustomization: Kustomization, path: NodePath): Writer[] {
    const writes = (entry: Kustomization['labels'][number], field: 'labels' | 'annotations'): boolean => {
      const key = entry.key;
      if (samePath(path, ['metadata', field, key])) return true;
      if (entry.templates && (samePath(path, ['spec', 'template', 'metadata', field, key]) || (path.length === 6 && path[0] === 'spec' && path[1] === 'volumeClaimTemplates' && samePath(path.slice(3), ['metadata', field, key])))) return true;
      return field === 'labels' && entry.selectors && (samePath(path, ['spec', 'selector', 'matchLabels', key]) || (this.built.document.kind === 'Service' && samePath(path, ['spec', 'selector', key])));
    };
    return [
      ...kustomization.labels.filter((entry) => writes(entry, 'labels')),
      ...kustomization.annotations.filter((entry) => writes(entry, 'annotations')),
    ].map((entry) => ({ depth: path.length, place: (target) => kustomizationPlace(kustomization, entry.at, target) }));
  }

  private replicasWriters(kustomization: Kustomization, candidate: PatchCandidate, path: NodePath): Writer[] {
    if (!samePath(path, ['spec', 'replicas'])) return [];
    return kustomization.replicas
      .filter((entry) => candidate.names.includes(entry.name))
      .map((entry) => ({ depth: path.length, place: (target) => kustomizationPlace(kustomization, entry.at, target) }));
  }

  private imagesWriters(kustomization: Kustomization, path: NodePath): Writer[] {
    const field = path.at(-2);
    if (path.at(-1) !== 'image' || typeof field !== 'number' || !['containers', 'initContainers', 'ephemeralContainers'].includes(String(path.at(-3)))) return [];
    const image = asString(fieldAt(this.built.document.object, path)) ?? '';
    const builtName = imageName(image);
    return kustomization.images
      .filter((entry) => entry.name === builtName || entry.newName === builtName)
      .map((entry) => ({ depth: path.length, place: (target) => kustomizationPlace(kustomization, entry.sets ? [...entry.at, entry.sets] : entry.at, target) }));
  }
}

/** The fields by which a strategic-merge patch names the object it patches. */
const IDENTITY_PATHS: readonly NodePath[] = [['apiVersion'], ['kind'], ['metadata', 'name'], ['metadata', 'namespace']];

/** Who holds a field after `next` ran, given who held it before. */
function successor(owner: Writer, next: Writer, length: number): Writer {
  if (next.replacedAt !== undefined && next.replacedAt <= length) return next;
  if (next.depth === length) return next;
  return next.depth > owner.depth ? next : owner;
}

/** A strategic-merge patch without `target` applies to the object of its kind with one of the object's names. */
function strategicMergeTargets(patch: PlainRecord, candidate: PatchCandidate): boolean {
  if (patch.kind !== candidate.kind) return false;
  if (typeof patch.apiVersion === 'string' && groupOf(patch.apiVersion) !== groupOf(candidate.apiVersion)) return false;
  const metadata = asRecord(patch.metadata);
  const name = asString(metadata.name);
  if (name !== undefined && !candidate.names.includes(name)) return false;
  const namespace = asString(metadata.namespace);
  return namespace === undefined || candidate.namespaces.includes(namespace);
}

/** The writers among the operations of a JSON 6902 patch: those whose `path` is the field or one of its parents. */
function json6902Writers(document: PatchDocument, path: NodePath): Writer[] {
  const writers: Writer[] = [];
  asArray(document.value).forEach((operation, index) => {
    if (!isRecord(operation) || typeof operation.path !== 'string') return;
    const op = operation.op;
    if (op !== 'add' && op !== 'replace' && op !== 'remove' && op !== 'copy' && op !== 'move') return;
    const pointer = parseJsonPointer(operation.path);
    if (pointer === undefined || pointer.length > path.length || !pointer.every((segment, i) => segment === String(path[i]))) return;
    const rest = path.slice(pointer.length);
    const hasValue = (op === 'add' || op === 'replace') && Object.hasOwn(operation, 'value');
    writers.push({
      depth: pointer.length + (hasValue ? walkSource(operation.value, undefined, rest, false).depth : 0),
      replacedAt: pointer.length,
      place: (target) => (hasValue ? patchPlace(document, [index, 'value', ...rest], target) : patchPlace(document, [index, 'path'], 'value')),
    });
  });
  return writers;
}

/** How far a source holds a path of the built object, and its own path to that place. */
interface SourceWalk {
  depth: number;
  sourcePath: NodePath;
  replacedAt?: number;
}

/**
 * Follows a path of the built object into a source (an origin object, a strategic-merge patch, the
 * value of a JSON 6902 operation), reading plain values, which mirror the YAML (the last of
 * repeated keys, list items in order): list items are matched by their merge key
 * (`strategicMergeKey`) when the list has one, by index otherwise. For a patch (`patch` true), a
 * list without merge key, a list or mapping with `$patch: replace`, or a scalar above the field,
 * replaced the value: `replacedAt` says where.
 */
function walkSource(source: unknown, built: unknown, path: NodePath, patch: boolean): SourceWalk {
  let node = source;
  let value = built;
  const sourcePath: (string | number)[] = [];
  let replacedAt: number | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (typeof segment === 'number') {
      if (!Array.isArray(node)) break;
      const mergeKey = strategicMergeKey(path.slice(0, i));
      const replaces = patch && (mergeKey === undefined || hasReplaceDirective(node));
      if (replaces && replacedAt === undefined) replacedAt = i;
      let index = segment;
      if (mergeKey !== undefined && !replaces && value !== undefined) {
        const item = Array.isArray(value) ? value[segment] : undefined;
        const key = isRecord(item) ? item[mergeKey] : undefined;
        index = node.findIndex((candidate) => isRecord(candidate) && candidate[mergeKey] === key);
        if (key === undefined || index === -1) break;
      }
      if (index >= node.length) break;
      node = node[index];
      sourcePath.push(index);
    } else {
      if (!isRecord(node)) break;
      if (patch && hasReplaceDirective(node) && replacedAt === undefined) replacedAt = i;
      if (!Object.hasOwn(node, segment)) break;
      node = node[segment];
      sourcePath.push(segment);
    }
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[segment] : undefined;
    if (patch && i < path.length - 1 && !isRecord(node) && !Array.isArray(node) && replacedAt === undefined) replacedAt = i + 1;
  }
  return { depth: sourcePath.length, sourcePath, ...(replacedAt !== undefined ? { replacedAt } : {}) };
}

/** `$patch: replace` on a mapping, or as an item of a list. */
function hasReplaceDirective(node: unknown): boolean {
  if (isRecord(node)) return node.$patch === 'replace';
  return Array.isArray(node) && node.some((item) => isRecord(item) && item.$patch === 'replace');
}

function patchPlace(document: PatchDocument, path: NodePath, target: LocateTarget): MappedLocation {
  return { file: document.file, range: document.toFile(locate(document, path, target)) };
}

function kustomizationPlace(kustomization: Kustomization, at: NodePath, target: LocateTarget): MappedLocation {
  const { positions } = kustomization;
  return { file: kustomization.file.path, range: positions ? locate({ positions }, at, target) : FILE_START };
}

/** The repository part of an image reference: `postgres` for `postgres:16@sha256:…`. */
function imageName(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

function samePath(a: NodePath, b: NodePath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

function stringRecord(value: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, entry] of Object.entries(asRecord(value))) if (typeof entry === 'string') setOwn(record, key, entry);
  return record;
}
