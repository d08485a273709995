import path from 'node:path';
import { attachHelmSources, templatePlaceOfLine, type HelmOptions } from '../helm/helm-sources.js';
import { groupOf } from '../k8s/group-kind.js';
import { findBaseVersion, type BaseVersions } from '../index/base-version.js';
import { findDependents } from '../index/dependents.js';
import { ObjectIndex } from '../index/object-index.js';
import type { KustomizeRunResult } from '../kustomize/kustomize-run.js';
import { apiVersionNotServed } from '../schema/api-version-not-served.js';
import { servedKind } from '../schema/served-kind.js';
import type { ManifestDocument } from '../parser/manifest-document.js';
import { parseDocuments, type ParsedFile } from '../parser/parse-documents.js';
import { parseFiles, threadCount, type Jobs } from './parse-in-workers.js';
import { parseOptions } from './parse-options.js';
import type { InputLimits } from '../parser/input-limits.js';
import type { SourceFile } from '../parser/source-file.js';
import { locateSource } from '../parser/source-location.js';
import { buildFindings } from './build-problems.js';
import { finalizeFindings } from './finalize-findings.js';
import type { Finding, RelatedLocation, Severity } from './finding.js';
import { parseFindings, SCHEMA_VIOLATION, YAML_SYNTAX, type EnabledRule } from './parse-findings.js';
import { isKustomizationFile } from '../kustomize/kustomization.js';
import { CHART_FILE } from '../helm/helm-charts.js';
import type { Rule } from './rule.js';
import { runRules, type RunRulesOptions } from './run-rules.js';
import { suppressFindings, type ExemptionCheck } from './suppress-findings.js';

export { YAML_SYNTAX };

/** A rule's configured level: a severity, or `off` (the rule does not run). */
export type RuleLevel = Severity | 'off';

/** Options of {@link lintSources}. */
export interface LintOptions {
  /** The rules to run (a `yaml-syntax` entry turns parse problems into findings). */
  rules: readonly Rule[];
  /** Namespace of objects that name none (`--namespace`); `default` when absent. */
  namespace?: string;
  /** What one input may cost (`--max-file-bytes`, `--max-depth`, `--max-aliases`); the defaults when absent. */
  limits?: InputLimits;
  /** Level per rule id, overriding the rule's default severity; `off` disables the rule. */
  levels?: ReadonlyMap<string, RuleLevel>;
  /**
   * Files indexed for cross-object checks but not reported (configured context). An already parsed
   * file is reused as it is (the language server keeps its workspace parsed between keystrokes).
   */
  context?: readonly (SourceFile | ParsedFile)[];
  /** `false` ignores inline comments and `stslint/ignore` annotations (`--no-inline-config`). */
  inlineConfig?: boolean;
  /** Configured exemptions. */
  exempt?: ExemptionCheck;
  /** Severity of findings for disable comments that suppress nothing; absent = not reported. */
  reportUnusedDisableDirectives?: Severity;
  /**
   * The run's kustomize builds (`kustomizeRun`): their objects are indexed and linted, with
   * findings reported in the files that wrote the fields; the files in `notObjects` (patches,
   * kustomizations, resources of built trees) are reported but their own documents are neither
   * indexed nor linted; failed builds become `kustomize-build` findings.
   */
  kustomize?: Pick<KustomizeRunResult, 'built' | 'files' | 'notObjects' | 'problems'>;
  /** Report documents of `helm template` output (`# Source: <path>`) under their template (see `attachHelmSources`). */
  helm?: HelmOptions;
  /**
   * `true` lints the context objects that depend on an object of the files (`findDependents`: a
   * StatefulSet whose Service, storage, ConfigMap or PodDisruptionBudget is in a linted file), and
   * reports their findings in their own files, each naming the changed object as a related
   * location. With a base, objects a linted file held at the base count too (a removed Service).
   */
  dependents?: boolean;
  /** The inputs as they were at a base revision, for rules that compare (`immutable-field-changed`). */
  base?: BaseInput;
}

