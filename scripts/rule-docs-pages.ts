import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES, RESERVED_RULES } from '../rules/index.js';
import { renderReservedRuleDoc, renderRuleDoc, renderRulesIndex, type DocFix } from '../src/formatters/rule-docs.js';

/** Where each reserved id's metadata is defined, and when it is reported. */
const RESERVED_SOURCES: Readonly<Record<string, { source: string; when: string }>> = {
  'input-limit': { source: 'src/engine/parse-findings.ts', when: 'for a file or document over a limit (`--max-file-bytes`, `--max-depth`, `--max-aliases`)' },
  'internal-error': { source: 'src/engine/internal-error.ts', when: 'when a rule fails on an object (a bug in stslint)' },
  'kustomize-build': { source: 'src/engine/build-problems.ts', when: 'when a kustomization does not build' },
  'unused-disable-directive': { source: 'src/engine/suppress-findings.ts', when: 'with `--report-unused-disable-directives`' },
};

/** Repository root. */
export const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The fix fixtures a rule page shows (`fixtures/<id>/fix/`): the first scenario with a fix, and the
 * first with a suggestion (its first suggestion), each as its input and golden output.
 */
function docFixes(folder: string): DocFix[] {
  const fixFolder = path.join(folder, 'fix');
  if (!existsSync(fixFolder)) return [];
  const entries = readdirSync(fixFolder).sort();
  const inputs = entries.filter((entry) => /\.(ya?ml|json)$/.test(entry) && !/\.(fixed|suggestion-\d+)\./.test(entry));
  const shown: DocFix[] = [];
  for (const kind of ['fix', 'suggestion'] as const) {
    for (const input of inputs) {
      const extension = path.extname(input);
      const output = `${input.slice(0, -extension.length)}.${kind === 'fix' ? 'fixed' : 'suggestion-1'}${extension}`;
      if (!entries.includes(output)) continue;
      shown.push({ kind, file: `fix/${input}`, before: readFileSync(path.join(fixFolder, input), 'utf8'), after: readFileSync(path.join(fixFolder, output), 'utf8') });
      break;
    }
  }
  return shown;
}

/**
 * Every generated docs page: `docs/rules/<id>.md` for each rule and each reserved id, and `docs/rules/README.md`, as
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
    // A fixture's version at the base (`<name>.base.yaml`, test/support/fixtures.ts) is shown before it.
    const base = (file: string) => {
      const baseFile = file.replace(/(\.(ya?ml|json))$/, '.base$1');
      return existsSync(path.join(folder, baseFile)) ? { base: { file: baseFile, text: read(baseFile), label: 'HEAD' } } : {};
    };
    const page = renderRuleDoc(
      rule,
      {
        good: { file: rule.examples.good, text: read(rule.examples.good), ...base(rule.examples.good) },
        bad: { file: rule.examples.bad, text: read(rule.examples.bad), output: read(badOut), ...base(rule.examples.bad) },
      },
      docFixes(folder),
    );
    return [`docs/rules/${rule.id}.md`, page];
  });
  for (const rule of RESERVED_RULES) {
    const { source, when } = RESERVED_SOURCES[rule.id] ?? { source: 'src/engine/', when: 'by the engine' };
    pages.push([`docs/rules/${rule.id}.md`, renderReservedRuleDoc(rule, source, when)]);
  }
  pages.push(['docs/rules/README.md', renderRulesIndex(ALL_RULES, RESERVED_RULES)]);
  return pages;
}
