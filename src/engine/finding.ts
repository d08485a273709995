import type { ObjectRef } from '../parser/object-ref.js';
import type { SourceRange } from '../parser/source-range.js';
import type { TextEdit } from '../parser/yaml-edits.js';

export type { TextEdit };

/**
 * An edit of the finding's file that resolves it: text replacements whose offsets (UTF-16 code
 * units) refer to the unmodified file, never overlapping. A `fix` is safe to apply without a human
 * (ESLint's `fix`); a suggestion is applied only by a person (ESLint's `suggestions`).
 */
export interface FindingFix {
  edits: TextEdit[];
}

/** A fix offered to a person, with what it does. */
export interface FindingSuggestion extends FindingFix {
  /** One imperative sentence: `Add a headless Service "db" after this StatefulSet`. */
  desc: string;
}

/** How serious a finding is. `error` fails the run (exit 1); `warning` does only past `--max-warnings`. */
export type Severity = 'error' | 'warning' | 'info';

/** Another place that explains a finding, e.g. the Service that is not headless. */
export interface RelatedLocation {
  /** Absolute path of the file (or `<stdin>`). */
  file: string;
  range: SourceRange;
  /** A few words on what is there: `clusterIP is set here`. */
  message: string;
}

/**
 * Why a finding is hidden from users: an inline comment (`directive`), an object annotation
 * (`annotation`) or a configured exemption (`exemption`). SARIF maps all three to `inSource`.
 */
export interface Suppression {
  kind: 'directive' | 'annotation' | 'exemption';
  /** The reason given with it, or `''`. */
  justification: string;
}

/**
 * One problem, as every formatter receives it. Positions are 1-based with an exclusive end column
 * (see {@link SourceRange}).
 */
export interface Finding {
  /** Rule id (`governing-service-missing`), or the reserved `yaml-syntax` / `internal-error`. */
  ruleId: string;
  /** Key of the rule's message template that produced `message`. */
  messageId?: string;
  /** Finished text, placeholders filled in, no final period. */
  message: string;
  severity: Severity;
  /** True when the file (or document) could not be parsed, so its rules did not run (ESLint's `fatal`). */
  fatal?: boolean;
  /** Absolute path of the file (or `<stdin>`). */
  file: string;
  range: SourceRange;
  /** The object the finding is about, when there is one. */
  object?: ObjectRef;
  /** Dotted field path within the object: `spec.volumeClaimTemplates[0].spec.storageClassName`. */
  path?: string;
  related: RelatedLocation[];
  /** Present (non-empty) only on suppressed findings. */
  suppressions?: Suppression[];
  /** The edit that resolves the finding, when one is unambiguous (`--fix` applies it). */
  fix?: FindingFix;
  /** Edits a person may choose to apply (editor quick fixes). */
  suggestions?: FindingSuggestion[];
}

/** Dotted form of a node path: `['spec', 'containers', 0, 'image']` → `spec.containers[0].image`. */
export function dottedPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += /^[A-Za-z0-9_-]+$/.test(segment) ? (text ? `.${segment}` : segment) : `[${JSON.stringify(segment)}]`;
  }
  return text;
}
