import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../rules/index.js';
import { renderRuleDoc, renderRulesIndex } from '../src/formatters/rule-docs.js';

/** Repository root. */
export const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Every generated docs page: `docs/rules/<id>.md` for each rule and `docs/rules/README.md`, as
 * `[relative path, content]`. Examples are read from the rule's fixtures and the bad example's
 * golden `.out`, so the docs show what the linter really prints.
 */
export function ruleDocsPages(): [string, string][] {
  const pages: [string, string][] = ALL_RULES.map((rule) => {
    const folder = path.join(ROOT, 'fixtures', rule.id);
    const read = (file: string) => {
      const full = path.join(folder, file);
      return existsSync(full) ? readFileSync(full, 'utf8') : `(missing fixture ${file})`;
    };
    const badOut = rule.examples.bad.replace(/\.(ya?ml|json)$/, '.out');
    const page = renderRuleDoc(rule, {
      good: { file: rule.examples.good, text: read(rule.examples.good) },
      bad: { file: rule.examples.bad, text: read(rule.examples.bad), output: read(badOut) },
    });
    return [`docs/rules/${rule.id}.md`, page];
  });
  pages.push(['docs/rules/README.md', renderRulesIndex(ALL_RULES)]);
  return pages;
}
