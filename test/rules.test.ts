import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../rules/index.js';
import { compactRelativeTo, lintScenario, scenariosOf } from './support/fixtures.js';

// The single table-driven runner: every rule × every fixture scenario, only the rule under test
// enabled. Valid scenarios must be clean; invalid ones must match their golden `.out` exactly.
describe.each(ALL_RULES.map((rule) => [rule.id, rule] as const))('%s', (ruleId, rule) => {
  const scenarios = scenariosOf(ruleId);

  it('has valid and invalid fixtures', () => {
    expect(scenarios.some((s) => s.kind === 'valid')).toBe(true);
    expect(scenarios.some((s) => s.kind === 'invalid')).toBe(true);
  });

  const valid = scenarios.filter((s) => s.kind === 'valid');
  const invalid = scenarios.filter((s) => s.kind === 'invalid');

  it.each(valid.map((s) => [s.name, s] as const))(`${ruleId} › valid › %s`, async (_name, scenario) => {
    const results = await lintScenario(scenario, [rule]);
    expect(compactRelativeTo(results, scenario)).toBe('');
  });

  it.each(invalid.map((s) => [s.name, s] as const))(`${ruleId} › invalid › %s`, async (_name, scenario) => {
    const results = await lintScenario(scenario, [rule]);
    const output = compactRelativeTo(results, scenario);
    expect(output, 'an invalid fixture must produce at least one finding').not.toBe('');
    await expect(output).toMatchFileSnapshot(scenario.out);
  });
});
