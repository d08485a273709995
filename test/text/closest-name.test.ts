import { describe, expect, it } from 'vitest';
import { allowedFieldNames } from '../../src/schema/allowed-field-names.js';
import { closestName } from '../../src/text/closest-name.js';

// "Did you mean" for configuration keys, severities and rule ids, and for Kubernetes field names.
const KEYS = ['namespace', 'files', 'ignores', 'context', 'rules', 'exemptions'];

describe('closestName for configuration words', () => {
  it.each([
    ['rule', KEYS, 'rules'],
    ['Rules', KEYS, 'rules'],
    ['ignore', KEYS, 'ignores'],
    ['exemption', KEYS, 'exemptions'],
    ['exmeptions', KEYS, 'exemptions'],
    ['namepsace', KEYS, 'namespace'],
    ['plugins', KEYS, undefined],
    ['x', KEYS, undefined],
    ['warn', ['off', 'info', 'warning', 'error'], 'warning'],
    ['err', ['off', 'info', 'warning', 'error'], 'error'],
    ['of', ['off', 'info', 'warning', 'error'], 'off'],
    ['rules', KEYS, undefined],
  ])('%s → %s', (word, candidates, expected) => {
    expect(closestName(word, candidates)).toBe(expected);
  });
});

describe('closestName for Kubernetes field names', () => {
  const spec = allowedFieldNames('StatefulSet', ['spec']) ?? [];
  const container = allowedFieldNames('StatefulSet', ['spec', 'template', 'spec', 'containers', 0]) ?? [];

  it.each([
    ['volumeClaimTemplate', spec, 'volumeClaimTemplates'],
    ['VolumeClaimTemplates', spec, 'volumeClaimTemplates'],
    ['replica', spec, 'replicas'],
    ['servicename', spec, 'serviceName'],
    ['podManagmentPolicy', spec, 'podManagementPolicy'],
    ['imagePullPolicyy', container, 'imagePullPolicy'],
    ['imagePulPolicy', container, 'imagePullPolicy'],
    ['comand', container, 'command'],
    ['evn', container, 'env'],
  ])('suggests for %s', (name, candidates, expected) => {
    expect(closestName(name, candidates)).toBe(expected);
  });

  it.each([
    ['storageClassName', spec],
    ['resource', spec],
    ['foo', container],
    ['volumes', container],
  ])('suggests nothing far from every name: %s', (name, candidates) => {
    expect(closestName(name, candidates)).toBeUndefined();
  });
});


describe('closestName on hostile lengths', () => {
  // damerau-levenshtein allocates a square matrix of the longer string's length: a 30,000-character
  // claim template name from a manifest once took the process out of memory (found by the fuzzer).
  const huge = `persistent-sto${'a'.repeat(30_000)}`;

  it('does not compare a name with a candidate too long to be within its edit limit', () => {
    expect(closestName('persistent-storage', [huge, 'persistent-storag'])).toBe('persistent-storag');
    expect(closestName('persistent-storage', [huge])).toBeUndefined();
  });

  it('does not compare a name longer than any Kubernetes name, but still finds a prefix or same-letters match', () => {
    expect(closestName(huge, [`${huge}b`])).toBe(`${huge}b`);
    expect(closestName(huge, [huge.toUpperCase()])).toBe(huge.toUpperCase());
    expect(closestName(`${huge}x`, [`${huge}y`])).toBeUndefined();
  });
});
