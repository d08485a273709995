/**
 * Services as a StatefulSet's governing Service sees them: headless or not, and how a
 * selector-less Service gets endpoints (statefulset-semantics §2.2–§2.4).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/
 */
import { asArray, asRecord, isRecord, type PlainRecord } from './plain-value.js';

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
