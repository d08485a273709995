/**
 * Storage knowledge: the class a claim template or PersistentVolume asks for, the provisioners
 * whose volumes stay on one node, how a PersistentVolume is tied to a node, and which
 * PersistentVolumes a claim template's claims could bind to (statefulset-semantics §3.2, §3.3).
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/
 * @see https://kubernetes.io/docs/concepts/storage/storage-classes/
 */
import { asArray, asRecord, isRecord, scalarString, type PlainRecord } from './plain-value.js';
import { isEmptyLabelSelector, matchLabelSelector } from './label-selector.js';
import { isClaimNameOf } from './stateful-set.js';

/** The legacy (beta) annotation that named a claim's class before `spec.storageClassName` existed. */
const LEGACY_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** The storage class a claim template asks for, and where that is written. */
export interface ClaimTemplateStorageClass {
  /** The class name; `''` means "no class" (binds only class-less PersistentVolumes, never provisioned). */
  name: string;
  /** Where the name is written, from the claim template's root. */
  path: readonly string[];
  /** `field` for `spec.storageClassName`, `annotation` for the legacy annotation. */
  source: 'field' | 'annotation';
}

/**
 * The storage class of a claim template (one entry of `spec.volumeClaimTemplates`): its
 * `spec.storageClassName`, or, when that field is absent or null, the legacy annotation
 * `volume.beta.kubernetes.io/storage-class` (core-rules `node-local-storage`). `undefined` when
 * neither is set: the API server's DefaultStorageClass admission plugin then writes the cluster's
 * default class, which the manifests do not tell (statefulset-semantics §3.2). Numbers and
 * booleans are read as their spelling. The API server reads the annotation first when both are
 * set; the two normally agree, and stslint follows the field, as core-rules says.
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#class-1
 */
export function claimTemplateStorageClass(claimTemplate: unknown): ClaimTemplateStorageClass | undefined {
  const spec = asRecord(asRecord(claimTemplate).spec);
  const field = scalarString(spec.storageClassName);
  if (field !== undefined) return { name: field, path: ['spec', 'storageClassName'], source: 'field' };
  const annotations = asRecord(asRecord(claimTemplate).metadata).annotations;
  const annotation = isRecord(annotations) ? scalarString(annotations[LEGACY_STORAGE_CLASS_ANNOTATION]) : undefined;
  if (annotation === undefined) return undefined;
  return { name: annotation, path: ['metadata', 'annotations', LEGACY_STORAGE_CLASS_ANNOTATION], source: 'annotation' };
}

/**
 * The storage class of a PersistentVolume: `spec.storageClassName`, else the legacy annotation
 * `volume.beta.kubernetes.io/storage-class`, else `''` (a class-less volume, which only claims with
 * `storageClassName: ""` bind). Numbers and booleans are read as their spelling. Read in the same
 * order as a claim template's class ({@link claimTemplateStorageClass}).
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#class
 */
export function persistentVolumeStorageClass(persistentVolume: unknown): string {
  const field = scalarString(asRecord(asRecord(persistentVolume).spec).storageClassName);
  if (field !== undefined) return field;
  const annotations = asRecord(asRecord(asRecord(persistentVolume).metadata).annotations);
  return scalarString(annotations[LEGACY_STORAGE_CLASS_ANNOTATION]) ?? '';
}

/** A StorageClass provisioner whose volumes live on one node (statefulset-semantics §3.3). */
export interface NodeLocalProvisioner {
  /** The StorageClass `provisioner` value (for a CSI driver, the driver name). */
  provisioner: string;
  /** What it is, as messages name it. */
  product: string;
  /**
   * StorageClass names its installation creates by default. A claim template naming one of them,
   * when no StorageClass of that name is in the inputs, is judged by the name (core-rules
   * `node-local-storage`). Names that other provisioners also use (`standard`) are left out.
   */
  defaultClassNames: readonly string[];
  /**
   * `static` for `kubernetes.io/no-provisioner`: nothing is provisioned, PersistentVolumes are
   * created beforehand, normally `local` ones; `dynamic` for a provisioner that creates volumes
   * carrying node affinity.
   */
  provisioning: 'static' | 'dynamic';
}

