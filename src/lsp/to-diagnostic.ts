import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import { REPORTING_RULES } from '../../rules/index.js';
import type { Finding, Severity } from '../engine/finding.js';
import type { SourceRange } from '../parser/source-range.js';

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * An LSP `Diagnostic` (LSP 3.17 `types/diagnostic.md`) for a finding: the range converted from
 * 1-based lines and columns to 0-based positions (both count UTF-16 code units, LSP's default
 * `positionEncoding`; the end stays exclusive), severity error 1 / warning 2 / info 3, the rule id
 * as `code` with its documentation page as `codeDescription.href` (reserved ids such as
 * `internal-error` have a page too), `source: 'stslint'`, and the finding's
 * related locations as `relatedInformation`.
 *
 * @param uriOf - the URI of a finding's file path (the linted document's own URI for its path)
 */
export function toDiagnostic(finding: Finding, uriOf: (file: string) => string): Diagnostic {
  const rule = REPORTING_RULES.get(finding.ruleId);
  const diagnostic: Diagnostic = {
    range: toRange(finding.range),
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    source: 'stslint',
    message: finding.message,
  };
  if (rule) diagnostic.codeDescription = { href: rule.docsUrl };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: uriOf(related.file), range: toRange(related.range) },
      message: related.message,
    }));
  }
  return diagnostic;
}

function toRange(range: SourceRange): Range {
  const position = (line: number, column: number) => ({ line: Math.max(0, line - 1), character: Math.max(0, column - 1) });
  return { start: position(range.line, range.column), end: position(range.endLine, range.endColumn) };
}
