/**
 * How a strategic-merge patch (kubectl, kustomize) merges a list of the built-in API types: by the
 * list's `patchMergeKey` (the items with equal key values are merged), or, for a list without one,
 * by replacing the whole list. Only the lists of the objects stslint reads are listed; a list not
 * listed is treated as replaced, as the API machinery does for lists without a patch strategy.
 * Source: the `patchStrategy`/`patchMergeKey` struct tags of k8s.io/api (core/v1 `PodSpec`,
 * `Container`, `ServiceSpec`; meta/v1 `ObjectMeta`), described at
 * https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/.
 */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  resourceClaims: 'name',
  schedulingGates: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ownerReferences: 'uid',
};

/**
 * The merge key of the list at `path` (the path of the list field itself, e.g.
 * `['spec', 'template', 'spec', 'containers']`), or `undefined` when a strategic-merge patch
 * replaces the list. `ports` are merged by `containerPort` in a container and by `port` in a
 * Service.
 */
export function strategicMergeKey(path: readonly (string | number)[]): string | undefined {
  const field = path.at(-1);
  if (typeof field !== 'string') return undefined;
  if (field === 'ports') return path.some((segment) => segment === 'containers' || segment === 'initContainers' || segment === 'ephemeralContainers') ? 'containerPort' : 'port';
  return MERGE_KEYS[field];
}
