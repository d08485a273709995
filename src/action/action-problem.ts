import { relativePath } from '../formatters/relative-path.js';
import { workflowCommand } from '../formatters/workflow-command.js';

/**
 * A problem that makes the action fail with exit code 2: a bad input, a configuration error, an
 * unreadable path, a file that cannot be written, an internal failure. `file`, `line` and
 * `column` are given when the problem has a place (a configuration error's key or value).
 */
export interface ActionProblem {
  /** One line, e.g. `stslint: deploy/: No such file or directory`. */
  message: string;
  /** Absolute path of the file the problem is in. */
  file?: string;
  line?: number;
  column?: number;
}

/**
 * The `::error` command of a fatal problem, titled `stslint`, with the file (relative to
 * `baseDirectory`, the repository root) and position when the problem has them, so that a
 * configuration error is annotated on the configuration file.
 */
export function problemCommand(problem: ActionProblem, baseDirectory: string): string {
  return workflowCommand(
    'error',
    {
      file: problem.file === undefined ? undefined : relativePath(problem.file, baseDirectory),
      line: problem.line,
      col: problem.column,
      title: 'stslint',
    },
    problem.message,
  );
}
