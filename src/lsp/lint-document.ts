import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_RULES } from '../../rules/index.js';
import { exemptionCheck } from '../cli/exemption-check.js';
import { localCalendarDate } from '../config/local-calendar-date.js';
import { applyFixes, MAX_FIX_PASSES } from '../engine/apply-fixes.js';
import type { Finding } from '../engine/finding.js';
import { lintSources } from '../engine/lint.js';
import { toDiagnostic } from './to-diagnostic.js';
import type { LintSetup } from './workspace.js';

/**
 * Lints an open document's current text as a CLI run would lint the file: every rule at its
 * configured level, the configured namespace, inline comments, annotations and exemptions, and the
 * setup's context files indexed for cross-object checks, compared with the setup's base (the file at
 * `HEAD`) when there is one. Suppressed findings give no diagnostic; an
 * ignored file gives none at all. Findings in other files (related locations) get `file:` URIs.
 * A file of a kustomize tree adds the findings of the builds that read it (`setup.treeFindings`,
 * which offer no fix) and, when it is a patch, a kustomization or a resource of a built tree, its
 * own documents are not linted as objects.
 *
 * @param file - the document's file path, or `undefined` when it is not a file (`untitled:`); it
 *   decides how the text is parsed (`.json` as JSON, anything else as YAML)
 */
export function lintDocument(document: TextDocument, file: string | undefined, setup: LintSetup): Diagnostic[] {
  const linted = file ?? document.uri;
  const uriOf = (other: string) => (other === linted ? document.uri : pathToFileURL(other).href);
  if (setup.ignored) return [];
  return [...lintText(document.getText(), linted, setup), ...setup.treeFindings].map((finding) => toDiagnostic(finding, uriOf));
}

/** The reported findings of a text linted as the document's file would be (none for an ignored file). */
export function lintText(text: string, linted: string, setup: LintSetup): Finding[] {
  if (setup.ignored) return [];
  const exemptions = exemptionCheck(setup.config, localCalendarDate(new Date()), setup.cwd);
  const [result] = lintSources([{ path: linted, text }], {
    rules: ALL_RULES,
    namespace: setup.config.namespace,
    levels: setup.levels,
    context: setup.context,
    exempt: exemptions.check,
    ...(setup.notObjects ? { kustomize: { built: [], files: new Map(), notObjects: new Set([linted]), problems: [] } } : {}),
    ...(setup.base ? { base: setup.base } : {}),
  });
  return result?.findings ?? [];
}

/**
 * The document's text with every fix applied, in passes as `--fix` does (at most
 * `MAX_FIX_PASSES`), or `undefined` when nothing is fixable: the `source.fixAll.stslint` action.
 */
export function fixAllText(document: TextDocument, file: string | undefined, setup: LintSetup): string | undefined {
  const linted = file ?? document.uri;
  const original = document.getText();
  let text = original;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = lintText(text, linted, setup).flatMap((finding) => (finding.fix ? [finding.fix] : []));
    if (fixes.length === 0) break;
    const { output } = applyFixes(text, fixes);
    if (output === text) break;
    text = output;
  }
  return text === original ? undefined : text;
}
