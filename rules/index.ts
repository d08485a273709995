import type { Rule } from '../src/engine/rule.js';
import apiVersionRemoved from './api-version-removed.js';
import governingServiceMissing from './governing-service-missing.js';
import governingServiceNotHeadless from './governing-service-not-headless.js';
import nodeLocalStorage from './node-local-storage.js';
import podSelectorMismatch from './pod-selector-mismatch.js';
import replicationBootstrapMissing from './replication-bootstrap-missing.js';
import schemaViolation from './schema-violation.js';
import serviceNameMismatch from './service-name-mismatch.js';
import volumeClaimTemplatesMissing from './volume-claim-templates-missing.js';
import yamlSyntax from './yaml-syntax.js';

/** Every rule, by id, sorted. A test keeps this map and the `rules/` folder in step. */
export const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['api-version-removed', apiVersionRemoved],
  ['governing-service-missing', governingServiceMissing],
  ['governing-service-not-headless', governingServiceNotHeadless],
  ['node-local-storage', nodeLocalStorage],
  ['pod-selector-mismatch', podSelectorMismatch],
  ['replication-bootstrap-missing', replicationBootstrapMissing],
  ['schema-violation', schemaViolation],
  ['service-name-mismatch', serviceNameMismatch],
  ['volume-claim-templates-missing', volumeClaimTemplatesMissing],
  ['yaml-syntax', yamlSyntax],
]);

/** Every rule, in id order. */
export const ALL_RULES: readonly Rule[] = [...RULES.values()];
