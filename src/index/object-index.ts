import type { ManifestDocument } from '../parser/manifest-document.js';
import type { ObjectRef } from '../parser/object-ref.js';
import { CLUSTER_SCOPED, groupKindKey, groupOf, type GroupKind } from '../k8s/group-kind.js';

/** Options of {@link ObjectIndex}. */
export interface ObjectIndexOptions {
  /**
   * Namespace of objects without `metadata.namespace` (`--namespace`). Defaults to `default`, the
   * namespace `kubectl apply` uses without `-n` (statefulset-semantics §2.6).
   */
  namespace?: string;
}

/** The namespace used when neither the object nor the run names one. */
export const DEFAULT_NAMESPACE = 'default';

/**
 * Every Kubernetes object of a run (all files, stdin), built once before any rule runs.
 *
 * Namespaces are normalised here and nowhere else: an object without `metadata.namespace` is in
 * `options.namespace`, else `default`. Lookups go by API group and kind ({@link GroupKind}), and
 * keep input order so that results are deterministic.
 *
 * Every lookup is answered from maps built once, by kind, by kind and namespace, and by kind,
 * namespace and name, so that a run costs time linear in its objects. Relationships that need more
 * (Services by selector, PersistentVolumes by claim) build their own maps on first use with
 * {@link ObjectIndex.derived}.
 */
export class ObjectIndex {
  /** The namespace given to objects that name none. */
  readonly defaultNamespace: string;
  /** All objects, in input order. */
  readonly all: readonly ManifestDocument[];
  private readonly byKind = new Map<string, ManifestDocument[]>();
  private readonly byKindNamespace = new Map<string, ManifestDocument[]>();
  private readonly byName = new Map<string, ManifestDocument[]>();
  private readonly positions = new Map<ManifestDocument, number>();
  private readonly derivedValues = new Map<(index: ObjectIndex) => unknown, unknown>();

  constructor(documents: readonly ManifestDocument[], options: ObjectIndexOptions = {}) {
    this.defaultNamespace = options.namespace || DEFAULT_NAMESPACE;
    this.all = documents;
    documents.forEach((document, position) => {
      const kindKey = groupKindKey({ group: groupOf(document.apiVersion), kind: document.kind });
      const namespace = this.namespaceOf(document);
      this.positions.set(document, position);
      push(this.byKind, kindKey, document);
      push(this.byKindNamespace, this.namespaceKey(kindKey, namespace), document);
      push(this.byName, this.nameKey(kindKey, namespace, document.name), document);
    });
  }

  /** The namespace the object lives in: `metadata.namespace`, else the run's default. */
  namespaceOf(document: ManifestDocument): string {
    return document.declaredNamespace ?? this.defaultNamespace;
  }

  /** The object's identity with its namespace defaulted. */
  refOf(document: ManifestDocument): ObjectRef {
    const { apiVersion, kind, name } = document;
    return { apiVersion, kind, name, namespace: this.namespaceOf(document) };
  }

  /** True when at least one object of this kind was given: tells "none given" from "none matches". */
  has(groupKind: GroupKind): boolean {
    return this.byKind.has(groupKindKey(groupKind));
  }

  /** All objects of a kind, in input order. */
  ofKind(groupKind: GroupKind): readonly ManifestDocument[] {
    return this.byKind.get(groupKindKey(groupKind)) ?? [];
  }

  /** Objects of a kind in one namespace, in input order (all of them for cluster-scoped kinds). */
  inNamespace(groupKind: GroupKind, namespace: string): readonly ManifestDocument[] {
    const kindKey = groupKindKey(groupKind);
    if (CLUSTER_SCOPED.has(kindKey)) return this.ofKind(groupKind);
    return this.byKindNamespace.get(this.namespaceKey(kindKey, namespace)) ?? [];
  }

  /**
   * Objects of a kind with this name in this namespace (the namespace is ignored for cluster-scoped
   * kinds). Several results mean variants of one object, e.g. overlays in one folder.
   */
  named(groupKind: GroupKind, namespace: string, name: string): readonly ManifestDocument[] {
    return this.byName.get(this.nameKey(groupKindKey(groupKind), namespace, name)) ?? [];
  }

  /**
   * A value derived from the whole index (a map of Services by selector, a cache of resolutions),
   * built by `build` on first use and kept for the life of the index. `build` must be a stable
   * function (declared once at module level): it is the cache key.
   */
  derived<T>(build: (index: ObjectIndex) => T): T {
    if (!this.derivedValues.has(build)) this.derivedValues.set(build, build(this));
    return this.derivedValues.get(build) as T;
  }

  /** Sorts objects of this index into input order (for results gathered from several maps). */
  inInputOrder(documents: Iterable<ManifestDocument>): ManifestDocument[] {
    return [...documents].sort((a, b) => (this.positions.get(a) ?? 0) - (this.positions.get(b) ?? 0));
  }

  private namespaceKey(kindKey: string, namespace: string): string {
    return `${kindKey}\u0000${namespace}`;
  }

  private nameKey(kindKey: string, namespace: string, name: string): string {
    const scope = CLUSTER_SCOPED.has(kindKey) ? '' : namespace;
    return `${kindKey}\u0000${scope}\u0000${name}`;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Among variants of one object (same kind, namespace and name, e.g. overlays in one folder), the
 * ones in the same file as `reader` when there are any, else all of them (core-rules, "Terms and
 * input handling"). Rules then pass a check when any returned variant lets it pass.
 */
export function preferSameFile(variants: readonly ManifestDocument[], reader: ManifestDocument): readonly ManifestDocument[] {
  const sameFile = variants.filter((variant) => variant.file.path === reader.file.path);
  return sameFile.length > 0 ? sameFile : variants;
}
