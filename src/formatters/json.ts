import type { Finding, TextEdit } from '../engine/finding.js';
import { applyEdits } from '../parser/yaml-edits.js';
import type { FileResult } from '../engine/lint.js';
import type { FormatInput } from './format-input.js';

/** ESLint's `EditInfo`: replace `[range[0], range[1])` (UTF-16 offsets in the file) with `text`. */
interface EditInfo {
  range: [number, number];
  text: string;
}

/** ESLint's `LintMessage`, as stslint fills it. */
interface LintMessage {
  ruleId: string;
  /** 2 for errors and fatal findings, 1 for warnings and info. */
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  messageId?: string;
  endLine: number;
  /** Exclusive, as ESLint's. */
  endColumn: number;
  fatal?: true;
  fix?: EditInfo;
  suggestions?: { desc: string; fix: EditInfo }[];
}

/** ESLint's `LintResult`. */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: (LintMessage & { suppressions: { kind: string; justification: string }[] })[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
  source?: string;
  usedDeprecatedRules: never[];
}

/**
 * ESLint's `json` format (`JSON.stringify` of `LintResult[]`, integrations.md §5a), on ONE line
 * followed by a newline, for editors such as ALE that parse each stdout line as JSON.
 *
 * Every linted file is listed, also those without findings. `filePath` is the absolute path
 * (`<stdin>` stays as it is). Messages carry `ruleId` (also for `yaml-syntax` and
 * `internal-error`, where ESLint would put `null`), `severity` 2 for errors and fatal findings and
 * 1 for warnings and `info`, 1-based `line`/`column`, exclusive `endColumn`, `messageId`, and
 * `fatal: true` for parse errors, `fix` (`{ range: [start, end], text }`, UTF-16 offsets) and
 * `suggestions` (`[{ desc, fix }]`) where a rule knows the edit. `source` is the file text,
 * present only for files with messages, and `output` the fixed text after `--fix` or
 * `--fix-dry-run`, as ESLint does. Counts: `errorCount` (severity 2), `fatalErrorCount`,
 * `warningCount` (severity 1), `fixableErrorCount` and `fixableWarningCount` (messages with a
 * `fix`), of reported messages only. Suppressed findings go to
 * `suppressedMessages`, each with `suppressions: [{kind, justification}]` (kind `directive`,
 * `annotation` or `exemption`), as ESLint reports its own.
 */
export function formatJson(input: Pick<FormatInput, 'results'>): string {
  return `${JSON.stringify(input.results.map(lintResult))}\n`;
}

/** One file's result in ESLint's `LintResult` shape (see {@link formatJson}). */
export function lintResult(result: FileResult): LintResult {
  const messages = result.findings.map((finding) => lintMessage(finding, result.file.text));
  return {
    filePath: result.file.path,
    messages,
    suppressedMessages: result.suppressed.map((finding) => ({ ...lintMessage(finding, result.file.text), suppressions: finding.suppressions ?? [] })),
    errorCount: messages.filter((message) => message.severity === 2).length,
    fatalErrorCount: messages.filter((message) => message.fatal).length,
    warningCount: messages.filter((message) => message.severity === 1).length,
    fixableErrorCount: messages.filter((message) => message.severity === 2 && message.fix).length,
    fixableWarningCount: messages.filter((message) => message.severity === 1 && message.fix).length,
    ...(result.output !== undefined ? { output: result.output } : messages.length > 0 ? { source: result.file.text } : {}),
    usedDeprecatedRules: [],
  };
}

/** Several edits as ESLint's one range: from the first edit's start to the last one's end, the text between kept. */
function editInfo(edits: readonly TextEdit[], text: string): EditInfo {
  const start = Math.min(...edits.map((edit) => edit.start));
  const end = Math.max(...edits.map((edit) => edit.end));
  const shifted = edits.map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start }));
  return { range: [start, end], text: applyEdits(text.slice(start, end), shifted) };
}

function lintMessage(finding: Finding, text: string): LintMessage {
  return {
    ruleId: finding.ruleId,
    severity: finding.fatal || finding.severity === 'error' ? 2 : 1,
    message: finding.message,
    line: finding.range.line,
    column: finding.range.column,
    ...(finding.messageId !== undefined ? { messageId: finding.messageId } : {}),
    endLine: finding.range.endLine,
    endColumn: finding.range.endColumn,
    ...(finding.fatal ? { fatal: true as const } : {}),
    ...(finding.fix ? { fix: editInfo(finding.fix.edits, text) } : {}),
    ...(finding.suggestions ? { suggestions: finding.suggestions.map((suggestion) => ({ desc: suggestion.desc, fix: editInfo(suggestion.edits, text) })) } : {}),
  };
}
