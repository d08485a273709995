/**
 * A configuration file that cannot be used: unreadable, not valid YAML, or not valid against the
 * schema. The CLI prints `message` as one line on stderr and exits with code 2.
 *
 * `message` is `<shown path>:<line>:<column>: <detail>`, e.g.
 * `.stslint.yaml:4:3: unknown key "rule"; did you mean "rules"?`, or `<shown path>: <detail>` when
 * the file could not be read (no position).
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  /**
   * @param file - absolute path of the config file
   * @param shownPath - the path as shown to the user (relative to the working directory)
   * @param line - 1-based line of the problem, `undefined` when the file could not be read
   * @param column - 1-based column (UTF-16 code units), `undefined` with `line`
   * @param detail - one sentence, no final period, values in double quotes
   */
  constructor(
    readonly file: string,
    readonly shownPath: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
  ) {
    super(line === undefined ? `${shownPath}: ${detail}` : `${shownPath}:${line}:${column ?? 1}: ${detail}`);
  }
}
