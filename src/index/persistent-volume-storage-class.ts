import { asRecord, scalarString } from '../parser/plain-value.js';

/** The legacy (beta) annotation that named a volume's class before `spec.storageClassName` existed. */
const LEGACY_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/**
 * The storage class of a PersistentVolume: `spec.storageClassName`, else the legacy annotation
 * `volume.beta.kubernetes.io/storage-class`, else `''` (a class-less volume, which only claims with
 * `storageClassName: ""` bind). Numbers and booleans are read as their spelling. Read in the same
 * order as a claim template's class (`claimTemplateStorageClass` in `src/engine/k8s`).
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#class
 */
export function persistentVolumeStorageClass(persistentVolume: unknown): string {
  const field = scalarString(asRecord(asRecord(persistentVolume).spec).storageClassName);
  if (field !== undefined) return field;
  const annotations = asRecord(asRecord(asRecord(persistentVolume).metadata).annotations);
  return scalarString(annotations[LEGACY_STORAGE_CLASS_ANNOTATION]) ?? '';
}
