import { RULES } from '../../rules/index.js';
import { closestName } from '../text/closest-name.js';
import { RULE_SEVERITIES, type RuleSeverity } from './config.js';
import { RuleFlagError } from './rule-flag-error.js';

/** One `--rule` setting. */
export interface RuleOverride {
  ruleId: string;
  severity: RuleSeverity;
}

/**
 * Parses the value of one `--rule` flag: `<rule-id>=<severity>`, several separated by commas
 * (`--rule node-local-storage=off,yaml-syntax=warning`). ESLint's `<rule-id>: <severity>` spelling
 * is accepted too, and blanks around the parts are ignored. Severities: off, info, warning, error.
 *
 * @param ruleIds - the known rule ids (default: every registered rule)
 * @throws RuleFlagError for an empty or malformed value, an unknown rule id or an unknown severity
 *   (with "did you mean" when one is close)
 */
export function parseRuleFlag(value: string, ruleIds: readonly string[] = [...RULES.keys()]): RuleOverride[] {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.every((part) => part === '')) throw new RuleFlagError(value, 'expected <rule-id>=<severity>');
  return parts.map((part) => {
    const match = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(part);
    if (!match) throw new RuleFlagError(value, `expected <rule-id>=<severity>, got "${part}"`);
    const [, ruleId = '', severity = ''] = match;
    if (!ruleIds.includes(ruleId)) {
      throw new RuleFlagError(value, `unknown rule "${ruleId}"${hint(ruleId, ruleIds, ' (see --list-rules)')}`);
    }
    if (!(RULE_SEVERITIES as readonly string[]).includes(severity)) {
      throw new RuleFlagError(value, `unknown severity "${severity}"${hint(severity, RULE_SEVERITIES, '; expected off, info, warning or error')}`);
    }
    return { ruleId, severity: severity as RuleSeverity };
  });
}

function hint(word: string, candidates: readonly string[], otherwise: string): string {
  const match = closestName(word, candidates);
  return match === undefined ? otherwise : `; did you mean "${match}"?`;
}
