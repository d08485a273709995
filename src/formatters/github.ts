import type { Finding, Severity } from '../engine/finding.js';
import type { FormatInput } from './format-input.js';
import { relativePath } from './relative-path.js';
import { workflowCommand } from './workflow-command.js';

/** The workflow command for each severity; fatal findings are always `error`. */
const COMMANDS: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/**
 * GitHub Actions workflow commands, one per finding and nothing else (integrations.md §3):
 * `::error file=deploy/db.yaml,line=6,endLine=6,col=16,endColumn=18,title=rule-id::message`, with
 * `warning` for warnings and `notice` for info. `file` is relative to `baseDirectory` (the
 * repository root) with `/` separators, or absolute when the file is outside it. `col` and
 * `endColumn` (exclusive, as ruff prints it) are given only when the finding starts and ends on
 * the same line, since the runner drops columns of multi-line ranges (§3.3). Escaping is
 * `@actions/core`'s (§3.2, `workflowCommand`), so no text from a manifest or a file name can start
 * another command.
 *
 * Every finding is emitted: the 10-per-kind annotation cap is the action's concern. No summary is
 * printed, so that a plain line never competes with the commands. Returns `''` when there are no
 * findings.
 */
export function formatGithub(input: Pick<FormatInput, 'results' | 'baseDirectory'>): string {
  const lines: string[] = [];
  for (const result of input.results) {
    for (const finding of result.findings) lines.push(command(finding, input.baseDirectory));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function command(finding: Finding, baseDirectory: string): string {
  const { line, column, endLine, endColumn } = finding.range;
  const sameLine = line === endLine;
  const kind = finding.fatal ? 'error' : COMMANDS[finding.severity];
  const properties = {
    file: relativePath(finding.file, baseDirectory),
    line,
    endLine,
    col: sameLine ? column : undefined,
    endColumn: sameLine ? endColumn : undefined,
    title: finding.ruleId,
  };
  return workflowCommand(kind, properties, finding.message);
}
