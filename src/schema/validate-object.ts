import { groupOf } from '../k8s/group-kind.js';
import type { ManifestDocument } from '../parser/manifest-document.js';
import { apiVersionNotServed } from './api-version-not-served.js';
import { describeSchemaError } from './describe-schema-error.js';
import type { SchemaProblem } from './schema-problem.js';
import { servedKind } from './served-kind.js';
import { stripNulls } from './strip-nulls.js';

/** Keywords whose message already says what a `type` error at the same place would (the allowed values). */
const SHADOWING_TYPE = new Set(['enum', 'const']);

/**
 * Validates one object against the Kubernetes API schema of its kind (`KUBERNETES_VERSION`) and
 * returns its mistakes, one {@link SchemaProblem} per mistake, in ajv's order, or:
 * - `'no-schema'` for kinds without a schema: custom resources (matched by group and kind, so an
 *   `apps.kruise.io` StatefulSet is not checked as an `apps` one) and built-in kinds not generated;
 * - `'api-version-not-served'` for a version the API server does not serve for the kind, removed
 *   (`apps/v1beta2` StatefulSet) or never served (`apps/v2`), which `api-version-removed` reports.
 *
 * Null-valued fields count as unset, as the API server decodes them (`stripNulls`). An object
 * without a string `apiVersion` is validated with the version it was read as (`document.apiVersion`). The
 * validators are compiled at build time (`scripts/gen-validators.ts`); nothing is compiled here.
 */
export function validateObject(document: ManifestDocument): 'no-schema' | 'api-version-not-served' | SchemaProblem[] {
  if (apiVersionNotServed(document.apiVersion, document.kind)) return 'api-version-not-served';
  const served = servedKind(groupOf(document.apiVersion), document.kind);
  if (!served) return 'no-schema';
  // An object written without apiVersion is read as its kind's current version (parse options);
  // its missing apiVersion is reported once, by the parser, not again as a required field.
  const declared = document.object.apiVersion;
  const object = stripNulls(typeof declared === 'string' && declared !== '' ? document.object : { ...document.object, apiVersion: document.apiVersion });
  if (served.validate(object)) return [];
  const errors = served.validate.errors ?? [];
  const listed = new Set(errors.filter((error) => SHADOWING_TYPE.has(error.keyword)).map((error) => error.instancePath));
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'type' && listed.has(error.instancePath)) continue;
    const problem = describeSchemaError(error, object, document, document.kind);
    const key = JSON.stringify(problem);
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
