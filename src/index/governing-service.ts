/**
 * The governing Service of a StatefulSet: which Service of the inputs gives its pods their DNS
 * names, or why none does (statefulset-semantics §2.2–§2.3).
 */
import type { ManifestDocument } from '../parser/manifest-document.js';
import { asRecord, scalarString } from '../k8s/plain-value.js';
import { SERVICE, ENDPOINTS, ENDPOINT_SLICE } from '../k8s/group-kind.js';
import { matchServiceSelector } from '../k8s/label-selector.js';
import { ENDPOINT_SLICE_SERVICE_NAME_LABEL, isHeadless, isSelectorless } from '../k8s/services.js';
import { anchoredCandidates, fileByAnchor, labelMapAnchor, type LabelAnchors } from './label-anchors.js';
import { preferSameFile, type ObjectIndex } from './object-index.js';

/**
 * How a StatefulSet's `spec.serviceName` resolves against the Services of the inputs. Exactly one
 * status applies, so the four governing-Service rules never report the same problem twice:
 *
 * - `governed`: the named Service is in the namespace, selects the pods and is headless; or it has
 *   no selector and its Endpoints or EndpointSlice is in the inputs (an application-managed leader
 *   Service, as Patroni and Spilo keep: its members find each other through their own store, not
 *   per-pod DNS, core-rules `governing-service-not-headless`); or `serviceName` is unset and a
 *   headless Service in the namespace selects the pods.
 * - `missing`: nothing governs the pods (`governing-service-missing`).
 * - `misnamed`: `serviceName` names no Service in the namespace, but a headless Service there
 *   selects the pods (`service-name-mismatch`, with that Service as the suggestion).
 * - `other-namespace`: a Service of that name exists only in other namespaces (`service-name-mismatch`).
 * - `not-selecting`: the named Service exists but selects other pods, or has no selector and no
 *   Endpoints/EndpointSlice in the inputs (`service-name-mismatch`).
 * - `not-headless`: the named Service selects the pods through its selector but has a cluster IP
 *   (`governing-service-not-headless`).
 *
 * Per-pod DNS needs a headless Service named by `spec.serviceName`, in the StatefulSet's namespace,
 * that selects its pods (statefulset-semantics §2.2–§2.3; kubernetes.io StatefulSet "Stable Network ID").
 */
export type GoverningServiceResolution =
  | { status: 'governed'; services: readonly ManifestDocument[] }
  | { status: 'missing'; serviceName: string; anyServiceGiven: boolean }
  | { status: 'misnamed'; serviceName: string; candidates: readonly ManifestDocument[] }
  | { status: 'other-namespace'; serviceName: string; services: readonly ManifestDocument[] }
  | { status: 'not-selecting'; serviceName: string; services: readonly ManifestDocument[] }
  | { status: 'not-headless'; serviceName: string; services: readonly ManifestDocument[] };

/**
 * Resolves the governing Service of a StatefulSet. Several Services with the same name in the
 * namespace are variants: the ones in the StatefulSet's file are used if any, and the StatefulSet
 * passes a check when any variant lets it pass (core-rules, "Terms and input handling").
 */
export function resolveGoverningService(index: ObjectIndex, statefulSet: ManifestDocument): GoverningServiceResolution {
  const cache = index.derived(resolutionCache);
  let resolution = cache.get(statefulSet);
  if (resolution === undefined) {
    resolution = resolve(index, statefulSet);
    cache.set(statefulSet, resolution);
  }
  return resolution;
}

/** Resolutions already made: several rules ask about the same StatefulSet. */
function resolutionCache(): WeakMap<ManifestDocument, GoverningServiceResolution> {
  return new WeakMap();
}

