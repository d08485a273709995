import type { RuleMeta } from '../engine/rule.js';
import type { FormatInput } from './format-input.js';
import { lintResult } from './json.js';

/**
 * A rule's `meta` as ESLint's formatters read it from `rulesMeta` (ESLint's `RuleMetaData`):
 * `docs.url` is what ESLint's `html` formatter and eslint-formatter-html link a rule id to.
 */
export interface EslintRuleMeta {
  /** stslint reports problems with manifests only: always `problem`. */
  type: 'problem';
  docs: {
    /** The rule's title. */
    description: string;
    /** Every rule is on by default. */
    recommended: true;
    /** The rule's documentation page. */
    url?: string;
  };
  /** The rule's message templates, by message id. */
  messages: Readonly<Record<string, string>>;
  /** No rule takes options. */
  schema: [];
}

/**
 * ESLint's `json-with-metadata` format (eslint/eslint `lib/cli-engine/formatters/json-with-metadata.js`):
 * `JSON.stringify({ results, metadata })` on one line, followed by a newline, where `results` is
 * exactly what `--format json` prints and `metadata` is what ESLint hands every formatter: `cwd`
 * (the working directory), `rulesMeta` (each rule id that appears in a message or a suppressed
 * message, with its {@link EslintRuleMeta}; with `allRules`, every rule given) and, when there
 * were more warnings than `--max-warnings`, `maxWarningsExceeded: { maxWarnings, foundWarnings }`.
 *
 * Any ESLint formatter can render it: `formatter(output.results, output.metadata)` (see
 * docs/eslint-formatters.md). Rule ids and messages are stslint's; links go to stslint's docs.
 */
export function formatJsonWithMetadata(input: FormatInput): string {
  const results = input.results.map(lintResult);
  const used = new Set(results.flatMap((result) => [...result.messages, ...result.suppressedMessages].map((message) => message.ruleId)));
  const rulesMeta: Record<string, EslintRuleMeta> = {};
  for (const [id, meta] of [...input.rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (input.allRules || used.has(id)) rulesMeta[id] = eslintRuleMeta(meta);
  }
  const metadata = {
    cwd: input.baseDirectory,
    rulesMeta,
    ...(input.maxWarningsExceeded ? { maxWarningsExceeded: input.maxWarningsExceeded } : {}),
  };
  return `${JSON.stringify({ results, metadata })}\n`;
}

function eslintRuleMeta(meta: RuleMeta & { docsUrl?: string }): EslintRuleMeta {
  return {
    type: 'problem',
    docs: { description: meta.title, recommended: true, ...(meta.docsUrl ? { url: meta.docsUrl } : {}) },
    messages: meta.messages,
    schema: [],
  };
}
