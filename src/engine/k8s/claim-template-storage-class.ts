import { asRecord, isRecord, scalarString } from '../../parser/plain-value.js';

/** The legacy (beta) annotation that named a claim's class before `spec.storageClassName` existed. */
const LEGACY_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** The storage class a claim template asks for, and where that is written. */
export interface ClaimTemplateStorageClass {
  /** The class name; `''` means "no class" (binds only class-less PersistentVolumes, never provisioned). */
  name: string;
  /** Where the name is written, from the claim template's root. */
  path: readonly string[];
  /** `field` for `spec.storageClassName`, `annotation` for the legacy annotation. */
  source: 'field' | 'annotation';
}

/**
 * The storage class of a claim template (one entry of `spec.volumeClaimTemplates`): its
 * `spec.storageClassName`, or, when that field is absent or null, the legacy annotation
 * `volume.beta.kubernetes.io/storage-class` (core-rules `node-local-storage`). `undefined` when
 * neither is set: the API server's DefaultStorageClass admission plugin then writes the cluster's
 * default class, which the manifests do not tell (statefulset-semantics §3.2). Numbers and
 * booleans are read as their spelling. The API server reads the annotation first when both are
 * set; the two normally agree, and stslint follows the field, as core-rules says.
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#class-1
 */
export function claimTemplateStorageClass(claimTemplate: unknown): ClaimTemplateStorageClass | undefined {
  const spec = asRecord(asRecord(claimTemplate).spec);
  const field = scalarString(spec.storageClassName);
  if (field !== undefined) return { name: field, path: ['spec', 'storageClassName'], source: 'field' };
  const annotations = asRecord(asRecord(claimTemplate).metadata).annotations;
  const annotation = isRecord(annotations) ? scalarString(annotations[LEGACY_STORAGE_CLASS_ANNOTATION]) : undefined;
  if (annotation === undefined) return undefined;
  return { name: annotation, path: ['metadata', 'annotations', LEGACY_STORAGE_CLASS_ANNOTATION], source: 'annotation' };
}
