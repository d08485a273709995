/**
 * Data-store detection: which family of data-store server a StatefulSet's main container runs
 * (core-rules, "A data store"), judged by the server it starts or else by its image.
 */
import { asString, type PlainRecord } from './plain-value.js';
import { containerDataStoreFamily, type DataStoreEvidence } from './data-store-recognition.js';
import type { DataStoreFamily } from './data-store-family.js';
import { findMainContainer, type PodContainer } from './pod-template.js';
import { replicationEvidence, replicationIndicatorFound } from './replication.js';

export { dataStoreCommandLines } from './data-store-recognition.js';

/** A StatefulSet whose main container runs a data store. */
export interface DetectedDataStore {
  family: DataStoreFamily;
  /** How the main container was recognised: the server it starts, its image, or its data directory and port. */
  by: DataStoreEvidence;
  /** The main container (`findMainContainer`). */
  container: PodContainer;
  /** The container's `image` as written (`''` when absent). */
  image: string;
  /** The container's `name` (`''` when absent). */
  containerName: string;
}

/**
 * The data-store family the StatefulSet's main container runs, or `undefined` (core-rules, "A data
 * store"): judged by what the container does (`containerDataStoreFamily`: the server it starts,
 * its image or an image wrapping the family's server, or the family's data directory mounted with
 * its server port declared). This is the one answer to "is this a data store" for every rule. A
 * family with a condition counts only when the pod template or the given ConfigMaps (those the
 * pods mount or read, as plain objects) meet it: Vault only with raft storage, NATS only with
 * JetStream. `undefined` when the pod template has no containers.
 */
export function detectDataStore(statefulSet: PlainRecord, configMaps: readonly PlainRecord[] = []): DetectedDataStore | undefined {
  const main = findMainContainer(statefulSet);
  if (!main) return undefined;
  const found = containerDataStoreFamily(main.container);
  if (!found) return undefined;
  const { family, by } = found;
  if (family.requires) {
    const evidence = replicationEvidence(statefulSet, configMaps);
    if (!family.requires.indicators.some((indicator) => replicationIndicatorFound(indicator, evidence))) return undefined;
  }
  return { family, by, container: main, image: asString(main.container.image) ?? '', containerName: asString(main.container.name) ?? '' };
}
