/**
 * The pod template of a StatefulSet (`spec.template`): its labels, its pod spec, its containers,
 * the main container, and the ConfigMaps it references. Every reader tolerates any shape: a field
 * that is absent or of the wrong type reads as empty.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/stateful-set-v1/#StatefulSetSpec
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#PodSpec
 */
import { asArray, asRecord, asString, isRecord, type PlainRecord } from './plain-value.js';
import { containerDataStoreFamily } from './data-store-recognition.js';

/** Path of the pod template's labels in a StatefulSet (`spec.template.metadata.labels`). */
export const POD_TEMPLATE_LABELS_PATH = ['spec', 'template', 'metadata', 'labels'] as const;

/** Path of the pod spec in a StatefulSet (`spec.template.spec`). */
export const POD_SPEC_PATH = ['spec', 'template', 'spec'] as const;

/** The pod template's labels (`spec.template.metadata.labels`): the labels every pod carries. */
export function podTemplateLabels(statefulSet: PlainRecord): PlainRecord {
  return asRecord(asRecord(asRecord(asRecord(statefulSet.spec).template).metadata).labels);
}

/** The pod spec of a StatefulSet (`spec.template.spec`), or `{}` when absent or malformed. */
export function podSpec(statefulSet: PlainRecord): PlainRecord {
  return asRecord(asRecord(asRecord(statefulSet.spec).template).spec);
}

/** A container of a StatefulSet's pod template, with where it sits. */
export interface PodContainer {
  container: PlainRecord;
  /** `containers` or `initContainers`. */
  list: 'containers' | 'initContainers';
  /** Position in that list. */
  position: number;
  /** Node path from the StatefulSet root, e.g. `['spec', 'template', 'spec', 'containers', 0]`. */
  path: (string | number)[];
}

/**
 * The containers of a StatefulSet's pod template: `containers` first, then `initContainers`, in
 * order. Entries that are not mappings are skipped.
 */
export function podContainers(statefulSet: PlainRecord, lists: readonly PodContainer['list'][] = ['containers', 'initContainers']): PodContainer[] {
  const spec = podSpec(statefulSet);
  const result: PodContainer[] = [];
  for (const list of lists) {
    asArray(spec[list]).forEach((container, position) => {
      if (isRecord(container)) result.push({ container, list, position, path: [...POD_SPEC_PATH, list, position] });
    });
  }
  return result;
}

/**
 * The main container of a StatefulSet (core-rules, "Terms"): the container whose name equals the
 * StatefulSet's name or its pods' `app` label (or `app.kubernetes.io/name`) if there is one; else
 * the first container that runs a data store (`containerDataStoreFamily`), so that a clustering
 * sidecar placed first is not taken for it; else the first container. `undefined` when the pod
 * template has no containers.
 */
export function findMainContainer(statefulSet: PlainRecord): PodContainer | undefined {
  const containers = podContainers(statefulSet, ['containers']);
  const labels = podTemplateLabels(statefulSet);
  const names = [
    asString(asRecord(statefulSet.metadata).name),
    asString(labels.app),
    asString(labels['app.kubernetes.io/name']),
  ].filter((name): name is string => name !== undefined && name !== '');
  return (
    containers.find((entry) => names.includes(asString(entry.container.name) ?? '')) ??
    containers.find((entry) => containerDataStoreFamily(entry.container) !== undefined) ??
    containers[0]
  );
}

/**
 * Names of the ConfigMaps a pod template mounts or reads, each once, in order of first reference:
 * `volumes[].configMap.name`, `volumes[].projected.sources[].configMap.name`, then in containers
 * and init containers `envFrom[].configMapRef.name` and `env[].valueFrom.configMapKeyRef.name`.
 * Empty and non-string names are skipped.
 *
 * @see https://kubernetes.io/docs/concepts/configuration/configmap/#using-configmaps
 */
export function referencedConfigMapNames(statefulSet: PlainRecord): Set<string> {
  const names: (string | undefined)[] = [];
  for (const volume of asArray(podSpec(statefulSet).volumes)) {
    const source = asRecord(volume);
    names.push(asString(asRecord(source.configMap).name));
    for (const projection of asArray(asRecord(source.projected).sources)) names.push(asString(asRecord(asRecord(projection).configMap).name));
  }
  for (const { container } of podContainers(statefulSet)) {
    for (const entry of asArray(container.envFrom)) names.push(asString(asRecord(asRecord(entry).configMapRef).name));
    for (const entry of asArray(container.env)) names.push(asString(asRecord(asRecord(asRecord(entry).valueFrom).configMapKeyRef).name));
  }
  return new Set(names.filter((name): name is string => name !== undefined && name !== ''));
}

/**
 * True when a container has a `readinessProbe` (a mapping). A container without one counts as
 * Ready as soon as it runs (after its `startupProbe`, if any), which is all `OrderedReady` then
 * waits for (statefulset-semantics §4.1).
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes
 */
export function hasReadinessProbe(container: PlainRecord): boolean {
  return isRecord(container.readinessProbe);
}
