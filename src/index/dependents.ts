/**
 * Who depends on what: the objects of the inputs a StatefulSet's checks read, and, the other way
 * round, the StatefulSets whose findings can change when one of those objects changes. The CLI
 * lints such dependents of the linted files' objects, and the language server re-lints the open
 * documents that hold them.
 */
import type { ManifestDocument } from '../parser/manifest-document.js';
import type { ParsedFile } from '../parser/parse-documents.js';
import {
  CONFIG_MAP,
  ENDPOINTS,
  ENDPOINT_SLICE,
  PERSISTENT_VOLUME,
  PERSISTENT_VOLUME_CLAIM,
  POD_DISRUPTION_BUDGET,
  SERVICE,
  STATEFUL_SET,
  STORAGE_CLASS,
  groupKindKey,
  groupOf,
} from '../k8s/group-kind.js';
import { matchServiceSelector } from '../k8s/label-selector.js';
import { asRecord, scalarString } from '../k8s/plain-value.js';
import { podTemplateLabels } from '../k8s/pod-template.js';
import { ENDPOINT_SLICE_SERVICE_NAME_LABEL } from '../k8s/services.js';
import { claimTemplates, isClaimNameOf } from '../k8s/stateful-set.js';
import { claimTemplateStorageClass } from '../k8s/storage.js';
import { findPersistentVolumesForClaim } from './claim-storage.js';
import { findMountedConfigMaps } from './config-maps.js';
import { findPodDisruptionBudgets } from './disruption-budgets.js';
import type { ObjectIndex } from './object-index.js';

/**
 * The kinds a StatefulSet can depend on ({@link findDependencies}): Service, Endpoints,
 * EndpointSlice, PersistentVolume, PersistentVolumeClaim, StorageClass, ConfigMap and
 * PodDisruptionBudget, by API group and kind. A file without any of them cannot change another
 * file's findings: the language server passes only files that hold one as context
 * (`test/lsp/referenced-kinds.test.ts` checks on the corpus that the other kinds change nothing).
 */
export const DEPENDENCY_KINDS: ReadonlySet<string> = new Set(
  [SERVICE, ENDPOINTS, ENDPOINT_SLICE, PERSISTENT_VOLUME, PERSISTENT_VOLUME_CLAIM, STORAGE_CLASS, CONFIG_MAP, POD_DISRUPTION_BUDGET].map(groupKindKey),
);

/** True when the object is of a {@link DEPENDENCY_KINDS} kind (API group included). */
export function isDependencyKind(document: ManifestDocument): boolean {
  return DEPENDENCY_KINDS.has(groupKindKey({ group: groupOf(document.apiVersion), kind: document.kind }));
}

/** True when a parsed file holds at least one object of a {@link DEPENDENCY_KINDS} kind (`kind: List` items counted). */
export function holdsDependencies(parsed: ParsedFile): boolean {
  return parsed.documents.some(isDependencyKind);
}

/**
 * The objects of the index a StatefulSet depends on, each once, in this order:
 *
 * - Services in its namespace named by `spec.serviceName` or selecting its pods (template labels),
 *   Services of that name in other namespaces (`service-name-mismatch` names them), and the
 *   Endpoints and EndpointSlices of the named Service (`hasManagedEndpoints`);
 * - per claim template, the StorageClass it names (`findStorageClass`), the PersistentVolumes its
 *   claims could bind to (`findPersistentVolumesForClaim`), and the PersistentVolumeClaims named
 *   as its claims (`<template>-<statefulSet>-<ordinal>`) in its namespace;
 * - the ConfigMaps its pods mount or read (`findMountedConfigMaps`);
 * - the PodDisruptionBudgets in its namespace whose `spec.selector` selects its pods
 *   (`findPodDisruptionBudgets`), or, when none does, every PodDisruptionBudget of the inputs.
 *
 * All variants of an object count (an overlay's copy of a Service is a dependency too).
 */
export function findDependencies(index: ObjectIndex, statefulSet: ManifestDocument): ManifestDocument[] {
  const namespace = index.namespaceOf(statefulSet);
  const podLabels = podTemplateLabels(statefulSet.object);
  const serviceName = scalarString(asRecord(statefulSet.object.spec).serviceName) ?? '';
  const found = new Set<ManifestDocument>();
  const add = (documents: Iterable<ManifestDocument>) => {
    for (const document of documents) found.add(document);
  };
  for (const service of index.ofKind(SERVICE)) {
    const named = serviceName !== '' && service.name === serviceName;
    const selects = index.namespaceOf(service) === namespace && matchServiceSelector(asRecord(service.object.spec).selector, podLabels);
    if (named || selects) found.add(service);
  }
  if (serviceName !== '') {
    add(index.named(ENDPOINTS, namespace, serviceName));
    add(index.inNamespace(ENDPOINT_SLICE, namespace).filter((slice) => asRecord(asRecord(slice.object.metadata).labels)[ENDPOINT_SLICE_SERVICE_NAME_LABEL] === serviceName));
  }
  const claims = index.inNamespace(PERSISTENT_VOLUME_CLAIM, namespace);
  for (const { claimTemplate, name } of claimTemplates(statefulSet.object)) {
    const storageClassName = claimTemplateStorageClass(claimTemplate)?.name;
    if (storageClassName !== undefined && storageClassName !== '') add(index.named(STORAGE_CLASS, namespace, storageClassName));
    for (const volume of findPersistentVolumesForClaim(index, { statefulSet, claimTemplate, storageClassName })) add(volume.variants);
    if (name !== undefined) add(claims.filter((claim) => isClaimNameOf(claim.name, name, statefulSet.name)));
  }
  add(findMountedConfigMaps(index, statefulSet).found);
  // The budgets that select its pods; when none does, any budget of the inputs can change whether
  // pod-disruption-budget-missing speaks (it stays silent while no budget at all is given).
  const budgets = findPodDisruptionBudgets(index, statefulSet);
  add(budgets.length > 0 ? budgets : index.ofKind(POD_DISRUPTION_BUDGET));
  return [...found];
}

/**
 * The StatefulSets of the index that depend on at least one of `objects` ({@link findDependencies}),
 * in index order, each with the objects of `objects` it depends on (in the order of
 * {@link findDependencies}). The given objects themselves are never their own dependents.
 */
export function findDependents(index: ObjectIndex, objects: Iterable<ManifestDocument>): Map<ManifestDocument, ManifestDocument[]> {
  const changed = new Set([...objects].filter(isDependencyKind));
  const dependents = new Map<ManifestDocument, ManifestDocument[]>();
  if (changed.size === 0) return dependents;
  for (const statefulSet of index.ofKind(STATEFUL_SET)) {
    const reasons = findDependencies(index, statefulSet).filter((dependency) => changed.has(dependency));
    if (reasons.length > 0) dependents.set(statefulSet, reasons);
  }
  return dependents;
}

