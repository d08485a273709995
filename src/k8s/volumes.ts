/**
 * The volumes of a StatefulSet's pods, as the controller builds them, and the containers' mounts
 * of them (statefulset-semantics §3.3, §3.6): which volume a `volumeMounts[].name` or
 * `volumeDevices[].name` resolves to, how long what is written there lives, and which `hostPath`
 * volumes hold application data.
 *
 * @see https://kubernetes.io/docs/concepts/storage/volumes/
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/stateful-set-v1/#StatefulSetSpec
 */
import path from 'node:path';
import { asArray, asRecord, asString, isRecord, type PlainRecord } from './plain-value.js';
import { podContainers, podSpec, POD_SPEC_PATH, type PodContainer } from './pod-template.js';
import { claimTemplates, type ClaimTemplate } from './stateful-set.js';

/**
 * How long what a container writes to a volume lives (statefulset-semantics §3.3):
 * `persistent` beyond the pod (claims, network and cloud disks, `hostPath`), `ephemeral` only as
 * long as the pod (`emptyDir`, generic `ephemeral` volumes, inline `csi` volumes, `gitRepo`,
 * `image`), `config` for read-only projections (`configMap`, `secret`, `projected`, `downwardAPI`).
 */
export type VolumeLifetime = 'persistent' | 'ephemeral' | 'config';

const EPHEMERAL_SOURCES = new Set(['emptyDir', 'ephemeral', 'csi', 'gitRepo', 'image']);
const CONFIG_SOURCES = new Set(['configMap', 'secret', 'projected', 'downwardAPI']);

/** An entry of the pod template's `spec.template.spec.volumes` with a string `name`. */
export interface TemplateVolume {
  volume: PlainRecord;
  name: string;
  /** The volume source key, e.g. `emptyDir`; `emptyDir` when none is given (the API server's default). */
  source: string;
  lifetime: VolumeLifetime;
  /** Position in `spec.template.spec.volumes`. */
  position: number;
  /** Node path from the StatefulSet root, e.g. `['spec', 'template', 'spec', 'volumes', 0]`. */
  path: (string | number)[];
}

/** What a mount name resolves to in the pods the controller builds. */
export type ResolvedVolume = { from: 'claimTemplate'; claimTemplate: ClaimTemplate } | { from: 'templateVolume'; volume: TemplateVolume };

/** The volumes every pod of a StatefulSet gets, by name (statefulset-semantics §3.6). */
export interface PodVolumes {
  /** Claim templates by `metadata.name` (the first of a repeated name). */
  claimTemplates: ReadonlyMap<string, ClaimTemplate>;
  /** Template volumes by name that no claim template shadows (the first of a repeated name). */
  templateVolumes: ReadonlyMap<string, TemplateVolume>;
  /** Template volumes whose name is also a claim template's: the controller discards them. */
  shadowed: readonly TemplateVolume[];
}

/**
 * The volumes of a StatefulSet's pods as the controller builds them (statefulset-semantics §3.6):
 * one volume per claim template, named after it, then every template volume whose name is not a
 * claim template's. A template volume without a source is an `emptyDir`, as the API server
 * defaults it (`SetDefaults_Volume`, k8s.io/kubernetes pkg/apis/core/v1/defaults.go); any source
 * not listed in {@link VolumeLifetime} counts as persistent. Entries that are not mappings or have
 * no string name are skipped.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#volume-claim-templates
 */
export function podVolumes(statefulSet: PlainRecord): PodVolumes {
  const byClaimName = new Map<string, ClaimTemplate>();
  for (const claimTemplate of claimTemplates(statefulSet)) {
    if (claimTemplate.name !== undefined && !byClaimName.has(claimTemplate.name)) byClaimName.set(claimTemplate.name, claimTemplate);
  }
  const templateVolumes = new Map<string, TemplateVolume>();
  const shadowed: TemplateVolume[] = [];
  asArray(podSpec(statefulSet).volumes).forEach((volume, position) => {
    const name = isRecord(volume) ? asString(volume.name) : undefined;
    if (!isRecord(volume) || name === undefined) return;
    const source = Object.keys(volume).find((key) => key !== 'name') ?? 'emptyDir';
    const lifetime = EPHEMERAL_SOURCES.has(source) ? 'ephemeral' : CONFIG_SOURCES.has(source) ? 'config' : 'persistent';
    const entry: TemplateVolume = { volume, name, source, lifetime, position, path: [...POD_SPEC_PATH, 'volumes', position] };
    if (byClaimName.has(name)) shadowed.push(entry);
    else if (!templateVolumes.has(name)) templateVolumes.set(name, entry);
  });
  return { claimTemplates: byClaimName, templateVolumes, shadowed };
}

/** The volume a mount name resolves to: a claim template first, then an unshadowed template volume. */
export function resolveVolume(volumes: PodVolumes, name: string): ResolvedVolume | undefined {
  const claimTemplate = volumes.claimTemplates.get(name);
  if (claimTemplate) return { from: 'claimTemplate', claimTemplate };
  const volume = volumes.templateVolumes.get(name);
  return volume ? { from: 'templateVolume', volume } : undefined;
}

/** One `volumeMounts` or `volumeDevices` entry of a container or init container. */
export interface VolumeMount {
  /** `name` when it is a string, else `undefined`. */
  name: string | undefined;
  mount: PlainRecord;
  /** `volumeMounts` (a filesystem) or `volumeDevices` (a raw block device). */
  list: 'volumeMounts' | 'volumeDevices';
  container: PodContainer;
  /** Node path from the StatefulSet root, e.g. `[..., 'containers', 0, 'volumeMounts', 1]`. */
  path: (string | number)[];
}

