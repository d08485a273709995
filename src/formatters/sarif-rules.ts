import type { Severity } from '../engine/finding.js';
import { INTERNAL_ERROR } from '../engine/internal-error.js';
import type { RuleMeta } from '../engine/rule.js';
import type { FormatInput } from './format-input.js';

/** SARIF `reportingDescriptor` (§3.49) with the fields GitHub code scanning reads (integrations.md §1.2). */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: 'high'; 'problem.severity': 'error' | 'warning' | 'recommendation' };
}

/** SARIF `level` values stslint uses. */
export type SarifLevel = 'error' | 'warning' | 'note';

/** The rules of a run and where each rule id sits among them. */
export interface SarifRules {
  rules: SarifRule[];
  /** `ruleIndex` of a rule id. */
  indexOf: ReadonlyMap<string, number>;
}

/** GitHub's limit for `shortDescription.text` and `fullDescription.text`. */
const MAX_DESCRIPTION = 1024;

/** SARIF level of a severity. */
export const SARIF_LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };

const PROBLEM_SEVERITY = { error: 'error', warning: 'warning', info: 'recommendation' } as const;

/**
 * `tool.driver.rules` of a run: every rule of `input.rules` sorted by id, so that `ruleIndex`
 * stays the same from run to run, then, in order of first use, descriptors for the other ids that
 * findings use: the reserved `internal-error` (listed only when a finding uses it, whether or not
 * `input.rules` holds it, with `INTERNAL_ERROR` as fallback metadata; with `allRules`, in its
 * place among the others), and any id `input.rules`
 * lacks (a minimal descriptor, so that every result still has one). Each descriptor has `name` (the id in
 * PascalCase), `shortDescription` (the title), `fullDescription` (the rationale's first paragraph
 * as plain text, at most 1024 characters), `help` (remediation, plus rationale and docs link in
 * Markdown), `helpUri` (the docs page), the default level and the properties GitHub sorts by.
 */
export function sarifRules(input: Pick<FormatInput, 'results' | 'rules' | 'allRules'>): SarifRules {
  const metas: (RuleMeta & { docsUrl?: string })[] = [...input.rules.values()]
    .filter((meta) => input.allRules || meta.id !== INTERNAL_ERROR.id)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const known = new Set(metas.map((meta) => meta.id));
  for (const result of input.results) {
    for (const finding of result.findings) {
      if (known.has(finding.ruleId)) continue;
      known.add(finding.ruleId);
      const given = input.rules.get(finding.ruleId);
      metas.push(given ?? (finding.ruleId === INTERNAL_ERROR.id ? INTERNAL_ERROR : unknownRule(finding.ruleId)));
    }
  }
  return { rules: metas.map(descriptor), indexOf: new Map(metas.map((meta, index) => [meta.id, index])) };
}

function descriptor(meta: RuleMeta & { docsUrl?: string }): SarifRule {
  const link = meta.docsUrl ? `\n\n[Documentation of ${meta.id}](${meta.docsUrl})` : '';
  return {
    id: meta.id,
    name: meta.id.replace(/(?:^|[-_.])([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase()),
    shortDescription: { text: truncate(meta.title) },
    fullDescription: { text: truncate(firstParagraph(meta.rationale) || meta.title) },
    help: { text: meta.remediation, markdown: `${meta.remediation}\n\n${meta.rationale}${link}`.trim() },
    ...(meta.docsUrl ? { helpUri: meta.docsUrl } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
    properties: { tags: ['kubernetes', 'statefulset'], precision: 'high', 'problem.severity': PROBLEM_SEVERITY[meta.severity] },
  };
}

/** The first paragraph of a Markdown text as plain text: no code spans, links or emphasis marks. */
function firstParagraph(markdown: string): string {
  const paragraph = markdown.split(/\n[ \t]*\n/).find((part) => part.trim() !== '') ?? '';
  return paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

function truncate(text: string): string {
  if (text.length <= MAX_DESCRIPTION) return text;
  const cut = text.slice(0, MAX_DESCRIPTION - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_DESCRIPTION / 2 ? cut.slice(0, space) : cut}\u2026`;
}

function unknownRule(id: string): RuleMeta {
  return {
    ...INTERNAL_ERROR,
    id,
    title: `Rule ${id}`,
    severity: 'warning',
    rationale: `Findings of the rule "${id}", whose metadata was not given to the formatter.`,
    remediation: `See the documentation of the rule "${id}".`,
  };
}
