import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { LineCounter, isMap, parseDocument, type Node } from 'yaml';
import { asArray, asString, fieldAt, isRecord } from '../k8s/plain-value.js';
import { KUBE_YAML_OPTIONS } from '../parser/kube-yaml-options.js';
import { objectPositions, type NodePath, type ObjectPositions } from '../parser/locate.js';
import type { SourceFile } from '../parser/source-file.js';
import { embeddedText, type EmbeddedText } from './embedded-text.js';
import { patchTargetOf, type PatchTarget } from './patch-target.js';

/**
 * The file names kustomize accepts for a kustomization, in the order it looks for them
 * (`konfig.RecognizedKustomizationFileNames`). A folder holding none of them is not a kustomization.
 */
export const KUSTOMIZATION_FILE_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Whether a path names a kustomization file (by its base name, as kustomize does). */
export function isKustomizationFile(file: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.includes(path.basename(file));
}

/** The kustomization file of a folder, or `undefined` when the folder holds none. */
export function kustomizationFileIn(directory: string): string | undefined {
  return KUSTOMIZATION_FILE_NAMES.map((name) => path.join(directory, name)).find((file) => isFile(file));
}

/**
 * The kustomization files under a folder (absolute, sorted), skipping `node_modules` and
 * dot-folders, and the files `ignore` leaves out (the configuration's `ignores`).
 */
export async function findKustomizationFiles(root: string, ignore: (file: string) => boolean = () => false): Promise<string[]> {
  const matches = await glob(KUSTOMIZATION_FILE_NAMES.map((name) => `**/${name}`), {
    cwd: root,
    absolute: true,
    dot: false,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**'],
    onlyFiles: true,
  });
  return matches.map((match) => path.normalize(match)).filter((file) => !ignore(file)).sort();
}

/** What a referenced path is to kustomize. */
export type ReferenceRole = 'resource' | 'component' | 'patch' | 'input';

/** A file or folder a kustomization names: a resource, a component, a patch, or another input. */
export interface KustomizationReference {
  role: ReferenceRole;
  /** As written in the kustomization. */
  written: string;
  /** Absolute path, resolved against the kustomization's folder (meaningless for remote ones). */
  path: string;
  /** `https://…`, `git@…`, `github.com/…`: kustomize would fetch it; stslint never does. */
  remote: boolean;
  /** Where the reference is written in the kustomization file. */
  at: NodePath;
}

/**
 * The three patch phases of one kustomization, in the order kustomize applies them
 * (`PatchStrategicMergeTransformer`, `PatchTransformer`, … `PatchJson6902Transformer`).
 */
export type PatchPhase = 'patchesStrategicMerge' | 'patches' | 'patchesJson6902';

/** One patch of a kustomization: in a file or written inline, with its target selector. */
export interface KustomizePatch {
  phase: PatchPhase;
  /** The entry in the kustomization file (`['patches', 0]`). */
  at: NodePath;
  /** Absolute path of the patch file, when the patch is a file. */
  file?: string;
  /** The patch text written inline (`patch: |-`), when it is not a file. */
  inline?: EmbeddedText;
  /** `target:` of the entry; absent for strategic-merge patches, which name their target. */
  target?: PatchTarget;
}

/** An entry of `replicas:` (ReplicaCountTransformer). */
export interface ReplicasEntry {
  name: string;
  at: NodePath;
}

/** An entry of `images:` (ImageTagTransformer). */
export interface ImagesEntry {
  name: string;
  newName?: string;
  at: NodePath;
  /** The key of the entry that sets the written value: `newTag`, `digest`, `tagSuffix` or `newName`. */
  sets: string | undefined;
}

/** A label or annotation a kustomization adds (`commonLabels`, `labels`, `commonAnnotations`). */
export interface MetadataEntry {
  key: string;
  at: NodePath;
  /** Also written into selectors (`commonLabels`, `labels[].includeSelectors`). */
  selectors: boolean;
  /** Also written into pod templates and claim templates (`commonLabels`, `includeSelectors`, `includeTemplates`). */
  templates: boolean;
}

/** A ConfigMap or Secret a generator of the kustomization makes. */
export interface GeneratorEntry {
  kind: 'ConfigMapGenerator' | 'SecretGenerator';
  name: string;
  at: NodePath;
}

