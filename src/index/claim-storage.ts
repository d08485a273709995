/**
 * The storage objects of the inputs a StatefulSet's claim templates use: the StorageClass a claim
 * template names and the PersistentVolumes its claims could bind to (statefulset-semantics §3.2).
 */
import type { ManifestDocument } from '../parser/manifest-document.js';
import { PERSISTENT_VOLUME, PERSISTENT_VOLUME_CLAIM, STORAGE_CLASS } from '../k8s/group-kind.js';
import { asRecord, isRecord, scalarString } from '../k8s/plain-value.js';
import { isClaimNameOf } from '../k8s/stateful-set.js';
import {
  claimBindingRequest,
  claimTemplateStorageClass,
  persistentVolumeCouldBind,
  persistentVolumeStorageClass,
  type ClaimBindingRequest,
} from '../k8s/storage.js';
import { preferSameFile, type ObjectIndex } from './object-index.js';

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

/** The claim template whose PersistentVolumes are looked for. */
export interface ClaimTemplateQuery {
  /** The StatefulSet: its name and namespace name the claims, and its file is preferred among variants. */
  statefulSet: ManifestDocument;
  /** One entry of the StatefulSet's `spec.volumeClaimTemplates`, shape not trusted. */
  claimTemplate: unknown;
  /** The template's class (`claimTemplateStorageClass(...)?.name`), `undefined` when unset. */
  storageClassName: string | undefined;
}

/** A PersistentVolume name a claim template could bind to, with its variants. */
export interface PersistentVolumeVariants {
  name: string;
  /** The variants of that name (the StatefulSet's file preferred), in input order; each could bind. */
  variants: readonly ManifestDocument[];
}

/**
 * The PersistentVolumes of the inputs that the claims of a claim template (one entry of the
 * StatefulSet's `spec.volumeClaimTemplates`) could bind to, by the PersistentVolume controller's
 * matching as `persistentVolumeCouldBind` (src/k8s/storage.ts) simplifies it: a `claimRef` to one
 * of the template's claims, `volumeName`, `selector`, or the claim's class.
 *
 * Volumes of one name are variants: those in the StatefulSet's file are used when there are any,
 * and a name is returned only when every one of its variants could bind, so a variant that lets the
 * claim pass is never outvoted. In input order.
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#binding
 */
export function findPersistentVolumesForClaim(index: ObjectIndex, query: ClaimTemplateQuery): PersistentVolumeVariants[] {
  const request = {
    ...claimBindingRequest(query.claimTemplate, query.statefulSet.name, index.namespaceOf(query.statefulSet)),
    storageClassName: query.storageClassName,
  };
  return persistentVolumesFor(index, request, query.statefulSet);
}

/**
 * The PersistentVolumeClaims of the inputs that the StatefulSet's controller would take as the
 * claims of a claim template instead of creating them: named `<template>-<statefulSet>-<ordinal>`
 * (`isClaimNameOf`), in the StatefulSet's namespace, for any ordinal (claims for ordinals above
 * the current ones are used once the StatefulSet scales up). Claims of one name are variants:
 * those in the StatefulSet's file are used when there are any. In input order.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-storage
 */
export function findPreCreatedClaims(index: ObjectIndex, statefulSet: ManifestDocument, claimTemplateName: string): ManifestDocument[] {
  if (claimTemplateName === '' || statefulSet.name === '') return [];
  const namespace = index.namespaceOf(statefulSet);
  const prefix = `${claimTemplateName}-${statefulSet.name}`;
  const candidates = index.derived(claimsByPrefix).get(`${namespace}\u0000${prefix}`) ?? [];
  const names = [...new Set(candidates.map((claim) => claim.name))].filter((name) => isClaimNameOf(name, claimTemplateName, statefulSet.name));
  return index.inInputOrder(names.flatMap((name) => preferSameFile(index.named(PERSISTENT_VOLUME_CLAIM, namespace, name), statefulSet)));
}

/** PersistentVolumeClaims by `<namespace>\0<name up to its last dash>`. */
function claimsByPrefix(index: ObjectIndex): Map<string, ManifestDocument[]> {
  const byPrefix = new Map<string, ManifestDocument[]>();
  for (const claim of index.ofKind(PERSISTENT_VOLUME_CLAIM)) {
    const dash = claim.name.lastIndexOf('-');
    if (dash > 0) add(byPrefix, `${index.namespaceOf(claim)}\u0000${claim.name.slice(0, dash)}`, claim);
  }
  return byPrefix;
}

