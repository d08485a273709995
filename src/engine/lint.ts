import { groupOf } from '../k8s/group-kind.js';
import { ObjectIndex } from '../index/object-index.js';
import { apiVersionNotServed } from '../schema/api-version-not-served.js';
import { servedKind } from '../schema/served-kind.js';
import type { ManifestDocument } from '../parser/manifest-document.js';
import { parseDocuments, type ParsedFile } from '../parser/parse-documents.js';
import { parseFiles, threadCount, type Jobs } from './parse-in-workers.js';
import { PARSE_OPTIONS } from './parse-options.js';
import type { SourceFile } from '../parser/source-file.js';
import { finalizeFindings } from './finalize-findings.js';
import type { Finding, Severity } from './finding.js';
import { parseFindings, YAML_SYNTAX } from './parse-findings.js';
import type { Rule } from './rule.js';
import { runRules } from './run-rules.js';
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
 * {@link ObjectIndex} from all of them, run the enabled rules on the files' objects (context
 * objects are only looked up), and group the findings by file (one result per input, in input
 * order, also for files without findings). Suppressions apply per file. A broken document is
 * reported by `yaml-syntax` and never hides the other documents or files. Never throws for bad
 * input.
 */
export function lintSources(files: readonly SourceFile[], options: LintOptions): FileResult[] {
  const parsed = files.map((file) => parseDocuments(file, PARSE_OPTIONS));
  const context = (options.context ?? []).map((file) => ('documents' in file ? file : parseDocuments(file, PARSE_OPTIONS)));
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
  const parsedAll = await parseFiles([...files, ...unparsed], threadCount(options.jobs), options.parallelMinBytes);
  const parsedContext = parsedAll.slice(files.length);
  const context = given.map((file) => ('documents' in file ? file : parsedContext.shift()!));
  return lintParsed(parsedAll.slice(0, files.length), context, options);
}

/** The run after parsing: index, rules, suppressions, per-file results. */
function lintParsed(parsed: readonly ParsedFile[], context: readonly ParsedFile[], options: LintOptions): FileResult[] {
  const index = new ObjectIndex(
    [...parsed, ...context].flatMap((file) => file.documents),
    { namespace: options.namespace },
  );
  const enabled = options.rules.filter((rule) => levelOf(rule, options) !== 'off');
  const severities = new Map(enabled.map((rule) => [rule.id, levelOf(rule, options) as Severity]));
  const contextDocuments = new Set<ManifestDocument>(context.flatMap((file) => file.documents));
  const findings = runRules(index, enabled, {
    severities,
    skip: (document) => contextDocuments.has(document),
    inlineConfig: options.inlineConfig,
  });
  const yamlSyntax = enabled.find((rule) => rule.id === YAML_SYNTAX);
  const byFile = groupByFile(findings);
  return parsed.map((file) => {
    const own = [...(yamlSyntax ? parseFindings(file, yamlSyntax, severities.get(YAML_SYNTAX)!) : []), ...(byFile.get(file.file.path) ?? [])];
    const split = suppressFindings(file.file, own, options);
    return {
      file: file.file,
      findings: finalizeFindings(split.findings),
      suppressed: finalizeFindings(split.suppressed),
      objectCount: file.documents.length,
      unvalidatedKinds: file.documents.filter(hasNoSchema).map((document) => document.kind),
    };
  });
}

function hasNoSchema(document: ManifestDocument): boolean {
  if (apiVersionNotServed(document.apiVersion, document.kind)) return false;
  return servedKind(groupOf(document.apiVersion), document.kind) === undefined;
}

function levelOf(rule: Rule, options: LintOptions): RuleLevel {
  return options.levels?.get(rule.id) ?? rule.severity;
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  return byFile;
}
