import { ObjectIndex } from '../index/object-index.js';
import { parseDocuments, type ParsedFile } from '../parser/parse-documents.js';
import type { SourceFile } from '../parser/source-file.js';
import { finalizeFindings } from './finalize-findings.js';
import type { Finding } from './finding.js';
import { interpolate } from './interpolate.js';
import type { Rule } from './rule.js';
import { runRules } from './run-rules.js';

/** The reserved id of parse problems; its metadata lives in `rules/yaml-syntax.ts`. */
export const YAML_SYNTAX = 'yaml-syntax';

/** Options of {@link lintSources}. */
export interface LintOptions {
  /** The rules to run (a `yaml-syntax` entry turns parse problems into findings). */
  rules: readonly Rule[];
  /** Namespace of objects that name none (`--namespace`); `default` when absent. */
  namespace?: string;
}

/** Findings of one input file. */
export interface FileResult {
  file: SourceFile;
  /** Sorted, de-duplicated. */
  findings: Finding[];
  /** How many Kubernetes objects the file held (List items counted one by one). */
  objectCount: number;
}

/**
 * Lints a set of inputs as one run: parse every file, build one {@link ObjectIndex} from all of
 * them, run the rules, and group the findings by file (one result per input, in input order, also
 * for files without findings). A broken document is reported by `yaml-syntax` and never hides the
 * other documents or files. Never throws for bad input.
 */
export function lintSources(files: readonly SourceFile[], options: LintOptions): FileResult[] {
  const parsed = files.map(parseDocuments);
  const index = new ObjectIndex(
    parsed.flatMap((file) => file.documents),
    { namespace: options.namespace },
  );
  const findings = [...parseFindings(parsed, options.rules), ...runRules(index, options.rules)];
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  return parsed.map(({ file, documents }) => ({
    file,
    findings: finalizeFindings(byFile.get(file.path) ?? []),
    objectCount: documents.length,
  }));
}

function parseFindings(parsed: readonly ParsedFile[], rules: readonly Rule[]): Finding[] {
  const rule = rules.find((candidate) => candidate.id === YAML_SYNTAX);
  if (!rule) return [];
  return parsed.flatMap(({ file, problems }) =>
    problems.map((problem) => {
      const duplicate = problem.code === 'DUPLICATE_KEY';
      const messageId = duplicate ? 'duplicateKey' : 'syntax';
      const template = (rule.messages as Record<string, string>)[messageId] ?? '{{detail}}';
      return {
        ruleId: YAML_SYNTAX,
        messageId,
        message: interpolate(template, { detail: problem.message }),
        severity: rule.severity,
        ...(duplicate ? {} : { fatal: true }),
        file: file.path,
        range: problem.range,
        related: [],
      };
    }),
  );
}
