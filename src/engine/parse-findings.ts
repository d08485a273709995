import type { ParsedFile } from '../parser/parse-documents.js';
import type { Finding, Severity } from './finding.js';
import { interpolate } from './interpolate.js';
import type { Rule } from './rule.js';

/** The reserved id of parse problems; its metadata lives in `rules/yaml-syntax.ts`. */
export const YAML_SYNTAX = 'yaml-syntax';

/**
 * Turns the parser's problems into `yaml-syntax` findings, with the rule's messages and the given
 * severity. Syntax errors are `fatal` (the document was not linted); duplicate keys are not (the
 * document was linted, the last key winning).
 */
export function parseFindings(parsed: ParsedFile, rule: Rule, severity: Severity): Finding[] {
  return parsed.problems.map((problem) => {
    const duplicate = problem.code === 'DUPLICATE_KEY';
    const messageId = duplicate ? 'duplicateKey' : 'syntax';
    const template = (rule.messages as Record<string, string>)[messageId] ?? '{{detail}}';
    return {
      ruleId: YAML_SYNTAX,
      messageId,
      message: interpolate(template, { detail: problem.message, language: /\.json$/i.test(parsed.file.path) ? 'JSON' : 'YAML' }),
      severity,
      ...(duplicate ? {} : { fatal: true }),
      file: parsed.file.path,
      range: problem.range,
      related: [],
    };
  });
}
