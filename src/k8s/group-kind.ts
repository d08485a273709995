/**
 * An API group and kind, e.g. `{ group: 'apps', kind: 'StatefulSet' }`; the core group is `''`.
 * Lookups go by group and kind, so a custom resource that reuses a built-in kind's name (Knative's
 * `serving.knative.dev` Service, OpenKruise's `apps.kruise.io` StatefulSet) is never mistaken for it.
 */
export interface GroupKind {
  group: string;
  kind: string;
}

/** The group of an `apiVersion`: `apps/v1` → `apps`, `v1` → `''` (core). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** A map key for a group and kind: `apps/StatefulSet`, `/Service`. */
export function groupKindKey(groupKind: GroupKind): string {
  return `${groupKind.group}/${groupKind.kind}`;
}

/** Built-in kinds stslint looks at, with their API groups (Kubernetes API reference). */
export const STATEFUL_SET: GroupKind = { group: 'apps', kind: 'StatefulSet' };
export const SERVICE: GroupKind = { group: '', kind: 'Service' };
export const ENDPOINTS: GroupKind = { group: '', kind: 'Endpoints' };
export const ENDPOINT_SLICE: GroupKind = { group: 'discovery.k8s.io', kind: 'EndpointSlice' };
export const PERSISTENT_VOLUME: GroupKind = { group: '', kind: 'PersistentVolume' };
export const PERSISTENT_VOLUME_CLAIM: GroupKind = { group: '', kind: 'PersistentVolumeClaim' };
export const STORAGE_CLASS: GroupKind = { group: 'storage.k8s.io', kind: 'StorageClass' };
export const CONFIG_MAP: GroupKind = { group: '', kind: 'ConfigMap' };
export const DEPLOYMENT: GroupKind = { group: 'apps', kind: 'Deployment' };
export const POD_DISRUPTION_BUDGET: GroupKind = { group: 'policy', kind: 'PodDisruptionBudget' };

const BUILT_IN = [
  STATEFUL_SET,
  SERVICE,
  ENDPOINTS,
  ENDPOINT_SLICE,
  PERSISTENT_VOLUME,
  PERSISTENT_VOLUME_CLAIM,
  STORAGE_CLASS,
  CONFIG_MAP,
  DEPLOYMENT,
  POD_DISRUPTION_BUDGET,
];

/**
 * The built-in group of a kind name as rules write it (`'StatefulSet'`), or `undefined` for a kind
 * stslint does not know.
 */
export function builtInGroupKind(kind: string): GroupKind | undefined {
  return BUILT_IN.find((candidate) => candidate.kind === kind);
}

/**
 * The API version a built-in kind stslint knows is served at today (`apps/v1` for a StatefulSet,
 * `v1` for a Service): every one of them is GA at `v1` of its group (Kubernetes API reference).
 * `undefined` for other kinds. An object of such a kind written without `apiVersion` is read as
 * this version (core-rules, "Terms and input handling").
 */
export function currentApiVersion(kind: string): string | undefined {
  const groupKind = builtInGroupKind(kind);
  if (groupKind === undefined) return undefined;
  return groupKind.group === '' ? 'v1' : `${groupKind.group}/v1`;
}

/** Kinds without a namespace (cluster-scoped): their lookups ignore namespaces. */
export const CLUSTER_SCOPED = new Set([groupKindKey(PERSISTENT_VOLUME), groupKindKey(STORAGE_CLASS)]);
