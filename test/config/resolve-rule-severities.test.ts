import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { resolveRuleSeverities } from '../../src/config/resolve-rule-severities.js';

const RULES = [
  { id: 'a', severity: 'error' },
  { id: 'b', severity: 'warning' },
  { id: 'c', severity: 'info' },
] as const;

describe('resolveRuleSeverities', () => {
  it('gives every rule its default severity without config nor flags', () => {
    expect([...resolveRuleSeverities(RULES, { rules: new Map() })]).toEqual([
      ['a', 'error'],
      ['b', 'warning'],
      ['c', 'info'],
    ]);
  });

  it('lets the config file override the defaults, and --rule override the file, the last flag winning', () => {
    const config = { rules: new Map([['a', 'off'], ['b', 'error']] as const) };
    const overrides = [
      { ruleId: 'b', severity: 'info' },
      { ruleId: 'c', severity: 'off' },
      { ruleId: 'c', severity: 'warning' },
    ] as const;
    expect([...resolveRuleSeverities(RULES, config, overrides)]).toEqual([
      ['a', 'off'],
      ['b', 'info'],
      ['c', 'warning'],
    ]);
  });

  it('ignores ids that are not rules', () => {
    const result = resolveRuleSeverities(RULES, { rules: new Map([['zzz', 'off']] as const) }, [{ ruleId: 'yyy', severity: 'error' }]);
    expect([...result.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('covers every registered rule', () => {
    const result = resolveRuleSeverities(ALL_RULES, { rules: new Map() });
    expect(result.size).toBe(ALL_RULES.length);
    for (const rule of ALL_RULES) expect(result.get(rule.id)).toBe(rule.severity);
  });
});