function resolve(index: ObjectIndex, statefulSet: ManifestDocument): GoverningServiceResolution {
  const namespace = index.namespaceOf(statefulSet);
  const spec = asRecord(statefulSet.object.spec);
  const podLabels = asRecord(asRecord(asRecord(spec.template).metadata).labels);
  const serviceName = scalarString(spec.serviceName) ?? '';
  const headlessSelecting = findHeadlessServicesSelecting(index, namespace, podLabels);
  if (serviceName === '') {
    if (headlessSelecting.length > 0) return { status: 'governed', services: headlessSelecting };
    return { status: 'missing', serviceName, anyServiceGiven: index.has(SERVICE) };
  }
  const named = preferSameFile(index.named(SERVICE, namespace, serviceName), statefulSet);
  if (named.length === 0) {
    if (headlessSelecting.length > 0) return { status: 'misnamed', serviceName, candidates: headlessSelecting };
    const elsewhere = index.derived(servicesByName).get(serviceName) ?? [];
    if (elsewhere.length > 0) return { status: 'other-namespace', serviceName, services: elsewhere };
    return { status: 'missing', serviceName, anyServiceGiven: index.has(SERVICE) };
  }
  const selecting = named.filter((service) => selectsPods(index, namespace, service, podLabels));
  if (selecting.length === 0) return { status: 'not-selecting', serviceName, services: named };
  const headless = selecting.filter((service) => isHeadless(service.object));
  if (headless.length > 0) return { status: 'governed', services: headless };
  // Selecting without a selector means endpoints managed in the inputs (`selectsPods`).
  const leader = selecting.filter((service) => isSelectorless(service.object));
  if (leader.length > 0) return { status: 'governed', services: leader };
  return { status: 'not-headless', serviceName, services: selecting };
}

/** A Service selects the pods through its selector, or has none and endpoints managed by others. */
function selectsPods(index: ObjectIndex, namespace: string, service: ManifestDocument, podLabels: unknown): boolean {
  if (isSelectorless(service.object)) return hasManagedEndpoints(index, namespace, service.name);
  return matchServiceSelector(asRecord(service.object.spec).selector, podLabels);
}

/**
 * Headless Services in `namespace` whose `spec.selector` selects pods with these labels, in input
 * order. These are the Services that could govern a StatefulSet's pods. Answered from the
 * namespace's headless Services filed by selector (`label-anchors.ts`).
 */
export function findHeadlessServicesSelecting(index: ObjectIndex, namespace: string, podLabels: unknown): ManifestDocument[] {
  const byNamespace = index.derived(headlessServicesBySelector);
  let anchors = byNamespace.get(namespace);
  if (anchors === undefined) {
    const headless = index.inNamespace(SERVICE, namespace).filter((service) => isHeadless(service.object));
    anchors = fileByAnchor(headless, (service) => labelMapAnchor(asRecord(service.object.spec).selector));
    byNamespace.set(namespace, anchors);
  }
  return anchoredCandidates(index, anchors, podLabels).filter((service) => matchServiceSelector(asRecord(service.object.spec).selector, podLabels));
}

/** Per namespace, its headless Services filed by selector; filled namespace by namespace. */
function headlessServicesBySelector(): Map<string, LabelAnchors> {
  return new Map();
}

/** Services of every namespace by name, in input order. */
function servicesByName(index: ObjectIndex): Map<string, ManifestDocument[]> {
  const byName = new Map<string, ManifestDocument[]>();
  for (const service of index.ofKind(SERVICE)) {
    const list = byName.get(service.name);
    if (list) list.push(service);
    else byName.set(service.name, [service]);
  }
  return byName;
}

/**
 * True when the inputs hold an Endpoints object named after the Service, or an EndpointSlice
 * labelled `kubernetes.io/service-name: <service>`, in the namespace: a selector-less Service whose
 * endpoints something else manages (Patroni does this) still gets DNS records.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors
 */
export function hasManagedEndpoints(index: ObjectIndex, namespace: string, serviceName: string): boolean {
  if (index.named(ENDPOINTS, namespace, serviceName).length > 0) return true;
  return index.derived(slicedServices).has(`${namespace}\u0000${serviceName}`);
}

/** `<namespace>\0<service>` of every Service that an EndpointSlice of the inputs names. */
function slicedServices(index: ObjectIndex): Set<string> {
  const names = new Set<string>();
  for (const slice of index.ofKind(ENDPOINT_SLICE)) {
    const serviceName = asRecord(asRecord(slice.object.metadata).labels)[ENDPOINT_SLICE_SERVICE_NAME_LABEL];
    if (typeof serviceName === 'string') names.add(`${index.namespaceOf(slice)}\u0000${serviceName}`);
  }
  return names;
}
