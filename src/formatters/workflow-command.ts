import { escapeText } from '../text/escape-text.js';

/** Properties of an annotation command, in the order given; `undefined` and `''` are left out. */
export type CommandProperties = Readonly<Record<string, string | number | undefined>>;

/**
 * One GitHub Actions workflow command line (integrations.md §3.1), without the final newline:
 * `::error file=.stslint.yaml,line=3,col=1,title=stslint::message`. Escaping is `@actions/core`'s
 * (§3.2): in the message `%`, CR and LF; in property values also `:` and `,`, so that no text from
 * a manifest, a file name or a configuration can end the command early or start another one; before
 * that, control and bidirectional characters are escaped (`escapeText`), as in every text output.
 *
 * Used by `formatGithub` for findings and by the GitHub Action for its own commands (fatal
 * problems, the overflow notice).
 */
export function workflowCommand(command: string, properties: CommandProperties, message: string): string {
  const list = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return escapeText(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
