import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_RULES } from '../../rules/index.js';
import { exemptionCheck } from '../cli/exemption-check.js';
import { localCalendarDate } from '../config/local-calendar-date.js';
import { lintSources } from '../engine/lint.js';
import { toDiagnostic } from './to-diagnostic.js';
import type { LintSetup } from './workspace.js';

/**
 * Lints an open document's current text as a CLI run would lint the file: every rule at its
 * configured level, the configured namespace, inline comments, annotations and exemptions, and the
 * setup's context files indexed for cross-object checks. Suppressed findings give no diagnostic; an
 * ignored file gives none at all. Findings in other files (related locations) get `file:` URIs.
 *
 * @param file - the document's file path, or `undefined` when it is not a file (`untitled:`); it
 *   decides how the text is parsed (`.json` as JSON, anything else as YAML)
 */
export function lintDocument(document: TextDocument, file: string | undefined, setup: LintSetup): Diagnostic[] {
  if (setup.ignored) return [];
  const linted = file ?? document.uri;
  const exemptions = exemptionCheck(setup.config, localCalendarDate(new Date()), setup.cwd);
  const [result] = lintSources([{ path: linted, text: document.getText() }], {
    rules: ALL_RULES,
    namespace: setup.config.namespace,
    levels: setup.levels,
    context: setup.context,
    exempt: exemptions.check,
  });
  const uriOf = (other: string) => (other === linted ? document.uri : pathToFileURL(other).href);
  return (result?.findings ?? []).map((finding) => toDiagnostic(finding, uriOf));
}
