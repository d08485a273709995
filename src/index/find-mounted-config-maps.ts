import { podContainers } from '../engine/k8s/pod-containers.js';
import { podSpec } from '../engine/k8s/pod-template.js';
import type { ManifestDocument } from '../parser/manifest-document.js';
import { asArray, asRecord, asString } from '../parser/plain-value.js';
import { CONFIG_MAP } from './group-kind.js';
import type { ObjectIndex } from './object-index.js';
import { preferSameFile } from './prefer-same-file.js';

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

function referencedConfigMapNames(statefulSet: Record<string, unknown>): Set<string> {
  const names: (string | undefined)[] = [];
  for (const volume of asArray(podSpec(statefulSet).volumes)) {
    const source = asRecord(volume);
    names.push(asString(asRecord(source.configMap).name));
    for (const projection of asArray(asRecord(source.projected).sources)) names.push(asString(asRecord(asRecord(projection).configMap).name));
  }
  for (const { container } of podContainers(statefulSet)) {
    for (const entry of asArray(container.envFrom)) names.push(asString(asRecord(asRecord(entry).configMapRef).name));
    for (const entry of asArray(container.env)) names.push(asString(asRecord(asRecord(asRecord(entry).valueFrom).configMapKeyRef).name));
  }
  return new Set(names.filter((name): name is string => name !== undefined && name !== ''));
}
