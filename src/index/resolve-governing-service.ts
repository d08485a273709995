import type { ManifestDocument } from '../parser/manifest-document.js';
import { asRecord, isRecord, scalarString } from '../parser/plain-value.js';
import { findHeadlessServicesSelecting } from './find-headless-services-selecting.js';
import { SERVICE } from './group-kind.js';
import { hasManagedEndpoints } from './has-managed-endpoints.js';
import { isHeadless } from './is-headless.js';
import { matchServiceSelector } from './label-selector.js';
import type { ObjectIndex } from './object-index.js';
import { preferSameFile } from './prefer-same-file.js';

/**
 * How a StatefulSet's `spec.serviceName` resolves against the Services of the inputs. Exactly one
 * status applies, so the four governing-Service rules never report the same problem twice:
 *
 * - `governed`: the named Service is in the namespace, selects the pods and is headless; or
 *   `serviceName` is unset and a headless Service in the namespace selects the pods.
 * - `missing`: nothing governs the pods (`governing-service-missing`).
 * - `misnamed`: `serviceName` names no Service in the namespace, but a headless Service there
 *   selects the pods (`service-name-mismatch`, with that Service as the suggestion).
 * - `other-namespace`: a Service of that name exists only in other namespaces (`service-name-mismatch`).
 * - `not-selecting`: the named Service exists but selects other pods, or has no selector and no
 *   Endpoints/EndpointSlice in the inputs (`service-name-mismatch`).
 * - `not-headless`: the named Service selects the pods but has a cluster IP
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
    const elsewhere = index.ofKind(SERVICE).filter((service) => service.name === serviceName);
    if (elsewhere.length > 0) return { status: 'other-namespace', serviceName, services: elsewhere };
    return { status: 'missing', serviceName, anyServiceGiven: index.has(SERVICE) };
  }
  const selecting = named.filter((service) => selectsPods(index, namespace, service, podLabels));
  if (selecting.length === 0) return { status: 'not-selecting', serviceName, services: named };
  const headless = selecting.filter((service) => isHeadless(service.object));
  if (headless.length === 0) return { status: 'not-headless', serviceName, services: selecting };
  return { status: 'governed', services: headless };
}

/** A Service selects the pods through its selector, or has none and endpoints managed by others. */
function selectsPods(index: ObjectIndex, namespace: string, service: ManifestDocument, podLabels: unknown): boolean {
  const selector = asRecord(service.object.spec).selector;
  const selectorless = !isRecord(selector) || Object.keys(selector).length === 0;
  if (selectorless) return hasManagedEndpoints(index, namespace, service.name);
  return matchServiceSelector(selector, podLabels);
}
