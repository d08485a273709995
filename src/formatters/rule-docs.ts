import { structuredPatch } from 'diff';
import type { RuleMeta } from '../engine/rule.js';

/** A fixture shown on a rule page: its file name, text and, for the bad one, the linter's output. */
export interface DocExample {
  file: string;
  text: string;
  output?: string;
  /** The example's earlier version, for rules that compare with a base (`--base`): shown before it. */
  base?: { file: string; text: string; label: string };
}

/** A fix fixture shown on a rule page: the file before and after a fix (`fix`) or a suggestion. */
export interface DocFix {
  kind: 'fix' | 'suggestion';
  file: string;
  before: string;
  after: string;
}

/**
 * Renders `docs/rules/<id>.md` from a rule's metadata and its example fixtures. Headings and their
 * order are fixed: title, facts, Why, Bad (with output), Good, How to fix (with the rule's fix and
 * suggestions, as diffs of their fixtures), Options, References. Pure: the caller reads the fixtures.
 */
export function renderRuleDoc(rule: RuleMeta, examples: { good: DocExample; bad: DocExample }, fixes: readonly DocFix[] = []): string {
  const facts = [
    '| Severity | Kinds | Options |',
    '| --- | --- | --- |',
    `| ${rule.severity} | ${rule.kinds.length > 0 ? rule.kinds.join(', ') : 'every file'} | no |`,
  ];
  const sections = [
    `# ${rule.id}\n\n${rule.title}.\n\n${facts.join('\n')}\n\n<!-- Generated from rules/${rule.id}.ts by \`npm run gen:docs\`; do not edit. -->`,
    `## Why\n\n${rule.rationale}`,
    `## Bad\n\n${fence(examples.bad)}\n\nOutput:\n\n\`\`\`text\n${(examples.bad.output ?? '').trimEnd()}\n\`\`\``,
    `## Good\n\n${fence(examples.good)}`,
    [`## How to fix\n\n${rule.remediation}`, ...fixes.map(renderFix)].join('\n\n'),
    '## Options\n\nThis rule has no options.',
    `## References\n\n${rule.references.length > 0 ? rule.references.map((url) => `- <${url}>`).join('\n') : '- none'}`,
  ];
  return `${sections.join('\n\n')}\n`;
}

/**
 * Renders `docs/rules/<id>.md` for a reserved id, one the engine reports without a rule module
 * (`internal-error`, `input-limit`, `kustomize-build`, `unused-disable-directive`): title, facts,
 * Why, Messages (the templates, since there is no fixture to show), How to fix, References.
 * `source` is the file that defines its metadata; `when` says when it is reported.
 */
export function renderReservedRuleDoc(rule: RuleMeta, source: string, when: string): string {
  const facts = ['| Severity | Reported | Configurable |', '| --- | --- | --- |', `| ${rule.severity} | ${when} | no |`];
  const messages = Object.values<string>(rule.messages).map((template) => `- \`${template}\``);
  const sections = [
    `# ${rule.id}\n\n${rule.title}.\n\n${facts.join('\n')}\n\n<!-- Generated from ${source} by \`npm run gen:docs\`; do not edit. -->`,
    `## Why\n\n${rule.rationale}`,
    `## Messages\n\n${messages.join('\n')}`,
    `## How to fix\n\n${rule.remediation}`,
    `## References\n\n${rule.references.length > 0 ? rule.references.map((url) => `- <${url}>`).join('\n') : '- none'}`,
  ];
  return `${sections.join('\n\n')}\n`;
}

/** Renders `docs/rules/README.md`: a table of every rule (id, title, severity, kinds), then the reserved ids. */
export function renderRulesIndex(rules: readonly RuleMeta[], reserved: readonly RuleMeta[] = []): string {
  const rows = rules.map((rule) => `| [${rule.id}](${rule.id}.md) | ${rule.title} | ${rule.severity} | ${rule.kinds.join(', ') || 'every file'} |`);
  const reservedRows = reserved.map((rule) => `| [${rule.id}](${rule.id}.md) | ${rule.title} | ${rule.severity} |`);
  return [
    '# Rules',
    '',
    '<!-- Generated from rules/*.ts by `npm run gen:docs`; do not edit. -->',
    '',
    '| Rule | Checks that | Default severity | Kinds |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...(reserved.length > 0
      ? [
          '',
          '## Reported by stslint itself',
          '',
          'These ids are not rules: they cannot be configured, and they say that something could not be checked',
          '(or, for `unused-disable-directive`, that a disable comment is stale).',
          '',
          '| Id | Means | Severity |',
          '| --- | --- | --- |',
          ...reservedRows,
        ]
      : []),
    '',
  ].join('\n');
}

function renderFix(fix: DocFix): string {
  const intro =
    fix.kind === 'fix'
      ? '`stslint --fix` makes this change by itself (and editors offer it as the preferred quick fix); nothing else in the file changes:'
      : 'Editors offer this change as a quick fix (a suggestion: a person decides); nothing else in the file changes:';
  return `${intro}\n\n\`\`\`diff\n${lineDiff(fix.file, fix.before, fix.after)}\n\`\`\``;
}

/** A unified diff of two texts with one line of context (jsdiff's `structuredPatch`), without its file header noise. */
function lineDiff(file: string, before: string, after: string): string {
  const patch = structuredPatch(file, file, before.replace(/\r\n/g, '\n'), after.replace(/\r\n/g, '\n'), '', '', { context: 1 });
  const hunks = patch.hunks.map((hunk) => [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines.filter((line) => !line.startsWith('\\'))].join('\n'));
  return [`--- ${file}`, `+++ ${file}`, ...hunks].join('\n');
}

function fence(example: DocExample): string {
  const language = example.file.endsWith('.json') ? 'json' : 'yaml';
  const block = (file: string, text: string, intro: string) => `\`${file}\`${intro}:\n\n\`\`\`${language}\n${text.trimEnd()}\n\`\`\``;
  const current = block(example.file, example.text, example.base ? `, linted with \`--base ${example.base.label}\`` : '');
  return example.base ? `${block(example.base.file, example.base.text, `, the version at \`${example.base.label}\``)}\n\n${current}` : current;
}
