import { asArray, asRecord } from '../parser/plain-value.js';

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
