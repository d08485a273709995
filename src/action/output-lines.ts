import { randomUUID } from 'node:crypto';

/**
 * Step outputs as the runner reads them from the file named by `$GITHUB_OUTPUT` (integrations.md
 * §3.4), newline-terminated: `name=value` per output, or, for a value holding a line break,
 * `@actions/core`'s multi-line form `name<<ghadelimiter_<uuid>`, the value, the delimiter.
 */
export function outputLines(outputs: Readonly<Record<string, string | number>>): string {
  return Object.entries(outputs)
    .map(([name, raw]) => {
      const value = String(raw);
      if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
      const delimiter = `ghadelimiter_${randomUUID()}`;
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
}
