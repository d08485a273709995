import { groupOf } from '../k8s/group-kind.js';
import * as generated from './generated/validators.js';
import type { KindValidator } from './generated/validators.js';

/** A kind stslint has a schema for, at the version the API server serves. */
export interface ServedKind {
  /** e.g. `'apps/v1'`. */
  apiVersion: string;
  validate: KindValidator;
}

const validators = generated as unknown as Readonly<Record<string, KindValidator | undefined>>;

/**
 * The schema of a kind in an API group (`'apps'`, `''` for core), or `undefined` when stslint has
 * none: custom resources, including those that reuse a built-in kind name in their own group
 * (`apps.kruise.io` StatefulSet), and built-in kinds outside the generated schema.
 */
export function servedKind(group: string, kind: string): ServedKind | undefined {
  const apiVersion = Object.hasOwn(generated.apiVersions, kind) ? generated.apiVersions[kind] : undefined;
  const validate = validators[kind];
  if (apiVersion === undefined || validate === undefined || groupOf(apiVersion) !== group) return undefined;
  return { apiVersion, validate };
}
