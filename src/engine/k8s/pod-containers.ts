import { asArray, isRecord, type PlainRecord } from '../../parser/plain-value.js';
import { podSpec } from './pod-template.js';

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
      if (isRecord(container)) result.push({ container, list, position, path: ['spec', 'template', 'spec', list, position] });
    });
  }
  return result;
}
