import type { ParsedFile } from '../parser/parse-documents.js';
import type { Finding, Severity } from './finding.js';
import { interpolate } from './interpolate.js';
import type { Rule, RuleMeta } from './rule.js';

/** The reserved id of parse problems; its metadata lives in `rules/yaml-syntax.ts`. */
export const YAML_SYNTAX = 'yaml-syntax';

/**
 * The reserved id of an input over a limit (`src/parser/input-limits.ts`): a file too large, a
 * document nested too deeply or expanding too many aliases. The file or document is not linted,
 * and the message says which limit it hit and which option raises it. Always reported, as an
 * error: it is never a YAML syntax error, and nothing was checked.
 */
export const INPUT_LIMIT: RuleMeta<'limit'> = {
  id: 'input-limit',
  title: 'Inputs stay within the limits stslint reads',
  severity: 'error',
  kinds: [],
  rationale:
    'Manifests come from pull requests and are untrusted. stslint bounds the work one input may cost (file size, nesting depth, alias expansions; see docs/security.md) so that a hostile file cannot exhaust the memory, the stack or the CI minutes; an input beyond a limit is not linted.',
  remediation: 'Split or simplify the input, or raise the limit named in the message if the input is legitimate.',
  messages: { limit: '{{detail}}' },
  examples: { good: '', bad: '' },
  references: [],
};

/**
 * Turns the parser's problems into `yaml-syntax` findings, with the rule's messages and the given
 * severity. Syntax errors are `fatal` (the document was not linted); duplicate keys are not (the
 * document was linted, the last key winning).
 */
export function parseFindings(parsed: ParsedFile, rule: Rule | undefined, severity: Severity): Finding[] {
  return parsed.problems.flatMap((problem): Finding[] => {
    if (problem.limit) {
      const message = interpolate(INPUT_LIMIT.messages.limit, { detail: problem.message });
      return [{ ruleId: INPUT_LIMIT.id, messageId: 'limit', message, severity: 'error', fatal: true, file: parsed.file.path, range: problem.range, related: [] }];
    }
    if (!rule) return [];
    const duplicate = problem.code === 'DUPLICATE_KEY';
    const messageId = duplicate ? 'duplicateKey' : 'syntax';
    const template = (rule.messages as Record<string, string>)[messageId] ?? '{{detail}}';
    return [{
      ruleId: YAML_SYNTAX,
      messageId,
      message: interpolate(template, { detail: problem.message, language: /\.json$/i.test(parsed.file.path) ? 'JSON' : 'YAML' }),
      severity,
      ...(duplicate ? {} : { fatal: true }),
      file: parsed.file.path,
      range: problem.range,
      related: [],
    }];
  });
}
