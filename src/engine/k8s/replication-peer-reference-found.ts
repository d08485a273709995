import { asRecord, asString, type PlainRecord } from '../../parser/plain-value.js';
import type { ReplicationEvidence } from './replication-evidence.js';

/**
 * True when the evidence names the StatefulSet's own pods through the governing Service, as
 * replicas pointed at the primary or peer lists do (statefulset-semantics §5.2): `<name>-0.<serviceName>`,
 * `<name>-$((ordinal-1)).<serviceName>`, `<name>-$i.<serviceName>`, MinIO's
 * `<name>-{0...3}.<serviceName>`. Without `spec.serviceName`, any `<name>-<digits>.<label>`
 * counts. A StatefulSet without a name (a kustomize patch) has no peer names.
 */
export function replicationPeerReferenceFound(statefulSet: PlainRecord, evidence: ReplicationEvidence): boolean {
  const name = asString(asRecord(statefulSet.metadata).name);
  if (name === undefined || name === '') return false;
  const serviceName = asString(asRecord(statefulSet.spec).serviceName);
  const ordinal = serviceName ? '(?:\\d+|\\$\\(\\([^)]*\\)\\)|\\$\\{?\\w+\\}?|\\{[^}]*\\})' : '\\d+';
  const service = serviceName ? `${escape(serviceName)}(?![\\w-])` : '[a-z0-9]';
  const pattern = new RegExp(`(?<![\\w-])${escape(name)}-${ordinal}\\.${service}`);
  return evidence.texts.some((text) => pattern.test(text));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
