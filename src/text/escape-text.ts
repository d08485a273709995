/**
 * Characters never passed through to a terminal or log: C0 controls (ESC, BEL, CR, LF, …), DEL,
 * C1 controls (including the 8-bit CSI `\u009b`), the Unicode bidirectional controls that make text
 * display in another order than it is read (the "Trojan Source" trick, CVE-2021-42574: U+061C,
 * U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), and the line and paragraph separators.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text made safe to show in a terminal or a log: every character of {@link UNSAFE} written as an
 * escape, `\x1b` up to U+00FF and `\u202e` above, the way git and ripgrep show unprintable file
 * names. With `keepNewlines`, line feeds pass (a multi-line message on standard error). Used for
 * every human-readable output: stylish, compact, github annotations, `--list-rules`, standard
 * error, the language server's log. JSON and SARIF keep JSON's own escaping.
 */
export function escapeText(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(options.keepNewlines ? UNSAFE_BUT_NEWLINE : UNSAFE, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