/**
 * Every provisioner whose volumes cannot follow a pod to another node, the one list stslint
 * keeps. Each entry cites statefulset-semantics §3.3 ("What makes a volume NOT follow the pod to
 * another node"); the default class names are those of each project's install manifests.
 */
export const NODE_LOCAL_PROVISIONERS: readonly NodeLocalProvisioner[] = [
  // §3.3: "StorageClass provisioner: kubernetes.io/no-provisioner" (PVs pre-created, usually local);
  // `local-storage` is the class name of the kubernetes.io "local" StorageClass example.
  { provisioner: 'kubernetes.io/no-provisioner', product: 'local PersistentVolumes', defaultClassNames: ['local-storage'], provisioning: 'static' },
  // §3.3: rancher.io/local-path (k3s, kind default; kind names its class `standard`, left out).
  { provisioner: 'rancher.io/local-path', product: 'Rancher local-path-provisioner', defaultClassNames: ['local-path'], provisioning: 'dynamic' },
  // §3.3: openebs.io/local (OpenEBS Local PV hostpath and device).
  { provisioner: 'openebs.io/local', product: 'OpenEBS Local PV', defaultClassNames: ['openebs-hostpath', 'openebs-device'], provisioning: 'dynamic' },
  // §3.3: local.csi.openebs.io (OpenEBS LVM LocalPV).
  { provisioner: 'local.csi.openebs.io', product: 'OpenEBS LVM LocalPV', defaultClassNames: ['openebs-lvmpv'], provisioning: 'dynamic' },
  // §3.3: zfs.csi.openebs.io (OpenEBS ZFS LocalPV).
  { provisioner: 'zfs.csi.openebs.io', product: 'OpenEBS ZFS LocalPV', defaultClassNames: ['openebs-zfspv'], provisioning: 'dynamic' },
  // §3.3: topolvm.io / topolvm.cybozu.com (TopoLVM; the second is its name before 0.16).
  { provisioner: 'topolvm.io', product: 'TopoLVM', defaultClassNames: ['topolvm-provisioner'], provisioning: 'dynamic' },
  { provisioner: 'topolvm.cybozu.com', product: 'TopoLVM', defaultClassNames: [], provisioning: 'dynamic' },
  // §3.3: directpv-min-io (MinIO DirectPV; driver and class share the name).
  { provisioner: 'directpv-min-io', product: 'MinIO DirectPV', defaultClassNames: ['directpv-min-io'], provisioning: 'dynamic' },
  // §3.3: microk8s.io/hostpath (MicroK8s hostpath-storage add-on).
  { provisioner: 'microk8s.io/hostpath', product: 'MicroK8s hostpath storage', defaultClassNames: ['microk8s-hostpath'], provisioning: 'dynamic' },
  // §3.3: k8s.io/minikube-hostpath (minikube's storage-provisioner; its class `standard` is left out).
  { provisioner: 'k8s.io/minikube-hostpath', product: 'minikube hostpath storage', defaultClassNames: [], provisioning: 'dynamic' },
  // §3.3: docker.io/hostpath (Docker Desktop's built-in Kubernetes).
  { provisioner: 'docker.io/hostpath', product: 'Docker Desktop hostpath storage', defaultClassNames: ['hostpath'], provisioning: 'dynamic' },
  // §3.3: hostpath.csi.k8s.io (the CSI hostpath driver, for tests and demos).
  { provisioner: 'hostpath.csi.k8s.io', product: 'the CSI hostpath driver', defaultClassNames: [], provisioning: 'dynamic' },
];

/** How a PersistentVolume is tied to a node, and where that is written. */
export interface PersistentVolumeNodeBinding {
  /** `local` (`spec.local`), `nodeAffinity` (`spec.nodeAffinity` naming nodes) or `hostPath` (`spec.hostPath`). */
  source: 'local' | 'nodeAffinity' | 'hostPath';
  /** Path of that field from the PersistentVolume's root, e.g. `['spec', 'local']`. */
  path: readonly string[];
  /**
   * True when the scheduler pins pods to the volume's node (`local`, node affinity): if the node is
   * lost the pod stays Pending. False for a `hostPath` volume without node affinity: a pod may run
   * anywhere and finds that node's directory.
   */
  pinned: boolean;
}

