import { asRecord, type PlainRecord } from '../../parser/plain-value.js';

/** Path of the pod template's labels in a StatefulSet (`spec.template.metadata.labels`). */
export const POD_TEMPLATE_LABELS_PATH = ['spec', 'template', 'metadata', 'labels'] as const;

/** The pod template's labels (`spec.template.metadata.labels`): the labels every pod carries. */
export function podTemplateLabels(statefulSet: PlainRecord): PlainRecord {
  return asRecord(asRecord(asRecord(asRecord(statefulSet.spec).template).metadata).labels);
}

/** The pod spec of a StatefulSet (`spec.template.spec`), or `{}` when absent or malformed. */
export function podSpec(statefulSet: PlainRecord): PlainRecord {
  return asRecord(asRecord(asRecord(statefulSet.spec).template).spec);
}
