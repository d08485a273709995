import { asArray, asRecord, asString, isRecord, type PlainRecord } from '../../parser/plain-value.js';
import { isNodeSystemPath } from './is-node-system-path.js';
import { podContainers } from './pod-containers.js';
import { podSpec } from './pod-template.js';

/** A container's read-write mount of a volume. */
export interface HostPathMount {
  /** The container's `name` (`''` when absent). */
  containerName: string;
  /** Path of the `volumeMounts` entry from the StatefulSet's root. */
  path: (string | number)[];
}

/** A `hostPath` volume of the pod template that holds application data. */
export interface HostPathDataVolume {
  /** The volume's `name`. */
  name: string;
  /** The node directory, `hostPath.path` as written. */
  hostPath: string;
  /** Path of `hostPath.path` from the StatefulSet's root. */
  path: (string | number)[];
  /** The containers' read-write mounts of it, containers first, then init containers. */
  mounts: HostPathMount[];
}

/**
 * The `hostPath` volumes of a StatefulSet's pod template (`spec.template.spec.volumes`) that hold
 * application data (core-rules `node-local-storage`): a container or init container mounts them
 * without `readOnly: true`, and their path is not a node system path (`isNodeSystemPath`). A
 * volume that no container mounts, or one whose name is also a claim template's (the claim wins
 * and the volume is discarded, statefulset-semantics §3.6), is left out. Entries that are not
 * mappings, or have no string `name` or `hostPath.path`, are skipped.
 *
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
 */
export function hostPathDataVolumes(statefulSet: PlainRecord): HostPathDataVolume[] {
  const claimTemplateNames = new Set(
    asArray(asRecord(statefulSet.spec).volumeClaimTemplates).map((claimTemplate) => asString(asRecord(asRecord(claimTemplate).metadata).name)),
  );
  const containers = podContainers(statefulSet);
  const result: HostPathDataVolume[] = [];
  asArray(podSpec(statefulSet).volumes).forEach((volume, position) => {
    if (!isRecord(volume) || !isRecord(volume.hostPath)) return;
    const name = asString(volume.name);
    const hostPath = asString(volume.hostPath.path);
    if (name === undefined || hostPath === undefined || claimTemplateNames.has(name) || isNodeSystemPath(hostPath)) return;
    const mounts: HostPathMount[] = [];
    for (const { container, path } of containers) {
      asArray(container.volumeMounts).forEach((mount, mountPosition) => {
        if (!isRecord(mount) || mount.name !== name || mount.readOnly === true) return;
        mounts.push({ containerName: asString(container.name) ?? '', path: [...path, 'volumeMounts', mountPosition] });
      });
    }
    if (mounts.length > 0) result.push({ name, hostPath, path: ['spec', 'template', 'spec', 'volumes', position, 'hostPath', 'path'], mounts });
  });
  return result;
}
