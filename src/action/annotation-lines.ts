import type { Finding } from '../engine/finding.js';
import { formatGithub } from '../formatters/github.js';
import { problemCommand, type ActionProblem } from './action-problem.js';
import { effectiveSeverity } from './effective-severity.js';
import { workflowCommand } from '../formatters/workflow-command.js';

/** Annotations GitHub creates per step and per kind (error, warning, notice): integrations.md §3.4. */
export const ANNOTATIONS_PER_KIND = 10;

/**
 * The annotation commands of one action run, newline-terminated (`''` when there are none).
 *
 * First one `::error` per fatal problem, then the findings in the order given (see
 * `orderFindings`: errors, warnings, info), formatted by `formatGithub`. GitHub turns only the
 * first {@link ANNOTATIONS_PER_KIND} commands of each kind of a step into annotations, so at most
 * that many are written per kind (fatal problems use error slots first); when some findings are
 * left out, a final `::notice title=stslint::N more findings not annotated; see the job summary or
 * SARIF` says how many. That notice takes one notice slot, so only 9 info findings are annotated
 * then. Every finding is still in the console report, the job summary and the SARIF file.
 */
export function annotationLines(ordered: readonly Finding[], problems: readonly ActionProblem[], baseDirectory: string): string {
  const lines = problems.map((problem) => problemCommand(problem, baseDirectory));
  const byKind = { error: [] as Finding[], warning: [] as Finding[], info: [] as Finding[] };
  for (const finding of ordered) byKind[effectiveSeverity(finding)].push(finding);
  const errorSlots = Math.max(ANNOTATIONS_PER_KIND - problems.length, 0);
  const fits = byKind.error.length <= errorSlots && byKind.warning.length <= ANNOTATIONS_PER_KIND && byKind.info.length <= ANNOTATIONS_PER_KIND;
  const shown = [
    ...byKind.error.slice(0, errorSlots),
    ...byKind.warning.slice(0, ANNOTATIONS_PER_KIND),
    ...byKind.info.slice(0, fits ? ANNOTATIONS_PER_KIND : ANNOTATIONS_PER_KIND - 1),
  ];
  const annotated = formatGithub({
    results: [{ file: { path: '', text: '' }, findings: shown, suppressed: [], objectCount: 0, unvalidatedKinds: [] }],
    baseDirectory,
  });
  if (annotated !== '') lines.push(annotated.trimEnd());
  const left = ordered.length - shown.length;
  if (left > 0) {
    const findings = left === 1 ? '1 more finding' : `${left} more findings`;
    lines.push(workflowCommand('notice', { title: 'stslint' }, `${findings} not annotated; see the job summary or SARIF`));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
