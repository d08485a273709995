/**
 * One input the user gave stslint: a file on disk or standard input.
 *
 * `path` is what the user sees in reports: the path as resolved to an absolute path, or
 * `<stdin>` (or the `--stdin-filename` value, made absolute) for standard input.
 */
export interface SourceFile {
  /** Absolute path of the file, or `<stdin>` when standard input has no `--stdin-filename`. */
  path: string;
  /** Full text, decoded as UTF-8, with a leading byte-order mark removed. */
  text: string;
  /** True when the text came from standard input (`-`): there is no file to write fixes to. */
  fromStdin?: true;
}

/** The display name used for standard input when no `--stdin-filename` is given. */
export const STDIN_PATH = '<stdin>';
