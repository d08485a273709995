import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { ConfigError } from '../config/config-error.js';

/**
 * The diagnostic that shows an invalid `.stslint.yaml` in the editor: an error at the problem's
 * line and column (1-based in `ConfigError`, 0-based here; the file's start when it could not be
 * read), with the error's detail as message, e.g. `unknown key "rule"; did you mean "rules"?`.
 */
export function configErrorDiagnostic(error: ConfigError): Diagnostic {
  const position = { line: Math.max(0, (error.line ?? 1) - 1), character: Math.max(0, (error.column ?? 1) - 1) };
  return { range: { start: position, end: position }, severity: DiagnosticSeverity.Error, source: 'stslint', message: error.detail };
}
