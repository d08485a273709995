import { asArray, asRecord, asString, isRecord, type PlainRecord } from '../../parser/plain-value.js';
import { podSpec } from './pod-template.js';

/**
 * How long what a container writes to a volume lives (statefulset-semantics §3.3):
 * `persistent` beyond the pod (claims, network and cloud disks, `hostPath`), `ephemeral` only as
 * long as the pod (`emptyDir`, generic `ephemeral` volumes, inline `csi` volumes, `gitRepo`,
 * `image`), `config` for read-only projections (`configMap`, `secret`, `projected`, `downwardAPI`).
 */
export type DataStoreVolumeLifetime = 'persistent' | 'ephemeral' | 'config';

/** A volume a container mounts, resolved in the pod template. */
export interface DataStoreVolumeMount {
  /** The volume's name. */
  name: string;
  /** The volume source key, e.g. `emptyDir`. */
  source: string;
  lifetime: DataStoreVolumeLifetime;
}

const EPHEMERAL = new Set(['emptyDir', 'ephemeral', 'csi', 'gitRepo', 'image']);
const CONFIG = new Set(['configMap', 'secret', 'projected', 'downwardAPI']);

/**
 * The pod-template volumes (`spec.template.spec.volumes`) a container mounts through
 * `volumeMounts` or `volumeDevices`, each once, in mount order, with their lifetime. Mounts of a
 * name with no volume of that name are skipped (claim templates are not resolved: callers use this
 * when the StatefulSet has none). A volume without a source is an `emptyDir`, as the API server
 * defaults it (`SetDefaults_Volume`, k8s.io/kubernetes pkg/apis/core/v1/defaults.go); any source
 * not listed above counts as persistent.
 *
 * @see https://kubernetes.io/docs/concepts/storage/volumes/
 * @see https://kubernetes.io/docs/concepts/storage/ephemeral-volumes/
 */
export function dataStoreVolumeMounts(statefulSet: PlainRecord, container: PlainRecord): DataStoreVolumeMount[] {
  const volumes = new Map<string, PlainRecord>();
  for (const volume of asArray(podSpec(statefulSet).volumes)) {
    const name = isRecord(volume) ? asString(volume.name) : undefined;
    if (name !== undefined && isRecord(volume)) volumes.set(name, volume);
  }
  const result = new Map<string, DataStoreVolumeMount>();
  for (const mount of [...asArray(container.volumeMounts), ...asArray(container.volumeDevices)]) {
    const name = asString(asRecord(mount).name);
    const volume = name === undefined ? undefined : volumes.get(name);
    if (name === undefined || volume === undefined || result.has(name)) continue;
    const source = Object.keys(volume).find((key) => key !== 'name') ?? 'emptyDir';
    const lifetime = EPHEMERAL.has(source) ? 'ephemeral' : CONFIG.has(source) ? 'config' : 'persistent';
    result.set(name, { name, source, lifetime });
  }
  return [...result.values()];
}
