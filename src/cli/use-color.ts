/** Colour flags as commander parses them: `--color` → true, `--no-color` → false, neither → undefined. */
export interface ColorChoice {
  color?: boolean;
}

/**
 * Decides whether stylish output is coloured (integrations.md §6.4): `--no-color` / `--color` win;
 * then `NO_COLOR` set and non-empty turns colour off (no-color.org); then `FORCE_COLOR` turns it on,
 * except `0` and `false`; else colour only when writing to a terminal whose `TERM` is not `dumb`.
 * Output written to `--output-file` is never coloured.
 */
export function useColor(choice: ColorChoice, env: Readonly<Record<string, string | undefined>>, toTerminal: boolean): boolean {
  if (choice.color !== undefined) return choice.color;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return toTerminal && env.TERM !== 'dumb';
}
