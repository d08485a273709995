import { builtInGroupKind, groupOf } from '../k8s/group-kind.js';
import type { BaseVersions } from '../index/base-version.js';
import type { ObjectIndex } from '../index/object-index.js';
import type { ManifestDocument } from '../parser/manifest-document.js';
import { locateSource, type MappedLocation } from '../parser/source-location.js';
import { annotationIgnores, type AnnotationIgnores } from './annotation-ignores.js';
import { dottedPath, type Finding, type RelatedLocation, type Severity } from './finding.js';
import { INTERNAL_ERROR } from './internal-error.js';
import { interpolate, shortenWords } from './interpolate.js';
import { addMapEntries, insertDocumentAfter, renameKey, replaceScalar, type TextEdit } from '../parser/yaml-edits.js';
import { ANY_KIND, type Fixer, type Report, type ReportEdits, type Rule, type RuleContext } from './rule.js';

/** Options of {@link runRules}. */
export interface RunRulesOptions {
  /** Severity per rule id, overriding the rule's default (rules turned off are simply not passed). */
  severities?: ReadonlyMap<string, Severity>;
  /** Objects to index but not check (context files). */
  skip?: (document: ManifestDocument) => boolean;
  /** `false` ignores `stslint/ignore` annotations (`--no-inline-config`). */
  inlineConfig?: boolean;
  /** The objects to check, in this order; all of the index (less `skip`) when absent. */
  documents?: readonly ManifestDocument[];
  /** The run's objects at a base revision, for rules that compare (`context.base`). */
  base?: BaseVersions;
  /** Objects checked without the base (`context.base` unset): kustomize builds, whose base is not read. */
  withoutBase?: (document: ManifestDocument) => boolean;
}

/**
 * Runs every rule on every object whose kind it declares (built-in API group only: a custom
 * resource that reuses a kind name is not linted); a rule declaring {@link ANY_KIND} sees every object. A rule that throws becomes one
 * `internal-error` finding naming the rule and the object; the run goes on.
 *
 * Findings come out in the order rules report them; `finalizeFindings` sorts them. A finding on an
 * object whose `stslint/ignore` annotation lists the rule carries an `annotation` suppression.
 */
export function runRules(index: ObjectIndex, rules: readonly Rule[], options: RunRulesOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const document of options.documents ?? index.all) {
    if (options.skip?.(document)) continue;
    const ignores = options.inlineConfig === false ? undefined : annotationIgnores(document);
    for (const rule of rules) {
      if (!appliesTo(rule, document)) continue;
      const severity = options.severities?.get(rule.id) ?? rule.severity;
      const base = options.withoutBase?.(document) ? undefined : options.base;
      const context = createContext(rule, severity, document, index, ignores, findings, base);
      try {
        rule.check(context);
      } catch (error) {
        findings.push(internalError(rule, document, index, error));
      }
    }
  }
  return findings;
}

function appliesTo(rule: Rule, document: ManifestDocument): boolean {
  if (rule.kinds.includes(ANY_KIND)) return true;
  if (!rule.kinds.includes(document.kind)) return false;
  const builtIn = builtInGroupKind(document.kind);
  return builtIn !== undefined && builtIn.group === groupOf(document.apiVersion);
}

function createContext(
  rule: Rule,
  severity: Severity,
  document: ManifestDocument,
  index: ObjectIndex,
  ignores: AnnotationIgnores | undefined,
  findings: Finding[],
  base: BaseVersions | undefined,
): RuleContext {
  const ignored = ignores?.rules.has(rule.id) === true;
  const ref = index.refOf(document);
  return {
    object: document.object,
    document,
    ref,
    index,
    fixer: document.origin ? NO_FIXES : fixerFor(document),
    base,
    report(report: Report) {
      const template = rule.messages[report.messageId];
      if (template === undefined) throw new Error(`unknown messageId "${report.messageId}"`);
      const place = locateSource(document, report.path, report.target);
      findings.push({
        ruleId: rule.id,
        messageId: report.messageId,
        message: interpolate(template, report.data),
        severity,
        file: place.file,
        range: place.range,
        object: ref,
        path: dottedPath(report.path),
        related: [
          ...renderedAt(place),
          ...(report.related ?? []).map((related) => {
            const { file, range } = locateSource(related.document, related.path, related.target);
            return { file, range, message: related.message };
          }),
        ],
        ...(ignored ? { suppressions: [{ kind: 'annotation' as const, justification: ignores!.reason }] } : {}),
        ...fixesOf(report),
      });
    },
  };
}

/** A rule's edits as a finding carries them: complete (no `undefined` entry) and not overlapping, else dropped. */
function fixesOf(report: Report): Pick<Finding, 'fix' | 'suggestions'> {
  const fix = report.fix && completeEdits(report.fix);
  const suggestions = (report.suggestions ?? []).flatMap(({ desc, edits }) => {
    const complete = completeEdits(edits);
    return complete ? [{ desc: shortenWords(desc), edits: complete }] : [];
  });
  return { ...(fix ? { fix: { edits: fix } } : {}), ...(suggestions.length > 0 ? { suggestions } : {}) };
}

function completeEdits(edits: ReportEdits): TextEdit[] | undefined {
  if (edits.length === 0 || edits.some((edit) => edit === undefined)) return undefined;
  const sorted = [...(edits as TextEdit[])].sort((a, b) => a.start - b.start);
  return sorted.every((edit, i) => i === 0 || sorted[i - 1]!.end <= edit.start) ? sorted : undefined;
}

/** Edits of one object's file (src/parser/yaml-edits.ts), bound to the object. */
function fixerFor(document: ManifestDocument): Fixer {
  return {
    replaceScalar: (path, value) => replaceScalar(document, path, value),
    renameKey: (path, key) => renameKey(document, path, key),
    addMapEntries: (path, entries) => addMapEntries(document, path, entries),
    insertDocumentAfter: (object) => insertDocumentAfter(document, object),
  };
}

/**
 * An object built or rendered from other files (kustomize, `helm template`) offers no fix: its text
 * is not a file the user edits, and the lines that wrote its fields are in other files.
 */
const NO_FIXES: Fixer = {
  replaceScalar: () => undefined,
  renameKey: () => undefined,
  addMapEntries: () => undefined,
  insertDocumentAfter: () => undefined,
};

/** The rendered line of a field of `helm template` output, as a related location. */
function renderedAt(place: MappedLocation): RelatedLocation[] {
  return place.rendered ? [{ ...place.rendered, message: 'rendered here' }] : [];
}

function internalError(rule: Rule, document: ManifestDocument, index: ObjectIndex, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  const data = { rule: rule.id, kind: document.kind, name: document.name, error: detail.split('\n')[0] ?? '' };
  const place = locateSource(document, ['kind'], 'key');
  return {
    ruleId: INTERNAL_ERROR.id,
    messageId: 'threw',
    message: interpolate(INTERNAL_ERROR.messages.threw, data),
    severity: 'error',
    file: place.file,
    range: place.range,
    object: index.refOf(document),
    path: 'kind',
    related: renderedAt(place),
  };
}
