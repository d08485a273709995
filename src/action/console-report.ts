import type { FormatInput } from '../formatters/format-input.js';
import { FORMATTERS } from '../formatters/index.js';
import type { ConsoleFormat } from './read-action-inputs.js';

/**
 * The report the action prints in the step log before its annotations, newline-terminated:
 * the run's notices and the findings in `format` (`''` for `none`, or when there is nothing to
 * say). The text is wrapped in `::stop-commands::<token>` … `::<token>::` (GitHub's way to print
 * untrusted text), so that a file name or manifest value that starts a line with `::` is never
 * run as a workflow command. `token` must be unguessable (a random UUID).
 *
 * Stylish output is coloured unless `input.color` is false: GitHub renders the colours, and the
 * `eslint-stylish` problem matcher that `actions/setup-node` registers (integrations.md §3.5) does
 * not match coloured lines, so the findings are not annotated twice.
 */
export function consoleReport(format: ConsoleFormat, input: FormatInput, notices: readonly string[], token: string): string {
  const report = format === 'none' ? '' : FORMATTERS.get(format)!(input);
  const lines = notices.map((notice) => `${notice}\n`).join('');
  const text = `${report}${lines}`;
  if (text === '') return '';
  return `::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`;
}