/**
 * The inputs at a base revision (`--base <git-ref>`). Objects are matched with the run's by
 * identity (`findBaseVersion`), so anything that yields the base's objects fits here: files read
 * with `git show`, or, later, kustomize builds run on a checkout of the base.
 */
export interface BaseInput {
  /** How messages name the base: `HEAD`, `origin/main`, an abbreviated commit. */
  label: string;
  /**
   * The files at the base, each under the path it has in the working tree (so an object found at
   * its own path is preferred among variants). Files new since the base are simply absent.
   */
  files: readonly (SourceFile | ParsedFile)[];
}

/** Findings of one input file. */
export interface FileResult {
  file: SourceFile;
  /** Reported findings: sorted, de-duplicated. */
  findings: Finding[];
  /** Findings hidden by a comment, an annotation or an exemption (each carries `suppressions`). */
  suppressed: Finding[];
  /** How many Kubernetes objects the file held (List items counted one by one). */
  objectCount: number;
  /**
   * Kinds of the file's objects that have no API schema (custom resources, and built-in kinds
   * outside the generated schema such as Secret), one entry per such object: they were linted
   * where a rule applies, but not validated against the schema.
   */
  unvalidatedKinds: string[];
  /** The file's text after fixes, when `--fix` or `--fix-dry-run` changed it (ESLint's `output`). */
  output?: string;
}

/**
 * Lints a set of inputs as one run: parse every file and context file, build one
 * {@link ObjectIndex} from all of them and from the objects of the run's kustomize builds, run the
 * enabled rules on the files' and builds' objects (context objects are only looked up), and group
 * the findings by the file they are reported in: one result per input, in input order, also for
 * files without findings, then one per other file that received findings (a base outside the
 * linted folders, a Helm template), sorted by path, then, with `dependents`, one per context file
 * holding a dependent (only the dependents' findings). Suppressions apply per file. A broken
 * document is reported by `yaml-syntax` and never hides the other documents or files. Never
 * throws for bad input.
 */
export function lintSources(files: readonly SourceFile[], options: LintOptions): FileResult[] {
  const parsed = files.map((file) => parseDocuments(file, parseOptions(options.limits)));
  const context = (options.context ?? []).map((file) => ('documents' in file ? file : parseDocuments(file, parseOptions(options.limits))));
  return lintParsed(parsed, context, options);
}

/** How {@link lintSourcesInParallel} may use threads. */
export interface ParallelOptions {
  /** `--jobs`: threads that parse (`auto`: one per core). */
  jobs: Jobs;
  /** Inputs smaller than this many bytes are parsed on this thread (default `PARALLEL_PARSE_MIN_BYTES`). */
  parallelMinBytes?: number;
}

/**
 * {@link lintSources}, parsing on up to `jobs` worker threads when the input is large enough
 * (`parseFiles`). The results are the same as {@link lintSources}'s, byte for byte once formatted.
 */
export async function lintSourcesInParallel(files: readonly SourceFile[], options: LintOptions & ParallelOptions): Promise<FileResult[]> {
  const given = options.context ?? [];
  const unparsed = given.filter((file): file is SourceFile => !('documents' in file));
  const parsedAll = await parseFiles([...files, ...unparsed], threadCount(options.jobs), options.parallelMinBytes, options.limits);
  const parsedContext = parsedAll.slice(files.length);
  const context = given.map((file) => ('documents' in file ? file : parsedContext.shift()!));
  return lintParsed(parsedAll.slice(0, files.length), context, options);
}

