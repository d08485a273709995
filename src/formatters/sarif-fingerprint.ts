/** Characters in the rolling window (codeql-action's `BLOCK_SIZE`). */
const WINDOW = 100;
/** Base of the polynomial hash. */
const BASE = 37;
/** Fed once after the last character, so the final line is hashed. */
const END_OF_FILE = 65535;
const TWO_32 = 2 ** 32;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** `BASE ** WINDOW` modulo 2^64, as two unsigned 32-bit halves. */
const FIRST_MOD = (() => {
  const value = BigInt(BASE) ** BigInt(WINDOW) % 2n ** 64n;
  return { high: Number(value >> 32n), low: Number(value & 0xffffffffn) };
})();

/**
 * GitHub's `partialFingerprints.primaryLocationLineHash` of every line of a file: element `i` is
 * the value for line `i + 1`, e.g. `"53a0ba170c1fc155:1"`.
 *
 * Re-implements `hash` of github/codeql-action `src/fingerprints.ts` (integrations.md §1.4): spaces
 * and tabs are skipped, CR, LF and CRLF are one newline, and a rolling polynomial hash (base 37,
 * modulo 2^64) over the next 100 kept characters is taken at each line's first kept character,
 * with an end-of-file marker (65535) and 100 zeros fed at the end. The suffix `:k` counts equal
 * hashes in the file (first = 1). The result has one entry per line plus one for the line after a
 * final newline. The action reads the file from disk, so for a file that starts with a byte-order
 * mark (which `readInputs` strips) its value differs from ours.
 *
 * Arithmetic is done on two 32-bit halves held in doubles: every intermediate stays below 2^53.
 */
export function sarifFingerprint(text: string): string[] {
  const window = new Array<number>(WINDOW).fill(0);
  const lineNumbers = new Array<number>(WINDOW).fill(-1);
  const hashes: string[] = [];
  const counts = new Map<string, number>();
  let high = 0;
  let low = 0;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let previousCR = false;

  const outputHash = (): void => {
    const hex = high === 0 ? low.toString(16) : high.toString(16) + low.toString(16).padStart(8, '0');
    const count = (counts.get(hex) ?? 0) + 1;
    counts.set(hex, count);
    hashes[lineNumbers[index]! - 1] = `${hex}:${count}`;
    lineNumbers[index] = -1;
  };

  const updateHash = (current: number): void => {
    const leaving = window[index]!;
    window[index] = current;
    const lowSum = low * BASE + current - FIRST_MOD.low * leaving;
    const carry = Math.floor(lowSum / TWO_32);
    low = lowSum - carry * TWO_32;
    const highSum = high * BASE + carry - FIRST_MOD.high * leaving;
    high = ((highSum % TWO_32) + TWO_32) % TWO_32;
    index = (index + 1) % WINDOW;
  };

  const processCharacter = (code: number): void => {
    let current = code;
    if (current === SPACE || current === TAB || (previousCR && current === LF)) {
      previousCR = false;
      return;
    }
    previousCR = current === CR;
    if (current === CR) current = LF;
    if (lineNumbers[index] !== -1) outputHash();
    if (lineStart) {
      lineStart = false;
      lineNumber += 1;
      lineNumbers[index] = lineNumber;
    }
    if (current === LF) lineStart = true;
    updateHash(current);
  };

  for (let i = 0; i < text.length; i += 1) processCharacter(text.charCodeAt(i));
  processCharacter(END_OF_FILE);
  for (let i = 0; i < WINDOW; i += 1) {
    if (lineNumbers[index] !== -1) outputHash();
    updateHash(0);
  }
  return hashes;
}
