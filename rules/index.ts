import { KUSTOMIZE_BUILD } from '../src/engine/build-problems.js';
import { INTERNAL_ERROR } from '../src/engine/internal-error.js';
import { INPUT_LIMIT } from '../src/engine/parse-findings.js';
import type { DocumentedRule, Rule } from '../src/engine/rule.js';
import { UNUSED_DISABLE_DIRECTIVE_META } from '../src/engine/suppress-findings.js';
import apiVersionRemoved from './api-version-removed.js';
import claimTemplateUnmounted from './claim-template-unmounted.js';
import governingServiceMissing from './governing-service-missing.js';
import governingServiceNotHeadless from './governing-service-not-headless.js';
import immutableFieldChanged from './immutable-field-changed.js';
import nodeLocalStorage from './node-local-storage.js';
import parallelPodManagementUnsafe from './parallel-pod-management-unsafe.js';
import peerCountMismatch from './peer-count-mismatch.js';
import peerDiscoveryBlocked from './peer-discovery-blocked.js';
import persistentVolumeClaimRetentionDeletesData from './persistent-volume-claim-retention-deletes-data.js';
import podAntiAffinityMismatch from './pod-anti-affinity-mismatch.js';
import podDisruptionBudgetBlocksEviction from './pod-disruption-budget-blocks-eviction.js';
import podDisruptionBudgetMissing from './pod-disruption-budget-missing.js';
import podSelectorMismatch from './pod-selector-mismatch.js';
import readinessProbeMissing from './readiness-probe-missing.js';
import replicasNotSpread from './replicas-not-spread.js';
import replicationBootstrapMissing from './replication-bootstrap-missing.js';
import rollingUpdatePartitionStalls from './rolling-update-partition-stalls.js';
import schemaViolation from './schema-violation.js';
import serviceNameMismatch from './service-name-mismatch.js';
import statefulsetNameTooLong from './statefulset-name-too-long.js';
import terminationGracePeriodZero from './termination-grace-period-zero.js';
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
  ['parallel-pod-management-unsafe', parallelPodManagementUnsafe],
  ['peer-count-mismatch', peerCountMismatch],
  ['peer-discovery-blocked', peerDiscoveryBlocked],
  ['persistent-volume-claim-retention-deletes-data', persistentVolumeClaimRetentionDeletesData],
  ['pod-anti-affinity-mismatch', podAntiAffinityMismatch],
  ['pod-disruption-budget-blocks-eviction', podDisruptionBudgetBlocksEviction],
  ['pod-disruption-budget-missing', podDisruptionBudgetMissing],
  ['pod-selector-mismatch', podSelectorMismatch],
  ['readiness-probe-missing', readinessProbeMissing],
  ['replicas-not-spread', replicasNotSpread],
  ['replication-bootstrap-missing', replicationBootstrapMissing],
  ['rolling-update-partition-stalls', rollingUpdatePartitionStalls],
  ['schema-violation', schemaViolation],
  ['service-name-mismatch', serviceNameMismatch],
  ['statefulset-name-too-long', statefulsetNameTooLong],
  ['termination-grace-period-zero', terminationGracePeriodZero],
  ['volatile-immutable-labels', volatileImmutableLabels],
  ['volume-claim-templates-missing', volumeClaimTemplatesMissing],
  ['volume-mount-unresolved', volumeMountUnresolved],
  ['yaml-syntax', yamlSyntax],
]);

/** Every rule, in id order. */
export const ALL_RULES: readonly Rule[] = [...RULES.values()];

/**
 * Ids the engine reports without a rule module, sorted: a rule that threw (`internal-error`), an
 * input over a limit (`input-limit`), a failed kustomize build (`kustomize-build`), a disable
 * comment that suppresses nothing (`unused-disable-directive`). They cannot be configured like
 * rules, but each has metadata and a generated docs page.
 */
export const RESERVED_RULES: readonly DocumentedRule[] = [INPUT_LIMIT, INTERNAL_ERROR, KUSTOMIZE_BUILD, UNUSED_DISABLE_DIRECTIVE_META];

/** Everything that can appear in a report, by id: every rule, then the reserved ids. */
export const REPORTING_RULES: ReadonlyMap<string, DocumentedRule> = new Map([...ALL_RULES, ...RESERVED_RULES].map((rule) => [rule.id, rule]));
