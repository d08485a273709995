import type { ManifestDocument } from '../parser/manifest-document.js';
import { asRecord, asString } from '../k8s/plain-value.js';

/** The annotation listing rules to ignore for an object: `stslint/ignore: "rule-a,rule-b"`. */
export const IGNORE_ANNOTATION = 'stslint/ignore';
/** The annotation holding the reason for {@link IGNORE_ANNOTATION}. */
export const IGNORE_REASON_ANNOTATION = 'stslint/ignore-reason';

/** Rules an object's annotations ignore, with the reason given. */
export interface AnnotationIgnores {
  rules: ReadonlySet<string>;
  reason: string;
}

/**
 * The rules ignored for an object by the `stslint/ignore` annotation, on the object's own
 * `metadata.annotations` or on its pod template's (`spec.template.metadata.annotations`); the
 * reason comes from `stslint/ignore-reason` next to it. Annotations survive `helm template`,
 * kustomize and `kubectl apply`, where comments do not. Rule ids are comma-separated.
 */
export function annotationIgnores(document: ManifestDocument): AnnotationIgnores {
  const rules = new Set<string>();
  let reason = '';
  const objectAnnotations = asRecord(asRecord(document.object.metadata).annotations);
  const templateAnnotations = asRecord(asRecord(asRecord(asRecord(document.object.spec).template).metadata).annotations);
  for (const annotations of [objectAnnotations, templateAnnotations]) {
    const listed = asString(annotations[IGNORE_ANNOTATION]);
    if (listed === undefined) continue;
    for (const rule of listed.split(',')) if (rule.trim() !== '') rules.add(rule.trim());
    reason ||= asString(annotations[IGNORE_REASON_ANNOTATION])?.trim() ?? '';
  }
  return { rules, reason };
}
