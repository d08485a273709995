/**
 * Quorum stores: data stores whose members elect or form a quorum, and among them those whose
 * members cannot become Ready before a quorum has formed (lifecycle-rules, "Shared terms";
 * statefulset-semantics §2.4, §6 #15). The knowledge is the `quorum` entry of each family in
 * `data-store-families.ts`; this module judges it against a StatefulSet's evidence.
 */
import type { DataStoreFamily, ReplicationIndicatorGroup } from './data-store-family.js';
import { replicationIndicatorFound, type ReplicationEvidence } from './replication.js';

/** A StatefulSet that runs a quorum store. */
export interface QuorumStore {
  family: DataStoreFamily;
  /**
   * True when its members cannot become Ready until a quorum of them has found each other
   * (ZooKeeper, etcd, Consul servers with `-bootstrap-expect` > 1, Elasticsearch/OpenSearch
   * master-eligible nodes, Kafka KRaft controllers, CockroachDB, NATS JetStream, Vault raft).
   */
  quorumFirst: boolean;
}

/**
 * The quorum store a StatefulSet of this family runs, judged by the evidence of its pods
 * (`replicationEvidence`), or `undefined` when the family forms no quorum (PostgreSQL, Redis…) or
 * the settings that make it one are absent (Kafka without KRaft, MongoDB without a replica set,
 * MySQL without Galera, Consul clients) or exclude it (Elasticsearch nodes that are not
 * master-eligible, CockroachDB `start-single-node`).
 */
export function quorumStore(family: DataStoreFamily, evidence: ReplicationEvidence): QuorumStore | undefined {
  const quorum = family.quorum;
  if (!quorum) return undefined;
  if (quorum.when && !groupFound(quorum.when, evidence)) return undefined;
  if (quorum.unless && groupFound(quorum.unless, evidence)) return undefined;
  const quorumFirst = typeof quorum.quorumFirst === 'boolean' ? quorum.quorumFirst : groupFound(quorum.quorumFirst, evidence);
  return { family, quorumFirst };
}

function groupFound(group: ReplicationIndicatorGroup, evidence: ReplicationEvidence): boolean {
  return group.indicators.some((indicator) => replicationIndicatorFound(indicator, evidence));
}
