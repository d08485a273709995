import { asString, type PlainRecord } from '../../parser/plain-value.js';
import { DATA_STORE_FAMILIES } from './data-store-families.js';
import type { DataStoreFamily } from './data-store-family.js';
import { dataStoreCommandLines } from './data-store-command-lines.js';
import { dataStoreImageRepository } from './data-store-image-repository.js';
import { dataStoreRepositoryMatches } from './data-store-repository-matches.js';
import { findMainContainer } from './main-container.js';
import type { PodContainer } from './pod-containers.js';
import { replicationEvidence } from './replication-evidence.js';
import { replicationIndicatorFound } from './replication-indicator-found.js';

/** A StatefulSet whose main container runs a data store. */
export interface DetectedDataStore {
  family: DataStoreFamily;
  /** The main container (`findMainContainer`). */
  container: PodContainer;
  /** The container's `image` as written (`''` when absent). */
  image: string;
  /** The container's `name` (`''` when absent). */
  containerName: string;
}

/**
 * The data-store family the StatefulSet's main container runs, or `undefined` (core-rules, "A data
 * store"). The server the container starts in `command`/`args` decides first (a general-purpose
 * image running `mysqld`, or a Kafka image running `zookeeper-server-start.sh`); else the image's
 * repository name, without registry or tag (`data-store-families.ts`). A family with a condition
 * counts only when the pod template or the given ConfigMaps (those the pods mount or read, as
 * plain objects) meet it: Vault only with raft storage, NATS only with JetStream. `undefined` when
 * the pod template has no containers.
 */
export function detectDataStore(statefulSet: PlainRecord, configMaps: readonly PlainRecord[] = []): DetectedDataStore | undefined {
  const main = findMainContainer(statefulSet);
  if (!main) return undefined;
  const family = familyByCommand(main.container) ?? familyByImage(main.container.image);
  if (!family) return undefined;
  if (family.requires) {
    const evidence = replicationEvidence(statefulSet, configMaps);
    if (!family.requires.indicators.some((indicator) => replicationIndicatorFound(indicator, evidence))) return undefined;
  }
  return { family, container: main, image: asString(main.container.image) ?? '', containerName: asString(main.container.name) ?? '' };
}

function familyByCommand(container: PlainRecord): DataStoreFamily | undefined {
  const lines = dataStoreCommandLines(container);
  return DATA_STORE_FAMILIES.find((family) =>
    family.serverCommands.some((command) => {
      const wanted = command.split(' ');
      return lines.some((line) => wanted.every((word, position) => line[position] === word));
    }),
  );
}

function familyByImage(image: unknown): DataStoreFamily | undefined {
  const repository = dataStoreImageRepository(image);
  if (repository === undefined) return undefined;
  return DATA_STORE_FAMILIES.find((family) => family.imageRepositories.some((pattern) => dataStoreRepositoryMatches(repository, pattern)));
}
