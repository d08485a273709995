import type { Rule } from '../src/engine/rule.js';
import apiVersionRemoved from './api-version-removed.js';
import claimTemplateUnmounted from './claim-template-unmounted.js';
import governingServiceMissing from './governing-service-missing.js';
import governingServiceNotHeadless from './governing-service-not-headless.js';
import immutableFieldChanged from './immutable-field-changed.js';
import nodeLocalStorage from './node-local-storage.js';
import persistentVolumeClaimRetentionDeletesData from './persistent-volume-claim-retention-deletes-data.js';
import podSelectorMismatch from './pod-selector-mismatch.js';
import replicationBootstrapMissing from './replication-bootstrap-missing.js';
import schemaViolation from './schema-violation.js';
import serviceNameMismatch from './service-name-mismatch.js';
import statefulsetNameTooLong from './statefulset-name-too-long.js';
import volatileImmutableLabels from './volatile-immutable-labels.js';
import volumeClaimTemplatesMissing from './volume-claim-templates-missing.js';
import volumeMountUnresolved from './volume-mount-unresolved.js';
import yamlSyntax from './yaml-syntax.js';

/** Every rule, by id, sorted. A test keeps this map and the `rules/` folder in step. */
export const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['api-version-removed', apiVersionRemoved],
  ['claim-template-unmounted', claimTemplateUnmounted],
  ['governing-service-missing', governingServiceMissing],
  ['governing-service-not-headless', governingServiceNotHeadless],
  ['immutable-field-changed', immutableFieldChanged],
  ['node-local-storage', nodeLocalStorage],
  ['persistent-volume-claim-retention-deletes-data', persistentVolumeClaimRetentionDeletesData],
  ['pod-selector-mismatch', podSelectorMismatch],
  ['replication-bootstrap-missing', replicationBootstrapMissing],
  ['schema-violation', schemaViolation],
  ['service-name-mismatch', serviceNameMismatch],
  ['statefulset-name-too-long', statefulsetNameTooLong],
  ['volatile-immutable-labels', volatileImmutableLabels],
  ['volume-claim-templates-missing', volumeClaimTemplatesMissing],
  ['volume-mount-unresolved', volumeMountUnresolved],
  ['yaml-syntax', yamlSyntax],
]);

/** Every rule, in id order. */
export const ALL_RULES: readonly Rule[] = [...RULES.values()];
