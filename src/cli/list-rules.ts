import type { DocumentedRule } from '../engine/rule.js';
import type { Formatter } from '../formatters/index.js';
import type { Terminal } from '../formatters/terminal-text.js';
import { escapeText } from '../text/escape-text.js';

/** One entry of `--list-rules --format json`. */
export interface ListedRule {
  id: string;
  /** Default severity. */
  severity: DocumentedRule['severity'];
  title: string;
  /** The rule's documentation page. */
  docsUrl: string;
  /** False for the ids stslint reports itself (`internal-error`, …), which `rules:` cannot set. */
  configurable: boolean;
}

/**
 * `--list-rules`: every id that can appear in a report, the rules (`configurable`) and then the
 * reserved ids. In `json`, one line: an array of {@link ListedRule}. In `json-with-metadata` and
 * `sarif`, what those formats say about rules for a run with no results (so a tool can read every
 * rule's metadata); `formatFor` gives that formatter. Otherwise an aligned text table: id, default
 * severity, title (the docs page of a rule is `docs/rules/<id>.md`), titles wrapped at the
 * terminal's width when the output is one.
 */
export function listRules(
  rules: readonly DocumentedRule[],
  reserved: readonly DocumentedRule[],
  format: string,
  formatFor: (name: string) => Formatter | undefined,
  version: string,
  terminal?: Terminal,
): string {
  const all = [...rules, ...reserved];
  if (format === 'json') {
    const reservedIds = new Set(reserved.map((rule) => rule.id));
    const listed = all.map((rule): ListedRule => ({ id: rule.id, severity: rule.severity, title: rule.title, docsUrl: rule.docsUrl, configurable: !reservedIds.has(rule.id) }));
    return `${JSON.stringify(listed)}\n`;
  }
  const formatter = format === 'sarif' || format === 'json-with-metadata' ? formatFor(format) : undefined;
  if (formatter) {
    return formatter({ results: [], rules: new Map(all.map((rule) => [rule.id, rule])), baseDirectory: '.', version, color: false, allRules: true });
  }
  const idWidth = Math.max(...all.map((rule) => rule.id.length), 'RULE'.length);
  const lines = [`${'RULE'.padEnd(idWidth)}  SEVERITY  TITLE`];
  // On a terminal, titles wrap under their column (at least 16 columns wide).
  const titleWidth = terminal === undefined ? Infinity : Math.max(terminal.columns - idWidth - 12, 16);
  const pad = ' '.repeat(idWidth + 12);
  for (const rule of all) {
    const title = terminal === undefined ? rule.title : terminal.text.wrap(rule.title, titleWidth).split('\n').join(`\n${pad}`);
    lines.push(`${rule.id.padEnd(idWidth)}  ${rule.severity.padEnd(8)}  ${title}`);
  }
  return `${escapeText(lines.join('\n'), { keepNewlines: true })}\n`;
}
