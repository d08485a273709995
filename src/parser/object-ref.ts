/**
 * Identity of a Kubernetes object as written in a manifest.
 *
 * `namespace` is the namespace the object lives in after defaulting (see
 * `ObjectIndex`): `metadata.namespace`, else the run's `--namespace`, else `default`. Cluster-scoped
 * kinds (PersistentVolume, StorageClass) keep the defaulted value too; lookups for them ignore it.
 */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}
