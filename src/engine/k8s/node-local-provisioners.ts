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
