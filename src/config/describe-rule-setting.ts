import { isRecord } from '../k8s/plain-value.js';
import { closestName } from '../text/closest-name.js';
import { RULE_SEVERITIES } from './config.js';
import type { ConfigProblem } from './config-problem.js';
import { describeValue } from './describe-value.js';

const SEVERITY_LIST = 'off, info, warning or error';

/** ESLint's numeric severities, so that `2` gets "did you mean "error"?". */
const ESLINT_NUMBERS: Readonly<Record<string, string>> = { '0': 'off', '1': 'warning', '2': 'error' };

/**
 * What is wrong with the entry `rules.<ruleId>`, whose value the schema rejected: the bad
 * severity, the extra list item or the option key, pointed at precisely. The schema's own errors
 * for this entry (one per `anyOf` branch) are not shown; this one message replaces them.
 */
export function describeRuleSetting(ruleId: string, setting: unknown): ConfigProblem {
  const path = ['rules', ruleId];
  if (typeof setting === 'string' || typeof setting === 'number') return badSeverity(ruleId, setting, path);
  if (!Array.isArray(setting)) {
    const message = `rule "${ruleId}" must be a severity (${SEVERITY_LIST}) or [severity, options], got ${describeValue(setting)}`;
    return { path, target: 'value', message };
  }
  if (setting.length === 0) {
    return { path, target: 'value', message: `rule "${ruleId}" must be [severity] or [severity, options], got an empty list` };
  }
  const [severity, options] = setting as unknown[];
  if (!(RULE_SEVERITIES as readonly unknown[]).includes(severity)) return badSeverity(ruleId, severity, [...path, 0]);
  if (setting.length > 2) {
    return { path: [...path, 2], target: 'value', message: `rule "${ruleId}" takes [severity, options], got ${setting.length} items` };
  }
  if (!isRecord(options)) {
    return { path: [...path, 1], target: 'value', message: `options of rule "${ruleId}" must be a mapping, got ${describeValue(options)}` };
  }
  const [option] = Object.keys(options);
  if (option !== undefined) {
    return { path: [...path, 1, option], target: 'key', message: `rule "${ruleId}" has no option "${option}" (no rule has options yet)` };
  }
  return { path, target: 'value', message: `rule "${ruleId}" has an invalid setting` };
}

function badSeverity(ruleId: string, severity: unknown, path: (string | number)[]): ConfigProblem {
  if (typeof severity !== 'string' && typeof severity !== 'number') {
    const message = `severity of rule "${ruleId}" must be ${SEVERITY_LIST}, got ${describeValue(severity)}`;
    return { path, target: 'value', message };
  }
  const text = String(severity);
  const suggestion = ESLINT_NUMBERS[text] ?? closestName(text, RULE_SEVERITIES);
  const hint = suggestion === undefined ? `; expected ${SEVERITY_LIST}` : `; did you mean "${suggestion}"?`;
  return { path, target: 'value', message: `unknown severity ${describeValue(severity)} for rule "${ruleId}"${hint}` };
}
