import { describe, expect, it } from 'vitest';
import { blockingBudget, budgetSelectsPods } from '../../src/k8s/disruption-budgets.js';
import type { PlainRecord } from '../../src/k8s/plain-value.js';

const budget = (spec: PlainRecord, apiVersion = 'policy/v1'): PlainRecord => ({ apiVersion, kind: 'PodDisruptionBudget', metadata: { name: 'pdb' }, spec });

describe('blockingBudget', () => {
  it.each([
    [{ maxUnavailable: 0 }, 3, { field: 'maxUnavailable', value: '0', required: 3 }],
    [{ maxUnavailable: '0%' }, 3, { field: 'maxUnavailable', value: '0%', required: 3 }],
    [{ maxUnavailable: 1 }, 3, undefined],
    [{ maxUnavailable: '10%' }, 3, undefined],
    [{ minAvailable: 3 }, 3, { field: 'minAvailable', value: '3', required: 3 }],
    [{ minAvailable: 5 }, 3, { field: 'minAvailable', value: '5', required: 5 }],
    [{ minAvailable: 2 }, 3, undefined],
    [{ minAvailable: '100%' }, 3, { field: 'minAvailable', value: '100%', required: 3 }],
    [{ minAvailable: '67%' }, 3, { field: 'minAvailable', value: '67%', required: 3 }],
    [{ minAvailable: '66%' }, 3, undefined],
    [{ minAvailable: 1 }, 1, { field: 'minAvailable', value: '1', required: 1 }],
    [{ minAvailable: 1 }, 0, undefined],
    [{}, 3, undefined],
    [{ minAvailable: 'all' }, 3, undefined],
    [{ maxUnavailable: -1 }, 3, undefined],
  ])('%j with %i replicas', (spec, replicas, expected) => {
    expect(blockingBudget(budget(spec), replicas)).toEqual(expected);
  });
});

describe('budgetSelectsPods', () => {
  const labels = { app: 'etcd', tier: 'control' };
  it.each([
    ['matchLabels carried', { selector: { matchLabels: { app: 'etcd' } } }, 'policy/v1', true],
    ['matchLabels not carried', { selector: { matchLabels: { app: 'kafka' } } }, 'policy/v1', false],
    ['an empty selector in policy/v1', { selector: {} }, 'policy/v1', true],
    ['an empty selector in policy/v1beta1', { selector: {} }, 'policy/v1beta1', false],
    ['no selector', {}, 'policy/v1', false],
    ['a null selector', { selector: null }, 'policy/v1', false],
    ['an invalid operator', { selector: { matchExpressions: [{ key: 'app', operator: 'Is', values: ['etcd'] }] } }, 'policy/v1', false],
  ])('%s', (_name, spec, apiVersion, expected) => {
    expect(budgetSelectsPods(budget(spec, apiVersion), labels)).toBe(expected);
  });
});
