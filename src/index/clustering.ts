/**
 * How a StatefulSet of the inputs forms its cluster, read once per run and shared by the rules
 * that judge bootstrap, quorum and readiness: the ConfigMaps its pods mount or read, the data store
 * it runs, the bootstrap its pods show and the quorum store it is (src/k8s/bootstrap.ts,
 * src/k8s/quorum-stores.ts).
 */
import type { ManifestDocument } from '../parser/manifest-document.js';
import { detectBootstrap, type Bootstrap } from '../k8s/bootstrap.js';
import { detectDataStore, type DetectedDataStore } from '../k8s/data-stores.js';
import { isOperatorManaged } from '../k8s/operators.js';
import { quorumStore, type QuorumStore } from '../k8s/quorum-stores.js';
import { findMountedConfigMaps, type MountedConfigMaps } from './config-maps.js';
import type { ObjectIndex } from './object-index.js';

/** What a StatefulSet's manifests show about how its replicas become one cluster. */
export interface Clustering {
  /** The ConfigMaps its pods mount or read, those of the inputs and the names of the others. */
  configMaps: MountedConfigMaps;
  /** The data store its main container runs, judged with those ConfigMaps. */
  dataStore: DetectedDataStore | undefined;
  /** The bootstrap its pods show (`detectBootstrap`), read with those ConfigMaps. */
  bootstrap: Bootstrap;
  /** The quorum store it runs, when its data store is one (`quorumStore`). */
  quorum: QuorumStore | undefined;
  /** True when an operator manages it (statefulset-semantics §5.4): the bootstrap, quorum and readiness rules skip it. */
  operatorManaged: boolean;
}

/**
 * The {@link Clustering} of a StatefulSet, computed on first use and kept for the run (several
 * rules ask for it).
 */
export function findClustering(index: ObjectIndex, statefulSet: ManifestDocument): Clustering {
  const cache = index.derived(clusteringCache);
  let clustering = cache.get(statefulSet);
  if (clustering === undefined) {
    const configMaps = findMountedConfigMaps(index, statefulSet);
    const plain = configMaps.found.map((configMap) => configMap.object);
    const dataStore = detectDataStore(statefulSet.object, plain);
    const bootstrap = detectBootstrap(statefulSet.object, plain);
    const quorum = dataStore ? quorumStore(dataStore.family, bootstrap.evidence) : undefined;
    clustering = { configMaps, dataStore, bootstrap, quorum, operatorManaged: isOperatorManaged(statefulSet.object) };
    cache.set(statefulSet, clustering);
  }
  return clustering;
}

function clusteringCache(): Map<ManifestDocument, Clustering> {
  return new Map();
}