/**
 * The PersistentVolumes of the inputs that one PersistentVolumeClaim of the inputs (a claim
 * created beforehand for a StatefulSet, `findPreCreatedClaims`) could bind to, by its own
 * `volumeName`, `selector` or class, or a volume's `claimRef` to exactly this claim; matched and
 * chosen among variants as {@link findPersistentVolumesForClaim} does.
 */
export function findPersistentVolumesForPreCreatedClaim(index: ObjectIndex, statefulSet: ManifestDocument, claim: ManifestDocument): PersistentVolumeVariants[] {
  const namespace = index.namespaceOf(claim);
  const dash = claim.name.lastIndexOf('-');
  const request: ClaimBindingRequest = {
    ...claimBindingRequest(claim.object, statefulSet.name, namespace),
    // Pre-bound volumes are filed by the claim's name without its ordinal (see persistentVolumesByBinding).
    claimTemplateName: undefined,
    claimName: claim.name,
    storageClassName: claimTemplateStorageClass(claim.object)?.name,
  };
  const preBoundKey = dash > 0 ? `${namespace}\u0000${claim.name.slice(0, dash)}` : undefined;
  return persistentVolumesFor(index, request, statefulSet, preBoundKey);
}

/** The volumes a request could bind to, each name once with its variants (`reader`'s file preferred). */
function persistentVolumesFor(index: ObjectIndex, request: ClaimBindingRequest, reader: ManifestDocument, preBoundKey?: string): PersistentVolumeVariants[] {
  const volumes = index.derived(persistentVolumesByBinding);
  const key = preBoundKey ?? (request.claimTemplateName === undefined ? undefined : `${request.namespace}\u0000${request.claimTemplateName}-${request.statefulSetName}`);
  const candidates = [
    ...(key === undefined ? [] : (volumes.preBound.get(key) ?? [])),
    ...(request.volumeName !== undefined
      ? (volumes.unclaimedByName.get(request.volumeName) ?? [])
      : request.storageClassName !== undefined
        ? (volumes.unclaimedByClass.get(request.storageClassName) ?? [])
        : request.selector !== undefined
          ? volumes.unclaimed
          : []),
  ];
  const firstOfName = new Map<string, ManifestDocument>();
  for (const volume of candidates) if (!firstOfName.has(volume.name)) firstOfName.set(volume.name, index.named(PERSISTENT_VOLUME, index.defaultNamespace, volume.name)[0]!);
  const result: PersistentVolumeVariants[] = [];
  for (const first of index.inInputOrder(firstOfName.values())) {
    const variants = preferSameFile(index.named(PERSISTENT_VOLUME, index.defaultNamespace, first.name), reader);
    if (variants.every((volume) => persistentVolumeCouldBind(request, volume.object))) result.push({ name: first.name, variants });
  }
  return result;
}

/** The PersistentVolumes of the inputs filed by how a claim can reach them. */
interface PersistentVolumesByBinding {
  /** Volumes with a `claimRef` to `<prefix>-<ordinal>`, by `<claimRef namespace>\0<prefix>`. */
  preBound: Map<string, ManifestDocument[]>;
  /** Volumes without a `claimRef`. */
  unclaimed: ManifestDocument[];
  unclaimedByName: Map<string, ManifestDocument[]>;
  unclaimedByClass: Map<string, ManifestDocument[]>;
}

function persistentVolumesByBinding(index: ObjectIndex): PersistentVolumesByBinding {
  const volumes: PersistentVolumesByBinding = { preBound: new Map(), unclaimed: [], unclaimedByName: new Map(), unclaimedByClass: new Map() };
  for (const volume of index.ofKind(PERSISTENT_VOLUME)) {
    const claimRef = asRecord(asRecord(volume.object.spec).claimRef);
    if (isRecord(asRecord(volume.object.spec).claimRef)) {
      const name = scalarString(claimRef.name) ?? '';
      const dash = name.lastIndexOf('-');
      if (dash > 0 && typeof claimRef.namespace === 'string') add(volumes.preBound, `${claimRef.namespace}\u0000${name.slice(0, dash)}`, volume);
      continue;
    }
    volumes.unclaimed.push(volume);
    add(volumes.unclaimedByName, volume.name, volume);
    add(volumes.unclaimedByClass, persistentVolumeStorageClass(volume.object), volume);
  }
  return volumes;
}

function add(map: Map<string, ManifestDocument[]>, key: string, document: ManifestDocument): void {
  const list = map.get(key);
  if (list) list.push(document);
  else map.set(key, [document]);
}