/** Label keys whose last segment names one node (`kubernetes.io/hostname`, `openebs.io/nodename`, `topology.topolvm.io/node`). */
const NODE_KEY_NAME = /^(?:hostname|node|nodename|node-name|nodeid|node-id)$/i;

/**
 * How a PersistentVolume keeps its data on one node (statefulset-semantics §3.3), or `undefined`
 * when it does not:
 *
 * - `spec.local` (a local volume; the API requires node affinity with it);
 * - `spec.nodeAffinity.required.nodeSelectorTerms` where every term has an `In` requirement on a
 *   key naming a node (`kubernetes.io/hostname`, a CSI topology key ending in `/node`,
 *   `/nodename`, `/nodeid`…) or an `In` requirement in `matchFields` on `metadata.name`: node-local
 *   CSI drivers provision such volumes. Terms on zones or regions (`topology.kubernetes.io/zone`)
 *   pin a volume to a zone, not a node, and do not count;
 * - `spec.hostPath` (a directory on whichever node runs the pod, unless node affinity pins it).
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#node-affinity
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#local
 */
export function persistentVolumeNodeBinding(persistentVolume: unknown): PersistentVolumeNodeBinding | undefined {
  const spec = asRecord(asRecord(persistentVolume).spec);
  if (isRecord(spec.local)) return { source: 'local', path: ['spec', 'local'], pinned: true };
  if (nodeAffinityPinsToNodes(spec.nodeAffinity)) return { source: 'nodeAffinity', path: ['spec', 'nodeAffinity'], pinned: true };
  if (isRecord(spec.hostPath)) return { source: 'hostPath', path: ['spec', 'hostPath'], pinned: false };
  return undefined;
}

function nodeAffinityPinsToNodes(nodeAffinity: unknown): boolean {
  const terms = asArray(asRecord(asRecord(nodeAffinity).required).nodeSelectorTerms);
  return terms.length > 0 && terms.every(termPinsToNodes);
}

function termPinsToNodes(term: unknown): boolean {
  const { matchExpressions, matchFields } = asRecord(term);
  const byLabel = asArray(matchExpressions).some((requirement) => isNodeRequirement(requirement, (key) => NODE_KEY_NAME.test(key.split('/').pop() ?? '')));
  const byField = asArray(matchFields).some((requirement) => isNodeRequirement(requirement, (key) => key === 'metadata.name'));
  return byLabel || byField;
}

function isNodeRequirement(requirement: unknown, namesNode: (key: string) => boolean): boolean {
  const { key, operator, values } = asRecord(requirement);
  return typeof key === 'string' && namesNode(key) && operator === 'In' && asArray(values).length > 0;
}

/**
 * What a claim template's claims ask of a PersistentVolume, as {@link persistentVolumeCouldBind}
 * compares it.
 */
export interface ClaimBindingRequest {
  /** The claim template's `metadata.name`; `undefined` when unnamed (then no `claimRef` matches). */
  claimTemplateName: string | undefined;
  /**
   * For one claim created beforehand (a PersistentVolumeClaim of the inputs named as the controller
   * would name it), its name: a `claimRef` to exactly this name binds, instead of one to any of the
   * template's claims.
   */
  claimName?: string;
  /** The StatefulSet's name, which the claims' names include. */
  statefulSetName: string;
  /** The StatefulSet's namespace (defaulted), where the claims live. */
  namespace: string;
  /** The claim template's class (`claimTemplateStorageClass(...)?.name`), `undefined` when unset. */
  storageClassName: string | undefined;
  /** `spec.volumeName`, `undefined` when unset or empty. */
  volumeName: string | undefined;
  /** `spec.selector` when it has requirements, else `undefined`. */
  selector: unknown;
}

