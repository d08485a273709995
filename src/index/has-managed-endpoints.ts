import { ENDPOINTS, ENDPOINT_SLICE } from './group-kind.js';
import type { ObjectIndex } from './object-index.js';
import { asRecord } from '../parser/plain-value.js';

/** The label that ties an EndpointSlice to its Service (discovery.k8s.io/v1). */
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/**
 * True when the inputs hold an Endpoints object named after the Service, or an EndpointSlice
 * labelled `kubernetes.io/service-name: <service>`, in the namespace: a selector-less Service whose
 * endpoints something else manages (Patroni does this) still gets DNS records.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors
 */
export function hasManagedEndpoints(index: ObjectIndex, namespace: string, serviceName: string): boolean {
  if (index.named(ENDPOINTS, namespace, serviceName).length > 0) return true;
  return index
    .inNamespace(ENDPOINT_SLICE, namespace)
    .some((slice) => asRecord(asRecord(slice.object.metadata).labels)[SERVICE_NAME_LABEL] === serviceName);
}
