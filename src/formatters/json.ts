import type { Finding } from '../engine/finding.js';
import type { FileResult } from '../engine/lint.js';
import type { FormatInput } from './format-input.js';

/** ESLint's `LintMessage`, as stslint fills it (no fixes, no suggestions). */
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
}

/** ESLint's `LintResult`. */
interface LintResult {
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: (LintMessage & { suppressions: { kind: string; justification: string }[] })[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: 0;
  fixableWarningCount: 0;
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
 * `fatal: true` for parse errors. `source` is the file text, present only for files with messages,
 * as ESLint does. Counts: `errorCount` (severity 2), `fatalErrorCount`, `warningCount`
 * (severity 1), of reported messages only; nothing is fixable. Suppressed findings go to
 * `suppressedMessages`, each with `suppressions: [{kind, justification}]` (kind `directive`,
 * `annotation` or `exemption`), as ESLint reports its own.
 */
export function formatJson(input: Pick<FormatInput, 'results'>): string {
  return `${JSON.stringify(input.results.map(lintResult))}\n`;
}

function lintResult(result: FileResult): LintResult {
  const messages = result.findings.map(lintMessage);
  return {
    filePath: result.file.path,
    messages,
    suppressedMessages: result.suppressed.map((finding) => ({ ...lintMessage(finding), suppressions: finding.suppressions ?? [] })),
    errorCount: messages.filter((message) => message.severity === 2).length,
    fatalErrorCount: messages.filter((message) => message.fatal).length,
    warningCount: messages.filter((message) => message.severity === 1).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    ...(messages.length > 0 ? { source: result.file.text } : {}),
    usedDeprecatedRules: [],
  };
}

function lintMessage(finding: Finding): LintMessage {
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
  };
}