/** The run after parsing: index, rules, suppressions, per-file results. */
function lintParsed(parsed: readonly ParsedFile[], context: readonly ParsedFile[], options: LintOptions): FileResult[] {
  const notObjects = options.kustomize?.notObjects ?? new Set<string>();
  const objectsOf = (file: ParsedFile) => (notObjects.has(file.file.path) ? [] : file.documents);
  const templates = options.helm ? parsed.flatMap((file) => attachHelmSources(file, options.helm!)) : [];
  const built = (options.kustomize?.built ?? []).flatMap((file) => file.documents);
  const index = new ObjectIndex([...parsed.flatMap(objectsOf), ...built, ...context.flatMap(objectsOf)], { namespace: options.namespace });
  const enabled = options.rules.filter((rule) => levelOf(rule, options) !== 'off');
  const severities = new Map(enabled.map((rule) => [rule.id, levelOf(rule, options) as Severity]));
  const contextDocuments = new Set<ManifestDocument>(context.flatMap((file) => file.documents));
  // Kustomize: a built object is compared with nothing yet (its base would be a build of the base
  // commit, not the files read there), and the base's patches and resources of built trees are not
  // objects of their own, as today's are not.
  const base: BaseVersions | undefined = options.base && {
    label: options.base.label,
    index: new ObjectIndex(
      options.base.files.flatMap((file) => objectsOf('documents' in file ? file : parseDocuments(file, parseOptions(options.limits)))),
      { namespace: options.namespace },
    ),
  };
  const builtDocuments = new Set(built);
  const runOptions: RunRulesOptions = { severities, inlineConfig: options.inlineConfig, base, withoutBase: (document) => builtDocuments.has(document) };
  const findings = [
    ...runRules(index, enabled, { ...runOptions, skip: (document) => contextDocuments.has(document) }),
    ...buildFindings(options.kustomize?.problems ?? []),
  ];
  const parseRules = new Map<string, EnabledRule>(
    enabled.filter((rule) => rule.id === YAML_SYNTAX || rule.id === SCHEMA_VIOLATION).map((rule) => [rule.id, { rule, severity: severities.get(rule.id)! }]),
  );
  // Parse problems stay in their file, except in a document of `helm template` output, which is
  // reported in its template (first line, the rendered place related). Kustomization files, the
  // patches a kustomization uses and a chart's Chart.yaml are not objects, so their documents'
  // missing kind is no problem.
  const parseProblems = new Map<string, Finding[]>();
  for (const file of parsed) {
    const kept: Finding[] = [];
    const objects = !notObjects.has(file.file.path) && !isKustomizationFile(file.file.path) && path.basename(file.file.path) !== CHART_FILE;
    for (const finding of parseFindings(file, parseRules, objects)) {
      const place = options.helm ? templatePlaceOfLine(file.file, finding.range, options.helm) : undefined;
      if (!place) {
        kept.push(finding);
        continue;
      }
      templates.push(place.template);
      findings.push({ ...finding, file: place.template.path, range: place.range, related: [{ file: file.file.path, range: finding.range, message: 'rendered here' }] });
    }
    parseProblems.set(file.file.path, kept);
  }
  const byFile = groupByFile(findings);
  const builtByFile = groupBy(built, (document) => locateSource(document, ['metadata', 'name'], 'key').file);
  const result = (file: SourceFile, own: Finding[], objects: readonly ManifestDocument[]): FileResult => {
    const split = suppressFindings(file, own, options);
    return {
      file,
      findings: finalizeFindings(split.findings),
      suppressed: finalizeFindings(split.suppressed),
      objectCount: objects.length,
      unvalidatedKinds: objects.filter(hasNoSchema).map((document) => document.kind),
    };
  };
  const results = parsed.map((file) => {
    const own = [...parseProblems.get(file.file.path)!, ...(byFile.get(file.file.path) ?? [])];
    return result(file.file, own, [...objectsOf(file), ...(builtByFile.get(file.file.path) ?? [])]);
  });
  const inputs = new Set(parsed.map((file) => file.file.path));
  const elsewhere = new Map<string, SourceFile>([...templates, ...(options.kustomize?.files.values() ?? [])].map((file) => [file.path, file]));
  for (const file of [...byFile.keys()].filter((file) => !inputs.has(file)).sort()) {
    results.push(result(elsewhere.get(file) ?? { path: file, text: '' }, byFile.get(file)!, builtByFile.get(file) ?? []));
  }
  if (!options.dependents || contextDocuments.size === 0) return results;
  const linted = [...parsed.flatMap(objectsOf), ...built];
  const dependents = contextDependents(index, linted, new Set(parsed.map((file) => file.file.path)), contextDocuments, base);
  const reported = new Set(results.map((entry) => entry.file.path));
  for (const file of context) {
    const documents = file.documents.filter((document) => dependents.has(document));
    if (documents.length === 0 || reported.has(file.file.path)) continue;
    const own = documents.flatMap((document) =>
      runRules(index, enabled, { ...runOptions, documents: [document] }).map((finding) => ({ ...finding, related: [...finding.related, ...dependents.get(document)!] })),
    );
    // Only some objects of the file were linted: a disable comment on the others is not unused.
    const split = suppressFindings(file.file, own, { ...options, reportUnusedDisableDirectives: undefined });
    results.push({
      file: file.file,
      findings: finalizeFindings(split.findings),
      suppressed: finalizeFindings(split.suppressed),
      objectCount: documents.length,
      unvalidatedKinds: documents.filter(hasNoSchema).map((document) => document.kind),
    });
  }
  return results;
}

