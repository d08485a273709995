import type { ManifestDocument } from '../parser/manifest-document.js';
import { SERVICE } from './group-kind.js';
import { isHeadless } from './is-headless.js';
import { matchServiceSelector } from './label-selector.js';
import type { ObjectIndex } from './object-index.js';
import { asRecord } from '../parser/plain-value.js';

/**
 * Headless Services in `namespace` whose `spec.selector` selects pods with these labels, in input
 * order. These are the Services that could govern a StatefulSet's pods.
 */
export function findHeadlessServicesSelecting(index: ObjectIndex, namespace: string, podLabels: unknown): ManifestDocument[] {
  return index
    .inNamespace(SERVICE, namespace)
    .filter((service) => isHeadless(service.object) && matchServiceSelector(asRecord(service.object.spec).selector, podLabels));
}
