/**
 * Text laid out for a terminal: widths in columns and word wrapping, through `string-width` and
 * `wrap-ansi` (wide East Asian characters count 2 columns, ANSI colour codes 0). Loaded only when
 * output goes to a terminal (`await import()`): both libraries build an `Intl.Segmenter` when they
 * load, about 10 ms each, which a pipe, a file, pre-commit or CI must not pay at start-up.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Measures and wraps text in terminal columns. */
export interface TerminalText {
  /** Width of `text` in columns (ANSI escapes count 0, wide characters 2). */
  width(text: string): number;
  /** `text` broken at spaces into lines of at most `columns` columns, longer words hard-broken, lines trimmed. */
  wrap(text: string, columns: number): string;
}

/** A terminal of a known width, and how to lay text out on it. */
export interface Terminal {
  /** Its width in columns (`process.stdout.columns`, 80 when unknown). */
  columns: number;
  text: TerminalText;
}

/** The {@link TerminalText} of `string-width` and `wrap-ansi`. */
export const terminalText: TerminalText = {
  width: (text) => stringWidth(text),
  wrap: (text, columns) => wrapAnsi(text, columns, { hard: true, trim: true }),
};
