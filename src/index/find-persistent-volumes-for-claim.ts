import type { ManifestDocument } from '../parser/manifest-document.js';
import { asRecord, isRecord, scalarString } from '../parser/plain-value.js';
import { PERSISTENT_VOLUME } from './group-kind.js';
import { isEmptyLabelSelector, matchLabelSelector } from './label-selector.js';
import type { ObjectIndex } from './object-index.js';
import { persistentVolumeStorageClass } from './persistent-volume-storage-class.js';
import { preferSameFile } from './prefer-same-file.js';

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
 * StatefulSet's `spec.volumeClaimTemplates`) could bind to, after the PersistentVolume
 * controller's matching (statefulset-semantics §3.2), simplified:
 *
 * - a volume whose `spec.claimRef` names one of the template's claims
 *   (`<template>-<statefulSet>-<ordinal>` in the StatefulSet's namespace) is pre-bound to it, and
 *   binds whatever its class or labels;
 * - a volume whose `claimRef` names another claim (or no namespace) never binds;
 * - with `spec.volumeName`, only the volume of that name binds;
 * - otherwise, with a non-empty `spec.selector`, the volumes whose labels it matches
 *   (`matchLabelSelector`), and without one, the volumes of the claim's class (an unset class gives
 *   none: the cluster's default class is unknown);
 * - when the claim names a class (`query.storageClassName`), a volume's class
 *   (`persistentVolumeStorageClass`) must equal it, and `""` matches class-less volumes only; an
 *   unset class does not constrain `volumeName` or `selector`.
 *
 * Capacity, access modes and volume modes are not compared. Volumes of one name are variants: those
 * in the StatefulSet's file are used when there are any, and a name is returned only when every one
 * of its variants could bind, so a variant that lets the claim pass is never outvoted. In input order.
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#binding
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reserving-a-persistentvolume
 */
export function findPersistentVolumesForClaim(index: ObjectIndex, query: ClaimTemplateQuery): PersistentVolumeVariants[] {
  const claim = claimOf(index, query);
  const names = [...new Set(index.ofKind(PERSISTENT_VOLUME).map((volume) => volume.name))];
  const result: PersistentVolumeVariants[] = [];
  for (const name of names) {
    const variants = preferSameFile(index.named(PERSISTENT_VOLUME, index.defaultNamespace, name), query.statefulSet);
    if (variants.every((volume) => couldBind(claim, volume.object))) result.push({ name, variants });
  }
  return result;
}

interface Claim {
  /** Matches the names of the template's claims. */
  claimName: RegExp | undefined;
  namespace: string;
  className: string | undefined;
  volumeName: string | undefined;
  selector: unknown;
}

function claimOf(index: ObjectIndex, { statefulSet, claimTemplate, storageClassName }: ClaimTemplateQuery): Claim {
  const spec = asRecord(asRecord(claimTemplate).spec);
  const templateName = scalarString(asRecord(asRecord(claimTemplate).metadata).name);
  const volumeName = scalarString(spec.volumeName);
  return {
    claimName: templateName ? new RegExp(`^${escapeRegExp(`${templateName}-${statefulSet.name}-`)}(?:0|[1-9][0-9]*)$`) : undefined,
    namespace: index.namespaceOf(statefulSet),
    className: storageClassName,
    volumeName: volumeName === '' ? undefined : volumeName,
    selector: isEmptyLabelSelector(spec.selector) ? undefined : spec.selector,
  };
}

function couldBind(claim: Claim, volume: Record<string, unknown>): boolean {
  const spec = asRecord(volume.spec);
  if (isRecord(spec.claimRef)) {
    const name = scalarString(spec.claimRef.name) ?? '';
    return claim.claimName !== undefined && claim.claimName.test(name) && spec.claimRef.namespace === claim.namespace;
  }
  if (claim.className !== undefined && persistentVolumeStorageClass(volume) !== claim.className) return false;
  if (claim.volumeName !== undefined) return scalarString(asRecord(volume.metadata).name) === claim.volumeName;
  if (claim.selector !== undefined) return matchLabelSelector(claim.selector, asRecord(volume.metadata).labels).matches;
  return claim.className !== undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
