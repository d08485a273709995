import type { DataStoreFamily, ReplicationIndicatorGroup } from './data-store-family.js';
import type { ReplicationEvidence } from './replication-evidence.js';
import { replicationIndicatorFound } from './replication-indicator-found.js';

/**
 * The family's indicator groups of which the evidence shows no indicator, in table order. Empty
 * when every group is met. For MongoDB this tells "no replica set name" from "nothing initiates
 * the replica set" (core-rules replication-bootstrap-missing).
 */
export function replicationGroupsMissing(family: DataStoreFamily, evidence: ReplicationEvidence): ReplicationIndicatorGroup[] {
  return family.replicationIndicators.filter((group) => !group.indicators.some((indicator) => replicationIndicatorFound(indicator, evidence)));
}