/** Why a context object is linted: a related location per object of the linted files it depends on. */
type Reasons = Map<ManifestDocument, RelatedLocation[]>;

/**
 * The context StatefulSets that depend on an object of the linted files (`findDependents`). With a
 * base, the base versions of the linted files' objects count too, looked up among today's context:
 * a Service that stopped selecting the pods, was renamed or was removed is still a reason.
 */
function contextDependents(
  index: ObjectIndex,
  linted: readonly ManifestDocument[],
  lintedPaths: ReadonlySet<string>,
  contextDocuments: ReadonlySet<ManifestDocument>,
  base: BaseVersions | undefined,
): Reasons {
  const reasons: Reasons = new Map();
  const add = (statefulSet: ManifestDocument, location: RelatedLocation) => {
    if (!contextDocuments.has(statefulSet)) return;
    const list = reasons.get(statefulSet) ?? [];
    if (!list.some((known) => known.file === location.file && known.message === location.message)) list.push(location);
    reasons.set(statefulSet, list);
  };
  for (const [statefulSet, objects] of findDependents(index, linted)) {
    for (const object of objects) add(statefulSet, changedHere(object, 'changed'));
  }
  if (!base) return reasons;
  const now = new Map<ManifestDocument, ManifestDocument | undefined>();
  for (const document of base.index.all) {
    if (lintedPaths.has(document.file.path)) now.set(document, undefined);
  }
  for (const document of linted) {
    const earlier = findBaseVersion(base, index, document);
    if (earlier) now.set(earlier, document);
  }
  if (now.size === 0) return reasons;
  const then = new ObjectIndex([...contextDocuments, ...now.keys()], { namespace: index.defaultNamespace });
  for (const [statefulSet, objects] of findDependents(then, now.keys())) {
    for (const object of objects) {
      const current = now.get(object);
      add(statefulSet, current ? changedHere(current, 'changed') : { file: object.file.path, range: FIRST_LINE, message: `rechecked because ${object.kind} "${object.name}" was removed` });
    }
  }
  return reasons;
}

const FIRST_LINE = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function changedHere(object: ManifestDocument, what: string): RelatedLocation {
  const { file, range } = locateSource(object, ['metadata', 'name']);
  return { file, range, message: `rechecked because ${object.kind} "${object.name}" ${what}` };
}

function hasNoSchema(document: ManifestDocument): boolean {
  if (apiVersionNotServed(document.apiVersion, document.kind)) return false;
  return servedKind(groupOf(document.apiVersion), document.kind) === undefined;
}

function levelOf(rule: Rule, options: LintOptions): RuleLevel {
  return options.levels?.get(rule.id) ?? rule.severity;
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  return groupBy(findings, (finding) => finding.file);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
