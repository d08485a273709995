import { IDENTITY_PROBLEM_CODES, type ParsedFile, type ParseProblem } from '../parser/parse-documents.js';
import type { Finding, Severity } from './finding.js';
import { interpolate } from './interpolate.js';
import { defineReservedRule, type Rule } from './rule.js';

/** The reserved id of parse problems; its metadata lives in `rules/yaml-syntax.ts`. */
export const YAML_SYNTAX = 'yaml-syntax';

/**
 * The reserved id of an input over a limit (`src/parser/input-limits.ts`): a file too large, a
 * document nested too deeply or expanding too many aliases. The file or document is not linted,
 * and the message says which limit it hit and which option raises it. Always reported, as an
 * error: it is never a YAML syntax error, and nothing was checked.
 */
export const INPUT_LIMIT = defineReservedRule<'limit'>({
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
});

/** The rule that reports documents without `kind` or `apiVersion` (core-rules, "Terms and input handling"). */
export const SCHEMA_VIOLATION = 'schema-violation';

/** An enabled rule with the severity it reports at. */
export interface EnabledRule {
  rule: Rule;
  severity: Severity;
}

/**
 * Turns the parser's problems into findings, with the rules' messages, for the rules that are
 * enabled (`rules` maps a rule id to it). An input over a limit is always an `input-limit` error;
 * the others go to:
 *
 * - `yaml-syntax`: syntax errors are `fatal` (the document was not linted); duplicate keys are not
 *   (the document was linted, the last key winning); YAML that only kubectl's lenient decoder reads
 *   (`KUBECTL_LENIENT`) is not either, and is reported at `warning` at most, since the document
 *   was linted as kubectl reads it;
 * - `schema-violation`: documents without `kind` or `apiVersion`, and sequence or scalar documents
 *   (the API server rejects them), unless `identity` is false for the file (a kustomization or a
 *   patch, which are not objects of their own).
 */
export function parseFindings(parsed: ParsedFile, rules: ReadonlyMap<string, EnabledRule>, identity = true): Finding[] {
  const findings: Finding[] = [];
  for (const problem of parsed.problems) {
    if (problem.limit) {
      const message = interpolate(INPUT_LIMIT.messages.limit, { detail: problem.message });
      findings.push({ ruleId: INPUT_LIMIT.id, messageId: 'limit', message, severity: 'error', fatal: true, file: parsed.file.path, range: problem.range, related: [] });
      continue;
    }
    const identityProblem = IDENTITY_PROBLEM_CODES.has(problem.code);
    if (identityProblem && !identity) continue;
    const enabled = rules.get(identityProblem ? SCHEMA_VIOLATION : YAML_SYNTAX);
    if (!enabled) continue;
    const { messageId, data, fatal, severity } = identityProblem ? identityFinding(problem, enabled) : syntaxFinding(problem, parsed, enabled);
    const template = (enabled.rule.messages as Record<string, string>)[messageId] ?? '{{detail}}';
    findings.push({
      ruleId: enabled.rule.id,
      messageId,
      message: interpolate(template, data),
      severity,
      ...(fatal ? { fatal: true } : {}),
      file: parsed.file.path,
      range: problem.range,
      related: [],
    });
  }
  return findings;
}

interface ProblemFinding {
  messageId: string;
  data: Record<string, string>;
  fatal: boolean;
  severity: Severity;
}

function syntaxFinding(problem: ParseProblem, parsed: ParsedFile, enabled: EnabledRule): ProblemFinding {
  const data = { detail: problem.message, language: /\.json$/i.test(parsed.file.path) ? 'JSON' : 'YAML' };
  if (problem.code === 'DUPLICATE_KEY') return { messageId: 'duplicateKey', data, fatal: false, severity: enabled.severity };
  if (problem.code === 'COLLECTION_KEY') return { messageId: 'collectionKey', data, fatal: true, severity: enabled.severity };
  if (problem.code === 'KUBECTL_LENIENT') {
    return { messageId: 'kubectlLenient', data, fatal: false, severity: enabled.severity === 'error' ? 'warning' : enabled.severity };
  }
  return { messageId: 'syntax', data, fatal: true, severity: enabled.severity };
}

function identityFinding(problem: ParseProblem, enabled: EnabledRule): ProblemFinding {
  const data = { kind: '', apiVersion: '', shape: '', ...problem.data };
  const messageId =
    problem.code === 'NOT_AN_OBJECT'
      ? 'notAnObject'
      : problem.code === 'MISSING_KIND'
        ? data.apiVersion === '' ? 'kindAndApiVersionMissing' : 'kindMissing'
        : data.apiVersion === '' ? 'apiVersionMissingUnknownKind' : 'apiVersionMissing';
  return { messageId, data, fatal: false, severity: enabled.severity };
}
