import { describe, expect, it } from 'vitest';
import { isEmptyLabelSelector, matchLabelSelector, matchServiceSelector, type SelectorMatch } from '../../src/k8s/label-selector.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';
import { fieldAt } from '../../src/k8s/plain-value.js';

/** Pod labels of a typical Kafka broker. */
const POD_LABELS = { app: 'kafka', tier: 'broker', 'app.kubernetes.io/version': '3.7.0' };

const In = (key: string, ...values: unknown[]) => ({ key, operator: 'In', values });
const NotIn = (key: string, ...values: unknown[]) => ({ key, operator: 'NotIn', values });
const Exists = (key: string) => ({ key, operator: 'Exists' });
const DoesNotExist = (key: string) => ({ key, operator: 'DoesNotExist' });

describe('matchLabelSelector', () => {
  it.each<[string, unknown, SelectorMatch]>([
    // matchLabels
    ['matchLabels, all present', { matchLabels: { app: 'kafka', tier: 'broker' } }, { matches: true }],
    ['matchLabels, one value differs', { matchLabels: { app: 'kafka', tier: 'controller' } }, { matches: false, failed: 'tier=controller' }],
    ['matchLabels, one key absent', { matchLabels: { app: 'kafka', zone: 'a' } }, { matches: false, failed: 'zone=a' }],
    ['matchLabels, null', { matchLabels: null }, { matches: true }],
    // In
    ['In, value listed', { matchExpressions: [In('tier', 'controller', 'broker')] }, { matches: true }],
    ['In, value not listed', { matchExpressions: [In('tier', 'controller', 'zookeeper')] }, { matches: false, failed: 'tier in (controller, zookeeper)' }],
    ['In, key absent', { matchExpressions: [In('zone', 'a')] }, { matches: false, failed: 'zone in (a)' }],
    // NotIn
    ['NotIn, value not listed', { matchExpressions: [NotIn('tier', 'controller')] }, { matches: true }],
    ['NotIn, key absent', { matchExpressions: [NotIn('zone', 'a', 'b')] }, { matches: true }],
    ['NotIn, value listed', { matchExpressions: [NotIn('tier', 'broker', 'controller')] }, { matches: false, failed: 'tier notin (broker, controller)' }],
    // Exists / DoesNotExist
    ['Exists, key present', { matchExpressions: [Exists('app')] }, { matches: true }],
    ['Exists, key absent', { matchExpressions: [Exists('zone')] }, { matches: false, failed: 'zone' }],
    ['Exists with an empty values list', { matchExpressions: [{ key: 'app', operator: 'Exists', values: [] }] }, { matches: true }],
    ['DoesNotExist, key absent', { matchExpressions: [DoesNotExist('canary')] }, { matches: true }],
    ['DoesNotExist, key present', { matchExpressions: [DoesNotExist('tier')] }, { matches: false, failed: '!tier' }],
    // Combinations
    [
      'matchLabels and every operator, all satisfied',
      { matchLabels: { app: 'kafka' }, matchExpressions: [In('tier', 'broker'), NotIn('tier', 'zookeeper'), Exists('app.kubernetes.io/version'), DoesNotExist('canary')] },
      { matches: true },
    ],
    ['matchLabels fail before expressions', { matchLabels: { app: 'zookeeper' }, matchExpressions: [Exists('zone')] }, { matches: false, failed: 'app=zookeeper' }],
    ['the first failing expression', { matchLabels: { app: 'kafka' }, matchExpressions: [Exists('app'), DoesNotExist('tier'), In('zone', 'a')] }, { matches: false, failed: '!tier' }],
    // Empty selectors select everything
    ['an empty selector', {}, { matches: true }],
    ['empty matchLabels and matchExpressions', { matchLabels: {}, matchExpressions: [] }, { matches: true }],
  ])('%s', (_name, selector, expected) => {
    expect(matchLabelSelector(selector, POD_LABELS)).toEqual(expected);
  });

  it.each<[string, unknown, string]>([
    ['a selector that is a string', 'app=kafka', 'selector is not a mapping'],
    ['a selector that is null', null, 'selector is not a mapping'],
    ['a selector that is a list', [{ app: 'kafka' }], 'selector is not a mapping'],
    ['matchLabels that is a list', { matchLabels: ['app'] }, 'matchLabels is not a mapping'],
    ['a matchLabels value that is a map', { matchLabels: { app: { name: 'kafka' } } }, 'matchLabels "app" is not a string'],
    ['a matchLabels value that is null', { matchLabels: { app: null } }, 'matchLabels "app" is not a string'],
    ['an unknown operator', { matchExpressions: [{ key: 'tier', operator: 'Equals', values: ['broker'] }] }, 'unknown operator "Equals" (key "tier")'],
    ['an operator in the wrong case', { matchExpressions: [{ key: 'tier', operator: 'in', values: ['broker'] }] }, 'unknown operator "in" (key "tier")'],
    ['a missing operator', { matchExpressions: [{ key: 'tier' }] }, 'unknown operator "undefined" (key "tier")'],
    ['In without values', { matchExpressions: [{ key: 'tier', operator: 'In' }] }, 'operator "In" needs values (key "tier")'],
    ['NotIn with an empty list', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: [] }] }, 'operator "NotIn" needs values (key "tier")'],
    ['In with a string for values', { matchExpressions: [{ key: 'tier', operator: 'In', values: 'broker' }] }, 'operator "In" needs values (key "tier")'],
    ['Exists with values', { matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['broker'] }] }, 'operator "Exists" takes no values (key "tier")'],
    ['DoesNotExist with values', { matchExpressions: [{ key: 'canary', operator: 'DoesNotExist', values: ['true'] }] }, 'operator "DoesNotExist" takes no values (key "canary")'],
    ['an expression without a key', { matchExpressions: [{ operator: 'Exists' }] }, 'a matchExpressions entry has no key'],
    ['an expression that is a string', { matchExpressions: ['tier in (broker)'] }, 'a matchExpressions entry has no key'],
    ['an invalid expression after a failing one', { matchExpressions: [In('tier', 'controller'), { key: 'x', operator: 'Matches' }] }, 'unknown operator "Matches" (key "x")'],
  ])('reports %s as invalid', (_name, selector, invalid) => {
    expect(matchLabelSelector(selector, POD_LABELS)).toEqual({ matches: false, invalid });
  });

  it.each<[string, unknown, unknown, boolean]>([
    ['a number selector value and a string label', { matchLabels: { version: 2 } }, { version: '2' }, true],
    ['a string selector value and a number label', { matchLabels: { version: '2' } }, { version: 2 }, true],
    ['a boolean label', { matchLabels: { canary: 'true' } }, { canary: true }, true],
    ['a boolean selector value, other spelling', { matchLabels: { canary: true } }, { canary: 'yes' }, false],
    ['numbers in In values', { matchExpressions: [In('shard', 1, 2)] }, { shard: '2' }, true],
    ['numbers in NotIn values', { matchExpressions: [NotIn('shard', 1, 2)] }, { shard: 2 }, false],
    ['a label that is a map is absent', { matchExpressions: [Exists('zone')] }, { zone: { name: 'a' } }, false],
    ['labels that are not a mapping', { matchExpressions: [DoesNotExist('app')] }, 'app=kafka', true],
    ['labels that are null, matchLabels', { matchLabels: { app: 'kafka' } }, null, false],
  ])('compares by spelling: %s', (_name, selector, labels, matches) => {
    expect(matchLabelSelector(selector, labels).matches).toBe(matches);
  });

  it('compares YAML 1.1 values as Kubernetes decoded them', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: kafka
spec:
  selector:
    matchLabels:
      app: kafka
      monitored: "true"
  template:
    metadata:
      labels:
        app: kafka
        monitored: yes
`;
    const spec = parseDocuments({ path: '/repo/x.yaml', text }).documents[0]!.object.spec;
    expect(matchLabelSelector(fieldAt(spec, ['selector']), fieldAt(spec, ['template', 'metadata', 'labels']))).toEqual({ matches: true });
  });
});

describe('matchServiceSelector', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['an equal label set', { app: 'kafka', tier: 'broker' }, { app: 'kafka', tier: 'broker' }, true],
    ['a subset of the pod labels', { app: 'kafka' }, POD_LABELS, true],
    ['a value that differs', { app: 'kafka', tier: 'controller' }, POD_LABELS, false],
    ['more keys than the pod has', { app: 'kafka', tier: 'broker', zone: 'a' }, POD_LABELS, false],
    ['a number selector value', { shard: 1 }, { shard: '1' }, true],
    ['a null selector value', { app: null }, { app: 'kafka' }, false],
    ['an empty selector', {}, POD_LABELS, false],
    ['an absent selector', undefined, POD_LABELS, false],
    ['a null selector', null, POD_LABELS, false],
    ['a selector that is a list', ['app'], POD_LABELS, false],
    ['a LabelSelector shape (not a plain map)', { matchLabels: { app: 'kafka' } }, POD_LABELS, false],
    ['pods without labels', { app: 'kafka' }, undefined, false],
  ])('%s: %s', (_name, selector, labels, expected) => {
    expect(matchServiceSelector(selector, labels)).toBe(expected);
  });
});

describe('isEmptyLabelSelector', () => {
  it.each<[string, unknown, boolean]>([
    ['an empty mapping', {}, true],
    ['an absent selector', undefined, true],
    ['null', null, true],
    ['empty matchLabels and matchExpressions', { matchLabels: {}, matchExpressions: [] }, true],
    ['null matchLabels', { matchLabels: null }, true],
    ['one matchLabels entry', { matchLabels: { app: 'kafka' } }, false],
    ['one expression', { matchExpressions: [Exists('app')] }, false],
    ['both', { matchLabels: { app: 'kafka' }, matchExpressions: [DoesNotExist('canary')] }, false],
  ])('%s: %s', (_name, selector, expected) => {
    expect(isEmptyLabelSelector(selector)).toBe(expected);
  });
});

describe('matchLabelSelector on malformed expressions', () => {
  it('reports matchExpressions written as a mapping instead of ignoring it', () => {
    const selector = { matchLabels: { app: 'db' }, matchExpressions: { key: 'tier', operator: 'In', values: ['db'] } };
    expect(matchLabelSelector(selector, { app: 'db', tier: 'db' })).toEqual({ matches: false, invalid: 'matchExpressions is not a list' });
    expect(isEmptyLabelSelector({ matchExpressions: { key: 'tier' } })).toBe(false);
  });

  it('reports a value that is not a string', () => {
    const selector = { matchExpressions: [{ key: 'tier', operator: 'In', values: [null] }] };
    expect(matchLabelSelector(selector, { tier: 'db' })).toEqual({ matches: false, invalid: 'a value of key "tier" is not a string' });
  });
});