/**
 * A kustomization file as stslint reads it: what it references and what it writes into the objects
 * it builds, each with the node path of the entry in the file so that findings can point at it.
 * Reading it never runs kustomize and never follows references; it is the input of
 * `KustomizeTrees` (which files belong to which build) and of the source map of built objects.
 * See https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/.
 */
export interface Kustomization {
  file: SourceFile;
  /** Absolute folder of the file: references are relative to it. */
  directory: string;
  /** `kind: Component` (a reusable piece listed under `components`). */
  isComponent: boolean;
  /** Where the file's entries are written (`locate`); `undefined` when it does not parse. */
  positions: ObjectPositions | undefined;
  /** A YAML problem that makes the file unreadable (kustomize fails on it too). */
  syntaxError?: string;
  references: KustomizationReference[];
  /** Every patch, in application order. */
  patches: KustomizePatch[];
  namespace?: { value: string; at: NodePath };
  namePrefix?: { value: string; at: NodePath };
  nameSuffix?: { value: string; at: NodePath };
  replicas: ReplicasEntry[];
  images: ImagesEntry[];
  labels: MetadataEntry[];
  annotations: MetadataEntry[];
  generators: GeneratorEntry[];
  /** Whether it lists `helmCharts` (kustomize renders them only with `--enable-helm`; stslint never does). */
  helmCharts: boolean;
}

/** Reads a kustomization file. Never throws: a file that does not parse has no entries and a `syntaxError`. */
export function readKustomization(file: SourceFile): Kustomization {
  const directory = path.dirname(file.path);
  const lineCounter = new LineCounter();
  const document = parseDocument(file.text, { ...KUBE_YAML_OPTIONS, lineCounter });
  const empty: Kustomization = {
    file,
    directory,
    isComponent: false,
    positions: undefined,
    references: [],
    patches: [],
    replicas: [],
    images: [],
    labels: [],
    annotations: [],
    generators: [],
    helmCharts: false,
  };
  const fatal = document.errors.find((error) => error.code !== 'DUPLICATE_KEY');
  if (fatal) return { ...empty, syntaxError: fatal.message.split('\n')[0] };
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  if (!isRecord(value) || !isMap(document.contents)) return empty;
  const root = { root: document.contents as Node, lineCounter };
  const resolve = (written: string) => path.resolve(directory, written);
  const references: KustomizationReference[] = [];
  const refer = (role: ReferenceRole, written: unknown, at: NodePath) => {
    if (typeof written !== 'string' || written.trim() === '') return;
    references.push({ role, written, path: resolve(written), remote: isRemote(written, resolve(written)), at });
  };
  for (const field of ['resources', 'bases'] as const) asArray(value[field]).forEach((entry, i) => refer('resource', entry, [field, i]));
  asArray(value.components).forEach((entry, i) => refer('component', entry, ['components', i]));
  for (const field of ['crds', 'configurations', 'generators', 'transformers', 'validators'] as const) {
    asArray(value[field]).forEach((entry, i) => refer('input', entry, [field, i]));
  }
  asArray(value.replacements).forEach((entry, i) => isRecord(entry) && refer('input', entry.path, ['replacements', i, 'path']));
  if (isRecord(value.openapi)) refer('input', value.openapi.path, ['openapi', 'path']);
  const generators: GeneratorEntry[] = [];
  for (const [field, kind] of [['configMapGenerator', 'ConfigMapGenerator'], ['secretGenerator', 'SecretGenerator']] as const) {
    asArray(value[field]).forEach((entry, i) => {
      if (!isRecord(entry)) return;
      const name = asString(entry.name);
      if (name) generators.push({ kind, name, at: [field, i] });
      asArray(entry.files).forEach((source, j) => refer('input', typeof source === 'string' ? source.replace(/^[^=]*=/, '') : source, [field, i, 'files', j]));
      asArray(entry.envs).forEach((source, j) => refer('input', source, [field, i, 'envs', j]));
      refer('input', entry.env, [field, i, 'env']);
    });
  }
  const patches = readPatches(value, root, file, resolve);
  for (const patch of patches) if (patch.file) refer('patch', written(value, patch.at), [...patch.at, ...(patch.phase === 'patchesStrategicMerge' ? [] : ['path'])]);
  return {
    ...empty,
    isComponent: value.kind === 'Component',
    positions: objectPositions(document.contents, lineCounter.lineStarts),
    references,
    patches,
    ...(typeof value.namespace === 'string' && value.namespace !== '' ? { namespace: { value: value.namespace, at: ['namespace'] } } : {}),
    ...(typeof value.namePrefix === 'string' && value.namePrefix !== '' ? { namePrefix: { value: value.namePrefix, at: ['namePrefix'] } } : {}),
    ...(typeof value.nameSuffix === 'string' && value.nameSuffix !== '' ? { nameSuffix: { value: value.nameSuffix, at: ['nameSuffix'] } } : {}),
    replicas: asArray(value.replicas).flatMap((entry, i) =>
      isRecord(entry) && typeof entry.name === 'string' ? [{ name: entry.name, at: ['replicas', i, 'count'] }] : [],
    ),
    images: asArray(value.images).flatMap((entry, i): ImagesEntry[] => {
      if (!isRecord(entry) || typeof entry.name !== 'string') return [];
      const sets = ['newTag', 'digest', 'tagSuffix', 'newName'].find((key) => entry[key] !== undefined && entry[key] !== null);
      return [{ name: entry.name, ...(typeof entry.newName === 'string' ? { newName: entry.newName } : {}), sets, at: ['images', i] }];
    }),
    labels: [
      ...metadataEntries(value.commonLabels, ['commonLabels'], true, true),
      ...asArray(value.labels).flatMap((entry, i) => {
        if (!isRecord(entry)) return [];
        const selectors = entry.includeSelectors === true;
        return metadataEntries(entry.pairs, ['labels', i, 'pairs'], selectors, selectors || entry.includeTemplates === true);
      }),
    ],
    annotations: metadataEntries(value.commonAnnotations, ['commonAnnotations'], false, true),
    generators,
    helmCharts: asArray(value.helmCharts).length > 0,
  };
}

