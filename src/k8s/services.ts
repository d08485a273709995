/**
 * Services as a StatefulSet's governing Service sees them: headless or not, and how a
 * selector-less Service gets endpoints (statefulset-semantics §2.2–§2.4).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/
 */
import { asArray, asRecord, isRecord, type PlainRecord } from './plain-value.js';
import { findMainContainer, podTemplateLabels } from './pod-template.js';

/** The label that ties an EndpointSlice to its Service (discovery.k8s.io/v1). */
export const ENDPOINT_SLICE_SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/**
 * True when a Service is headless: `spec.clusterIP: None` (or `spec.clusterIPs: [None]`). Only a
 * headless Service is guaranteed per-pod DNS records (`<pod>.<service>`) by the Kubernetes DNS
 * specification §2.4; CoreDNS also answering for ClusterIP Services is an implementation detail.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#headless-services
 */
export function isHeadless(service: unknown): boolean {
  const spec = asRecord(asRecord(service).spec);
  if (spec.clusterIP === 'None') return true;
  return spec.clusterIP === undefined && asArray(spec.clusterIPs)[0] === 'None';
}

/**
 * True when a Service has no selector (`spec.selector` absent, not a mapping, or empty): it gets
 * no endpoints from the endpoints controller, only those something else manages.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors
 */
export function isSelectorless(service: PlainRecord): boolean {
  const selector = asRecord(service.spec).selector;
  return !isRecord(selector) || Object.keys(selector).length === 0;
}

/**
 * A headless Service that governs a StatefulSet's pods, as a plain object to write into a manifest:
 * named `name`, in the StatefulSet's namespace when it declares one, `clusterIP: None`, selecting
 * the pods by the selector's `matchLabels` (stable labels, a subset of the pod template's) or else
 * by the template's labels, with a port for each port of the main container. `undefined` when
 * there is no label to select by.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id
 */
export function headlessServiceFor(statefulSet: PlainRecord, name: string): Record<string, unknown> | undefined {
  const matchLabels = asRecord(asRecord(asRecord(statefulSet.spec).selector).matchLabels);
  const labels = Object.keys(matchLabels).length > 0 ? matchLabels : podTemplateLabels(statefulSet);
  const selector = Object.fromEntries(Object.entries(labels).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])));
  if (Object.keys(selector).length === 0) return undefined;
  const namespace = asRecord(statefulSet.metadata).namespace;
  const ports = asArray(findMainContainer(statefulSet)?.container.ports).flatMap((port) => {
    const { name: portName, containerPort, protocol } = asRecord(port);
    if (typeof containerPort !== 'number') return [];
    return [{ ...(typeof portName === 'string' ? { name: portName } : {}), port: containerPort, ...(typeof protocol === 'string' && protocol !== 'TCP' ? { protocol } : {}) }];
  });
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(typeof namespace === 'string' ? { namespace } : {}) },
    spec: { clusterIP: 'None', selector, ...(ports.length > 0 ? { ports } : {}) },
  };
}

/** The annotation that did what `publishNotReadyAddresses` does before that field existed (statefulset-semantics §2.4). */
export const TOLERATE_UNREADY_ENDPOINTS_ANNOTATION = 'service.alpha.kubernetes.io/tolerate-unready-endpoints';

/**
 * True when a Service publishes its pods' addresses before they are Ready:
 * `spec.publishNotReadyAddresses: true`, or the legacy annotation
 * `service.alpha.kubernetes.io/tolerate-unready-endpoints: "true"`. Only then can the members of a
 * quorum-first store resolve each other's `<pod>.<service>` names while they form their quorum
 * (statefulset-semantics §2.4).
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec
 */
export function publishesNotReadyAddresses(service: PlainRecord): boolean {
  if (asRecord(service.spec).publishNotReadyAddresses === true) return true;
  return asRecord(asRecord(service.metadata).annotations)[TOLERATE_UNREADY_ENDPOINTS_ANNOTATION] === 'true';
}
