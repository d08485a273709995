import { escapeText } from '../text/escape-text.js';
import type { Rule } from '../engine/rule.js';

/** The `--list-rules` table: id, default severity and title, one rule a line, aligned. */
export function listRules(rules: readonly Rule[]): string {
  const idWidth = Math.max(...rules.map((rule) => rule.id.length), 'RULE'.length);
  const lines = [`${'RULE'.padEnd(idWidth)}  SEVERITY  TITLE`];
  for (const rule of rules) lines.push(`${rule.id.padEnd(idWidth)}  ${rule.severity.padEnd(8)}  ${rule.title}`);
  return `${escapeText(lines.join('\n'), { keepNewlines: true })}\n`;
}
