import { asRecord, asString, type PlainRecord } from '../../parser/plain-value.js';
import { podContainers, type PodContainer } from './pod-containers.js';
import { podTemplateLabels } from './pod-template.js';

/**
 * The main container of a StatefulSet (core-rules, "Terms"): the container whose name equals the
 * StatefulSet's name or its pods' `app` label (or `app.kubernetes.io/name`) if there is one, else
 * the first container. `undefined` when the pod template has no containers.
 */
export function findMainContainer(statefulSet: PlainRecord): PodContainer | undefined {
  const containers = podContainers(statefulSet, ['containers']);
  const labels = podTemplateLabels(statefulSet);
  const names = [
    asString(asRecord(statefulSet.metadata).name),
    asString(labels.app),
    asString(labels['app.kubernetes.io/name']),
  ].filter((name): name is string => name !== undefined && name !== '');
  return containers.find((entry) => names.includes(asString(entry.container.name) ?? '')) ?? containers[0];
}
