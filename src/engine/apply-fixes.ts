import { applyEdits, type TextEdit } from '../parser/yaml-edits.js';
import type { SourceFile } from '../parser/source-file.js';
import type { FindingFix } from './finding.js';
import { lintSourcesInParallel, type FileResult, type LintOptions, type ParallelOptions } from './lint.js';

/** At most this many lint-and-fix passes (ESLint's limit): a fix may reveal or enable another. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies fixes to a text as ESLint does: in order of their first edit, each whole or not at all,
 * skipping a fix that overlaps one already applied (the next pass re-lints and offers it again).
 * Offsets refer to `text`. Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, fixes: readonly FindingFix[]): { output: string; applied: number } {
  const ordered = fixes
    .filter((fix) => fix.edits.length > 0)
    .map((fix) => ({ edits: fix.edits, start: Math.min(...fix.edits.map((edit) => edit.start)), end: Math.max(...fix.edits.map((edit) => edit.end)) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: TextEdit[] = [];
  let reached = -1;
  let applied = 0;
  for (const fix of ordered) {
    if (fix.start < reached || (fix.start === reached && fix.end > fix.start)) continue;
    chosen.push(...fix.edits);
    reached = fix.end;
    applied++;
  }
  return { output: applyEdits(text, chosen), applied };
}

/**
 * Lints, applies the fixes of the files `canFix` accepts, and lints again, until no fix is left or
 * {@link MAX_FIX_PASSES} passes are done (files are fixed in memory; nothing is written here). The
 * results are those of the last pass, on the fixed texts; a fixed file's result carries its new
 * text as `output` (ESLint's `--fix-dry-run` JSON field). Suppressed findings are not fixed.
 */
export async function lintAndFix(
  files: readonly SourceFile[],
  options: LintOptions & ParallelOptions,
  canFix: (file: SourceFile) => boolean,
): Promise<FileResult[]> {
  let current = [...files];
  let results = await lintSourcesInParallel(current, options);
  for (let pass = 1; pass < MAX_FIX_PASSES; pass++) {
    let changed = false;
    current = current.map((file, i) => {
      const fixes = results[i]!.findings.flatMap((finding) => (finding.fix ? [finding.fix] : []));
      if (fixes.length === 0 || !canFix(file)) return file;
      const { output } = applyFixes(file.text, fixes);
      if (output === file.text) return file;
      changed = true;
      return { ...file, text: output };
    });
    if (!changed) break;
    results = await lintSourcesInParallel(current, options);
  }
  return results.map((result, i) => (current[i]!.text === files[i]!.text ? result : { ...result, output: current[i]!.text }));
}
