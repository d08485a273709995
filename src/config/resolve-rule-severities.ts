import type { RuleMeta } from '../engine/rule.js';
import type { RuleSeverity, StslintConfig } from './config.js';
import type { RuleOverride } from './parse-rule-flag.js';

/**
 * The severity each rule runs at: its default (`RuleMeta.severity`), replaced by the config
 * file's `rules` entry, replaced by the `--rule` flags (later flags win over earlier ones). `off`
 * means the rule does not run. Entries for ids not in `rules` are ignored (the config schema and
 * `parseRuleFlag` already refuse unknown ids).
 *
 * @returns one entry per rule of `rules`, in their order
 */
export function resolveRuleSeverities(
  rules: readonly Pick<RuleMeta, 'id' | 'severity'>[],
  config: Pick<StslintConfig, 'rules'>,
  overrides: readonly RuleOverride[] = [],
): Map<string, RuleSeverity> {
  const severities = new Map<string, RuleSeverity>(rules.map((rule) => [rule.id, rule.severity]));
  const set = (ruleId: string, severity: RuleSeverity) => {
    if (severities.has(ruleId)) severities.set(ruleId, severity);
  };
  for (const [ruleId, severity] of config.rules) set(ruleId, severity);
  for (const override of overrides) set(override.ruleId, override.severity);
  return severities;
}