/**
 * What the claims of one claim template (an entry of `spec.volumeClaimTemplates`) ask of a
 * PersistentVolume, for {@link persistentVolumeCouldBind}.
 */
export function claimBindingRequest(claimTemplate: unknown, statefulSetName: string, namespace: string): ClaimBindingRequest {
  const spec = asRecord(asRecord(claimTemplate).spec);
  const volumeName = scalarString(spec.volumeName);
  const claimTemplateName = scalarString(asRecord(asRecord(claimTemplate).metadata).name);
  return {
    claimTemplateName: claimTemplateName === '' ? undefined : claimTemplateName,
    statefulSetName,
    namespace,
    storageClassName: claimTemplateStorageClass(claimTemplate)?.name,
    volumeName: volumeName === '' ? undefined : volumeName,
    selector: isEmptyLabelSelector(spec.selector) ? undefined : spec.selector,
  };
}

/**
 * True when a claim of the request could bind to the PersistentVolume, after the PersistentVolume
 * controller's matching (statefulset-semantics §3.2), simplified:
 *
 * - a volume whose `spec.claimRef` names one of the template's claims
 *   (`<template>-<statefulSet>-<ordinal>` in the StatefulSet's namespace; for a claim created
 *   beforehand, `claimName` exactly) is pre-bound to it, and binds whatever its class or labels;
 * - a volume whose `claimRef` names another claim (or no namespace) never binds;
 * - with `spec.volumeName`, only the volume of that name binds;
 * - otherwise, with a non-empty `spec.selector`, the volumes whose labels it matches
 *   (`matchLabelSelector`), and without one, the volumes of the claim's class (an unset class gives
 *   none: the cluster's default class is unknown);
 * - when the claim names a class, a volume's class ({@link persistentVolumeStorageClass}) must
 *   equal it, and `""` matches class-less volumes only; an unset class does not constrain
 *   `volumeName` or `selector`.
 *
 * Capacity, access modes and volume modes are not compared.
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#binding
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reserving-a-persistentvolume
 */
export function persistentVolumeCouldBind(request: ClaimBindingRequest, persistentVolume: PlainRecord): boolean {
  const spec = asRecord(persistentVolume.spec);
  if (isRecord(spec.claimRef)) {
    const name = scalarString(spec.claimRef.name) ?? '';
    const claimed =
      request.claimName !== undefined
        ? name === request.claimName
        : request.claimTemplateName !== undefined && isClaimNameOf(name, request.claimTemplateName, request.statefulSetName);
    return claimed && spec.claimRef.namespace === request.namespace;
  }
  if (request.storageClassName !== undefined && persistentVolumeStorageClass(persistentVolume) !== request.storageClassName) return false;
  if (request.volumeName !== undefined) return scalarString(asRecord(persistentVolume.metadata).name) === request.volumeName;
  if (request.selector !== undefined) return matchLabelSelector(request.selector, asRecord(persistentVolume.metadata).labels).matches;
  return request.storageClassName !== undefined;
}

/** A StorageClass's `reclaimPolicy` and whether it was written or defaulted. */
export interface StorageClassReclaimPolicy {
  /** `Delete`, `Retain`, or another value as written (`Recycle`, deprecated). */
  policy: string;
  /** True when the field is absent or null and the API server defaults it to `Delete`. */
  defaulted: boolean;
}

/**
 * The reclaim policy a StorageClass gives the PersistentVolumes it provisions: `reclaimPolicy`, or
 * `Delete` when it is absent or null, as the API server defaults it (statefulset-semantics §3.4).
 * With `Delete` the disk is destroyed once its claim is deleted; with `Retain` the volume is kept,
 * `Released`, until an administrator frees or deletes it. Numbers and booleans are read as their
 * spelling.
 *
 * @see https://kubernetes.io/docs/concepts/storage/storage-classes/#reclaim-policy
 */
export function storageClassReclaimPolicy(storageClass: PlainRecord): StorageClassReclaimPolicy {
  const policy = scalarString(storageClass.reclaimPolicy);
  return policy === undefined ? { policy: 'Delete', defaulted: true } : { policy, defaulted: false };
}
