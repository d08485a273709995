import type { PlainRecord } from '../../parser/plain-value.js';
import { GENERIC_REPLICATION_INDICATORS } from './data-store-families.js';
import type { DataStoreFamily } from './data-store-family.js';
import { ordinalDerivationFound } from './ordinal-derivation-found.js';
import { replicationEvidence } from './replication-evidence.js';
import { replicationGroupsMissing } from './replication-groups-missing.js';
import { replicationIndicatorFound } from './replication-indicator-found.js';
import { replicationPeerReferenceFound } from './replication-peer-reference-found.js';

/**
 * True when any container or init container of the StatefulSet, or a ConfigMap its pods mount or
 * read (plain objects, e.g. from `findMountedConfigMaps`), shows that the family's replicas are
 * joined into one cluster (core-rules replication-bootstrap-missing; statefulset-semantics §5.2–5.4):
 *
 * - for families whose `genericBootstrapCounts` is set: ordinal derivation
 *   (`ordinalDerivationFound`), the pods' own names through the governing Service
 *   (`replicationPeerReferenceFound`), or a generic variable or clustering helper
 *   (`GENERIC_REPLICATION_INDICATORS`);
 * - otherwise, or when none of those is present: an indicator of every one of the family's groups
 *   (`replicationGroupsMissing` is empty); for MongoDB both a replica set name and an initiator.
 */
export function hasReplicationBootstrap(statefulSet: PlainRecord, family: DataStoreFamily, configMaps: readonly PlainRecord[] = []): boolean {
  const evidence = replicationEvidence(statefulSet, configMaps);
  if (family.genericBootstrapCounts) {
    if (ordinalDerivationFound(evidence) || replicationPeerReferenceFound(statefulSet, evidence)) return true;
    if (GENERIC_REPLICATION_INDICATORS.indicators.some((indicator) => replicationIndicatorFound(indicator, evidence))) return true;
  }
  return replicationGroupsMissing(family, evidence).length === 0;
}
