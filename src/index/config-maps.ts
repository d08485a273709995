/**
 * The ConfigMaps of the inputs a StatefulSet's pods mount or read, and the data store it runs as
 * judged with them.
 */
import type { ManifestDocument } from '../parser/manifest-document.js';
import { detectDataStore, type DetectedDataStore } from '../k8s/data-stores.js';
import { CONFIG_MAP } from '../k8s/group-kind.js';
import { referencedConfigMapNames } from '../k8s/pod-template.js';
import { preferSameFile, type ObjectIndex } from './object-index.js';

/** The ConfigMaps a StatefulSet's pods mount or read. */
export interface MountedConfigMaps {
  /** Those found in the inputs (variants chosen by `preferSameFile`). */
  found: ManifestDocument[];
  /** Names referenced that no ConfigMap of the inputs has in the namespace. */
  notInInputs: string[];
}

/**
 * ConfigMaps of the inputs, in the StatefulSet's namespace, that its pod template mounts or reads:
 * `volumes[].configMap.name`, `volumes[].projected.sources[].configMap.name`, and in containers and
 * init containers `envFrom[].configMapRef.name` and `env[].valueFrom.configMapKeyRef.name`. Each
 * name is looked up once, in order of first reference (volumes, then containers, then init
 * containers); where several variants of one ConfigMap
 * exist (overlays in one folder), those in the StatefulSet's file are returned when there are any,
 * else all of them (`preferSameFile`), so a check passes when any variant lets it pass. Names not in
 * the inputs are listed apart, so that a rule can say it could not see them.
 *
 * @see https://kubernetes.io/docs/concepts/configuration/configmap/#using-configmaps
 */
export function findMountedConfigMaps(index: ObjectIndex, statefulSet: ManifestDocument): MountedConfigMaps {
  const namespace = index.namespaceOf(statefulSet);
  const result: MountedConfigMaps = { found: [], notInInputs: [] };
  for (const name of referencedConfigMapNames(statefulSet.object)) {
    const variants = index.named(CONFIG_MAP, namespace, name);
    if (variants.length === 0) result.notInInputs.push(name);
    else result.found.push(...preferSameFile(variants, statefulSet));
  }
  return result;
}

/**
 * The data store a StatefulSet runs (`detectDataStore`, src/k8s/data-stores.ts), judged with the
 * ConfigMaps of the inputs its pods mount or read, so that a family with a condition (Vault with
 * raft storage, NATS with JetStream) counts when its configuration is in such a ConfigMap.
 */
export function findDataStore(index: ObjectIndex, statefulSet: ManifestDocument): DetectedDataStore | undefined {
  const configMaps = findMountedConfigMaps(index, statefulSet).found.map((configMap) => configMap.object);
  return detectDataStore(statefulSet.object, configMaps);
}
