import { asArray, asRecord, asString, isRecord, scalarString, type PlainRecord } from '../../parser/plain-value.js';
import { dataStoreImageRepository } from './data-store-image-repository.js';
import { podContainers } from './pod-containers.js';

/** What a StatefulSet's pods show about replication, gathered once for all indicators. */
export interface ReplicationEvidence {
  /**
   * Texts to search: each `command`/`args` element and the whole command line, `env` entries as
   * `NAME=value`, `lifecycle` exec commands, of every container and init container; then the
   * `data` entries of the given ConfigMaps as `key=value`. Readiness and liveness probes are left
   * out: they check a server, they do not configure it.
   */
  texts: string[];
  /** Names of environment variables that are set (a non-empty `value` or a `valueFrom`), plus the keys of the ConfigMaps. */
  envNames: Set<string>;
  /** Names of environment variables set from the pod's name (`fieldRef` `metadata.name` or the `statefulset.kubernetes.io/pod-name` label). */
  podNameEnvNames: Set<string>;
  /** True when an environment variable comes from the `apps.kubernetes.io/pod-index` label (§5.2). */
  podIndexFromLabel: boolean;
  /** Image repositories of all containers and init containers (`dataStoreImageRepository`). */
  imageRepositories: string[];
}

/**
 * Gathers the evidence of {@link ReplicationEvidence} from a StatefulSet's pod template and the
 * ConfigMaps its pods mount or read (plain objects, e.g. from `findMountedConfigMaps`). Values of
 * any shape are tolerated; non-strings are skipped.
 */
export function replicationEvidence(statefulSet: PlainRecord, configMaps: readonly PlainRecord[] = []): ReplicationEvidence {
  const evidence: ReplicationEvidence = { texts: [], envNames: new Set(), podNameEnvNames: new Set(), podIndexFromLabel: false, imageRepositories: [] };
  for (const { container } of podContainers(statefulSet)) {
    const repository = dataStoreImageRepository(container.image);
    if (repository !== undefined) evidence.imageRepositories.push(repository);
    addCommand(evidence, [...asArray(container.command), ...asArray(container.args)]);
    const lifecycle = asRecord(container.lifecycle);
    for (const hook of [lifecycle.postStart, lifecycle.preStop]) addCommand(evidence, asArray(asRecord(asRecord(hook).exec).command));
    for (const entry of asArray(container.env)) addEnv(evidence, entry);
  }
  for (const configMap of configMaps) {
    for (const [key, value] of Object.entries(asRecord(configMap.data))) {
      evidence.envNames.add(key);
      const text = scalarString(value);
      if (text !== undefined) evidence.texts.push(`${key}=${text}`);
    }
  }
  return evidence;
}

function addCommand(evidence: ReplicationEvidence, argv: readonly unknown[]): void {
  const words = argv.filter((word): word is string => typeof word === 'string');
  if (words.length === 0) return;
  evidence.texts.push(words.join(' '), ...words);
}

function addEnv(evidence: ReplicationEvidence, entry: unknown): void {
  if (!isRecord(entry)) return;
  const name = asString(entry.name);
  if (name === undefined || name === '') return;
  const value = scalarString(entry.value);
  if (value !== undefined && value !== '') {
    evidence.envNames.add(name);
    evidence.texts.push(`${name}=${value}`);
  }
  if (!isRecord(entry.valueFrom)) return;
  evidence.envNames.add(name);
  const fieldPath = asString(asRecord(entry.valueFrom.fieldRef).fieldPath);
  if (fieldPath === undefined) return;
  if (fieldPath === 'metadata.name' || fieldPath.includes('statefulset.kubernetes.io/pod-name')) evidence.podNameEnvNames.add(name);
  if (fieldPath.includes('apps.kubernetes.io/pod-index')) evidence.podIndexFromLabel = true;
}
