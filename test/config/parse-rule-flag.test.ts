import { describe, expect, it } from 'vitest';
import { parseRuleFlag } from '../../src/config/parse-rule-flag.js';
import { RuleFlagError } from '../../src/config/rule-flag-error.js';

describe('parseRuleFlag', () => {
  it.each([
    ['node-local-storage=off', [{ ruleId: 'node-local-storage', severity: 'off' }]],
    ['node-local-storage:error', [{ ruleId: 'node-local-storage', severity: 'error' }]],
    ['node-local-storage: warning', [{ ruleId: 'node-local-storage', severity: 'warning' }]],
    [' yaml-syntax = info ', [{ ruleId: 'yaml-syntax', severity: 'info' }]],
    [
      'node-local-storage=off,yaml-syntax=warning',
      [
        { ruleId: 'node-local-storage', severity: 'off' },
        { ruleId: 'yaml-syntax', severity: 'warning' },
      ],
    ],
  ])('parses %j', (value, expected) => {
    expect(parseRuleFlag(value)).toEqual(expected);
  });

  it.each([
    ['', '--rule "": expected <rule-id>=<severity>'],
    ['node-local-storage', '--rule "node-local-storage": expected <rule-id>=<severity>, got "node-local-storage"'],
    ['node-local-storage=', '--rule "node-local-storage=": expected <rule-id>=<severity>, got "node-local-storage="'],
    ['=off', '--rule "=off": expected <rule-id>=<severity>, got "=off"'],
    ['node-local-storage=off,', '--rule "node-local-storage=off,": expected <rule-id>=<severity>, got ""'],
    ['node-local-storag=off', '--rule "node-local-storag=off": unknown rule "node-local-storag"; did you mean "node-local-storage"?'],
    ['quotes=off', '--rule "quotes=off": unknown rule "quotes" (see --list-rules)'],
    ['node-local-storage=warn', '--rule "node-local-storage=warn": unknown severity "warn"; did you mean "warning"?'],
    ['node-local-storage=2', '--rule "node-local-storage=2": unknown severity "2"; expected off, info, warning or error'],
    ['node-local-storage=[error]', '--rule "node-local-storage=[error]": unknown severity "[error]"; did you mean "error"?'],
  ])('refuses %j', (value, message) => {
    expect(() => parseRuleFlag(value)).toThrow(RuleFlagError);
    expect(() => parseRuleFlag(value)).toThrow(message);
  });

  it('checks ids against the list it is given', () => {
    expect(parseRuleFlag('custom=error', ['custom'])).toEqual([{ ruleId: 'custom', severity: 'error' }]);
    expect(() => parseRuleFlag('yaml-syntax=error', ['custom'])).toThrow('unknown rule "yaml-syntax"');
  });
});
