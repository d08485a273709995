import type { Terminal } from './terminal-text.js';

/**
 * The {@link Terminal} of `columns` columns, its text libraries loaded on this call (a dynamic
 * import: the bundle initialises them only here, so output that is not a terminal never pays for them).
 */
export async function loadTerminal(columns: number): Promise<Terminal> {
  const { terminalText } = await import('./terminal-text.js');
  return { columns, text: terminalText };
}
