import { describe, expect, it } from 'vitest';
import type { Exemption } from '../../src/config/config.js';
import { localCalendarDate } from '../../src/config/local-calendar-date.js';
import { matchExemption } from '../../src/config/match-exemption.js';

const at = { line: 1, column: 1 };
const KAFKA = { kind: 'StatefulSet', namespace: 'dev', name: 'kafka-0' };

describe('matchExemption', () => {
  it.each([
    ['rule only', { rule: 'node-local-storage' }, true],
    ['another rule', { rule: 'yaml-syntax' }, false],
    ['kind', { rule: 'node-local-storage', kind: 'StatefulSet' }, true],
    ['another kind', { rule: 'node-local-storage', kind: 'Deployment' }, false],
    ['kind in other case (kinds are exact)', { rule: 'node-local-storage', kind: 'Statefulset' }, false],
    ['namespace', { rule: 'node-local-storage', namespace: 'dev' }, true],
    ['another namespace', { rule: 'node-local-storage', namespace: 'prod' }, false],
    ['name glob', { rule: 'node-local-storage', name: 'kafka-*' }, true],
    ['exact name', { rule: 'node-local-storage', name: 'kafka-0' }, true],
    ['name glob that does not match', { rule: 'node-local-storage', name: 'zk-*' }, false],
    ['name glob with a class', { rule: 'node-local-storage', name: 'kafka-[0-9]' }, true],
    ['all fields', { rule: 'node-local-storage', kind: 'StatefulSet', namespace: 'dev', name: 'kafka*' }, true],
  ])('%s', (_name, fields, matches) => {
    const exemption: Exemption = { reason: 'why', ...at, ...fields };
    const match = matchExemption([exemption], 'node-local-storage', KAFKA, '2026-01-01');
    expect(match).toEqual(matches ? { exemption, expired: false } : undefined);
  });

  it('applies up to the day before expires and has expired from that day on', () => {
    const exemption: Exemption = { rule: 'node-local-storage', reason: 'why', expires: '2027-01-31', ...at };
    expect(matchExemption([exemption], 'node-local-storage', KAFKA, '2027-01-30')).toEqual({ exemption, expired: false });
    expect(matchExemption([exemption], 'node-local-storage', KAFKA, '2027-01-31')).toEqual({ exemption, expired: true });
    expect(matchExemption([exemption], 'node-local-storage', KAFKA, '2027-02-01')).toEqual({ exemption, expired: true });
    expect(matchExemption([exemption], 'node-local-storage', KAFKA, '2026-12-31')).toEqual({ exemption, expired: false });
  });

  it('prefers the first live exemption over an earlier expired one, and the first match otherwise', () => {
    const expired: Exemption = { rule: 'node-local-storage', reason: 'old', expires: '2020-01-01', ...at };
    const expiredToo: Exemption = { rule: 'node-local-storage', reason: 'older', expires: '2019-01-01', ...at };
    const live: Exemption = { rule: 'node-local-storage', name: 'kafka-*', reason: 'new', ...at };
    const later: Exemption = { rule: 'node-local-storage', reason: 'later', ...at };
    expect(matchExemption([expired, live, later], 'node-local-storage', KAFKA, '2026-01-01')).toEqual({ exemption: live, expired: false });
    expect(matchExemption([expired, expiredToo], 'node-local-storage', KAFKA, '2026-01-01')).toEqual({ exemption: expired, expired: true });
  });

  it('matches nothing without exemptions', () => {
    expect(matchExemption([], 'node-local-storage', KAFKA, '2026-01-01')).toBeUndefined();
  });
});

describe('localCalendarDate', () => {
  it('is the local calendar day, changing at local midnight', () => {
    expect(localCalendarDate(new Date(2027, 0, 30, 23, 59, 59, 999))).toBe('2027-01-30');
    expect(localCalendarDate(new Date(2027, 0, 31, 0, 0, 0, 0))).toBe('2027-01-31');
    expect(localCalendarDate(new Date(2027, 11, 31, 12))).toBe('2027-12-31');
    expect(localCalendarDate(new Date(987, 2, 5))).toBe('0987-03-05');
  });
});
