import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../src/config/closest-match.js';

const KEYS = ['namespace', 'files', 'ignores', 'context', 'rules', 'exemptions'];

describe('closestMatch', () => {
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
    expect(closestMatch(word, candidates)).toBe(expected);
  });
});
