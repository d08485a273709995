import type { ReplicationIndicator } from './data-store-family.js';
import { dataStoreNameMatches } from './data-store-name-matches.js';
import { dataStoreRepositoryMatches } from './data-store-repository-matches.js';
import type { ReplicationEvidence } from './replication-evidence.js';

/**
 * True when the evidence shows the indicator (see {@link ReplicationIndicator} for what each kind
 * is compared with).
 */
export function replicationIndicatorFound(indicator: ReplicationIndicator, evidence: ReplicationEvidence): boolean {
  if ('env' in indicator) return [...evidence.envNames].some((name) => dataStoreNameMatches(name, indicator.env));
  if ('text' in indicator) return evidence.texts.some((text) => indicator.text.test(text));
  if ('image' in indicator) return evidence.imageRepositories.some((repository) => dataStoreRepositoryMatches(repository, indicator.image));
  return evidence.podNameEnvNames.has(indicator.podNameEnv);
}
