import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, TextEdit } from '../engine/finding.js';
import { fixAllText, lintText } from './lint-document.js';
import { toDiagnostic } from './to-diagnostic.js';
import type { LintSetup } from './workspace.js';

/** The code action kind of "fix everything stslint can fix" (editors run it on save when asked). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.stslint`;

/**
 * The code actions for a range of an open document (LSP 3.17 `textDocument/codeAction`): for each
 * finding whose range meets the requested one, a quick fix for its fix (preferred) and one per
 * suggestion; and, when the client asks for `source.fixAll` (or `source.fixAll.stslint`, or for
 * every kind), one action that applies every fix. The document's current text is linted again, so
 * no action is built from a stale diagnostic.
 */
export function codeActions(document: TextDocument, file: string | undefined, setup: LintSetup, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => only === undefined || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const linted = file ?? document.uri;
    for (const finding of lintText(document.getText(), linted, setup).filter((candidate) => meets(candidate, params.range))) {
      const diagnostic = toDiagnostic(finding, (other) => (other === linted ? document.uri : pathToFileURL(other).href));
      const edit = (edits: readonly TextEdit[]) => ({ changes: { [document.uri]: edits.map((one) => lspEdit(document, one)) } });
      if (finding.fix) actions.push({ title: `Fix: ${finding.message}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit(finding.fix.edits) });
      for (const suggestion of finding.suggestions ?? []) {
        actions.push({ title: suggestion.desc, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(suggestion.edits) });
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const fixed = fixAllText(document, file, setup);
    if (fixed !== undefined) {
      const whole = { start: document.positionAt(0), end: document.positionAt(document.getText().length) };
      actions.push({ title: 'Fix all stslint problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [{ range: whole, newText: fixed }] } } });
    }
  }
  return actions;
}

function lspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text };
}

/** Whether a finding's range (1-based, exclusive end column) meets an LSP range (0-based). */
function meets(finding: Finding, range: Range): boolean {
  const start = { line: finding.range.line - 1, character: finding.range.column - 1 };
  const end = { line: finding.range.endLine - 1, character: finding.range.endColumn - 1 };
  const before = (a: typeof start, b: typeof start) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(start, range.end) && before(range.start, end);
}