/**
 * Every `volumeMounts` and `volumeDevices` entry of the pod template: containers first, then init
 * containers, each container's mounts before its devices. Entries that are not mappings are skipped.
 */
export function volumeMounts(statefulSet: PlainRecord, containers: readonly PodContainer[] = podContainers(statefulSet)): VolumeMount[] {
  const result: VolumeMount[] = [];
  for (const container of containers) {
    for (const list of ['volumeMounts', 'volumeDevices'] as const) {
      asArray(container.container[list]).forEach((mount, position) => {
        if (isRecord(mount)) result.push({ name: asString(mount.name), mount, list, container, path: [...container.path, list, position] });
      });
    }
  }
  return result;
}

/** A volume a container mounts, with its source and lifetime. */
export interface MountedVolume {
  /** The volume's name. */
  name: string;
  /** The volume source key, e.g. `emptyDir`; `persistentVolumeClaim` for a claim template. */
  source: string;
  lifetime: VolumeLifetime;
}

/**
 * The volumes one container (a `containers` or `initContainers` entry) mounts through
 * `volumeMounts` or `volumeDevices`, each once, in mount order, resolved as the controller does
 * ({@link resolveVolume}); a claim template is a `persistentVolumeClaim` that persists. Mounts
 * that resolve to nothing are skipped.
 */
export function mountedVolumes(statefulSet: PlainRecord, container: PlainRecord): MountedVolume[] {
  const volumes = podVolumes(statefulSet);
  const result = new Map<string, MountedVolume>();
  for (const mount of [...asArray(container.volumeMounts), ...asArray(container.volumeDevices)]) {
    const name = asString(asRecord(mount).name);
    const resolved = name === undefined || result.has(name) ? undefined : resolveVolume(volumes, name);
    if (name === undefined || resolved === undefined) continue;
    if (resolved.from === 'claimTemplate') result.set(name, { name, source: 'persistentVolumeClaim', lifetime: 'persistent' });
    else result.set(name, { name, source: resolved.volume.source, lifetime: resolved.volume.lifetime });
  }
  return [...result.values()];
}

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
 * without `readOnly: true`, and their path is not a node system path ({@link isNodeSystemPath}). A
 * volume that no container mounts, or one a claim template shadows ({@link podVolumes}), is left
 * out. Volumes without a string `hostPath.path` are skipped.
 *
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
 */
export function hostPathDataVolumes(statefulSet: PlainRecord): HostPathDataVolume[] {
  const volumes = podVolumes(statefulSet);
  const mounts = volumeMounts(statefulSet).filter((entry) => entry.list === 'volumeMounts');
  const result: HostPathDataVolume[] = [];
  const ordered = [...volumes.templateVolumes.values()].sort((a, b) => a.position - b.position);
  for (const { volume, name, path: volumePath } of ordered) {
    if (!isRecord(volume.hostPath)) continue;
    const hostPath = asString(volume.hostPath.path);
    if (hostPath === undefined || isNodeSystemPath(hostPath)) continue;
    const readWrite = mounts
      .filter((entry) => entry.name === name && entry.mount.readOnly !== true)
      .map((entry) => ({ containerName: asString(entry.container.container.name) ?? '', path: entry.path }));
    if (readWrite.length > 0) result.push({ name, hostPath, path: [...volumePath, 'hostPath', 'path'], mounts: readWrite });
  }
  return result;
}

/**
 * Node directories that belong to the node and its agents, not to an application: the ones
 * core-rules `node-local-storage` names (`/var/lib/kubelet`, `/run`, `/var/run`, `/dev`, `/sys`,
 * `/proc`, `/etc`, `/lib/modules`, `/usr`), plus the container runtimes' and CNI's state
 * directories, node logs and the OS directories, which node agents mount for the same reasons.
 */
const NODE_SYSTEM_DIRECTORIES = [
  '/var/lib/kubelet',
  '/run',
  '/var/run',
  '/dev',
  '/sys',
  '/proc',
  '/etc',
  '/lib/modules',
  '/usr',
  '/lib',
  '/lib64',
  '/bin',
  '/sbin',
  '/boot',
  '/var/log',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/cni',
  '/opt/cni',
  '/var/snap/microk8s/common/run',
  '/var/snap/microk8s/common/var/lib/kubelet',
];

/**
 * True when a `hostPath` path is a node system path rather than application data (core-rules
 * `node-local-storage`): the node's root `/`, a path at or under one of the node's own directories
 * (`/var/lib/kubelet/plugins/x`, `/dev`), a Unix socket file (`*.sock`, e.g.
 * `/var/run/docker.sock`, `/run/containerd/containerd.sock`,
 * `/var/snap/microk8s/common/run/containerd.sock`) or a Windows named pipe (`\\.\pipe\…`, how
 * container runtimes listen on Windows nodes). The path is normalised first (`//`, `.`, `..`,
 * trailing `/`); a relative path is never a system path.
 *
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
 */
export function isNodeSystemPath(hostPath: string): boolean {
  if (hostPath.startsWith('\\\\.\\pipe\\')) return true;
  if (!hostPath.startsWith('/')) return false;
  const normalized = path.posix.normalize(hostPath).replace(/(.)\/+$/, '$1');
  if (normalized === '/' || normalized.endsWith('.sock')) return true;
  return NODE_SYSTEM_DIRECTORIES.some((directory) => normalized === directory || normalized.startsWith(`${directory}/`));
}
