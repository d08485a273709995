import { groupOf } from '../k8s/group-kind.js';
import { apiVersions } from './generated/validators.js';
import { removedApiVersion, type RemovedApiVersion } from './removed-api-version.js';

/** Why an apiVersion cannot be used for a kind, and what to use instead. */
export interface NotServed extends Omit<RemovedApiVersion, 'removedIn'> {
  /** The release that stopped serving it, or `undefined` when it never served the kind. */
  removedIn: string | undefined;
}

/**
 * Whether the API server refuses `apiVersion` for a built-in `kind`, and why:
 * - a removed beta version (`apps/v1beta2` StatefulSet, removed in 1.16; see `removedApiVersion`);
 * - a version of a Kubernetes group that never served a kind stslint has a schema for:
 *   `v1` StatefulSet, `apps/v1` Service, `apps/v2` StatefulSet (replacement: the served version).
 *
 * Groups with a dot other than the kind's own (`apps.kruise.io`, `serving.knative.dev`) belong
 * to custom resources and give `undefined`, as do served versions.
 */
export function apiVersionNotServed(apiVersion: string, kind: string): NotServed | undefined {
  const removed = removedApiVersion(apiVersion, kind);
  if (removed) return removed;
  const served = Object.hasOwn(apiVersions, kind) ? apiVersions[kind] : undefined;
  if (served === undefined || served === apiVersion) return undefined;
  const group = groupOf(apiVersion);
  if (group !== groupOf(served) && group.includes('.')) return undefined;
  return { removedIn: undefined, replacement: served };
}