function readPatches(value: Record<string, unknown>, root: { root: Node; lineCounter: LineCounter }, file: SourceFile, resolve: (written: string) => string): KustomizePatch[] {
  const patches: KustomizePatch[] = [];
  const inline = (at: NodePath) => embeddedText(file, root, at);
  asArray(value.patchesStrategicMerge).forEach((entry, i) => {
    if (typeof entry !== 'string') return;
    const at = ['patchesStrategicMerge', i];
    // kustomize reads an entry as a file path unless it is YAML written inline.
    if (/\n/.test(entry.trim()) || /^\s*[{[]/.test(entry)) patches.push({ phase: 'patchesStrategicMerge', at, inline: inline(at) });
    else patches.push({ phase: 'patchesStrategicMerge', at, file: resolve(entry) });
  });
  for (const phase of ['patches', 'patchesJson6902'] as const) {
    asArray(value[phase]).forEach((entry, i) => {
      if (!isRecord(entry)) return;
      const at = [phase, i];
      const target = patchTargetOf(entry.target);
      const base = { phase, at, ...(target ? { target } : {}) };
      if (typeof entry.path === 'string') patches.push({ ...base, file: resolve(entry.path) });
      else if (typeof entry.patch === 'string') patches.push({ ...base, inline: inline([...at, 'patch']) });
    });
  }
  return patches;
}

function metadataEntries(map: unknown, at: NodePath, selectors: boolean, templates: boolean): MetadataEntry[] {
  if (!isRecord(map)) return [];
  return Object.keys(map).map((key) => ({ key, at: [...at, key], selectors, templates }));
}

function written(value: Record<string, unknown>, at: NodePath): string {
  const node = fieldAt(value, at);
  if (isRecord(node)) return asString(node.path) ?? '';
  return asString(node) ?? '';
}

/**
 * Whether kustomize would fetch a reference: it is not a local path that exists, and it looks like
 * a URL or a repository (`https://`, `git::`, `git@host:`, `ssh://`, `github.com/…`, any
 * `host.tld/…`), as kustomize's `RepoSpec` parsing accepts.
 */
function isRemote(written: string, resolved: string): boolean {
  if (existsSync(resolved)) return false;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(written) || /^(git::|git@|gh:)/.test(written) || /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\//i.test(written);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
