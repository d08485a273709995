import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatLabelSelector } from '../../src/k8s/label-selector.js';
import { parseQuantity, sameQuantity } from '../../src/k8s/quantity.js';
import { describeFieldValue, immutableFieldChanges, MUTABLE_STATEFUL_SET_SPEC_FIELDS } from '../../src/k8s/stateful-set-update.js';

const BASE = `
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 10Gi
`;

/** The base StatefulSet with `edit` applied to a copy. */
function changed(edit: (statefulSet: any) => void): Record<string, unknown> {
  const statefulSet = parse(BASE);
  edit(statefulSet);
  return statefulSet;
}

const base = parse(BASE) as Record<string, unknown>;

describe('immutableFieldChanges', () => {
  it('lets every mutable field change', () => {
    const after = changed((s) => {
      s.spec.replicas = 5;
      s.spec.template.spec.containers[0].image = 'postgres:16.6';
      s.spec.updateStrategy = { type: 'OnDelete' };
      s.spec.ordinals = { start: 1 };
      s.spec.minReadySeconds = 10;
      s.spec.revisionHistoryLimit = 3;
      s.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Delete', whenScaled: 'Retain' };
      s.metadata.labels = { team: 'data' };
    });
    expect(immutableFieldChanges(base, after)).toEqual([]);
    expect(MUTABLE_STATEFUL_SET_SPEC_FIELDS).toHaveLength(7);
  });

  it('reports a storage request that grew, at the new value, with the old one', () => {
    const after = changed((s) => (s.spec.volumeClaimTemplates[0].spec.resources.requests.storage = '20Gi'));
    expect(immutableFieldChanges(base, after)).toEqual([
      {
        kind: 'claim-template-field',
        claimTemplate: 'data',
        field: 'spec.resources.requests.storage',
        path: ['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests', 'storage'],
        before: '10Gi',
      },
    ]);
  });

  it('compares quantities by value and applies the API defaults', () => {
    const after = changed((s) => {
      s.spec.volumeClaimTemplates[0].spec.resources.requests.storage = '10240Mi';
      s.spec.volumeClaimTemplates[0].apiVersion = 'v1';
      s.spec.volumeClaimTemplates[0].kind = 'PersistentVolumeClaim';
      s.spec.volumeClaimTemplates[0].spec.volumeMode = 'Filesystem';
      s.spec.volumeClaimTemplates[0].status = { phase: 'Pending' };
      s.spec.volumeClaimTemplates[0].metadata.creationTimestamp = null;
      s.spec.podManagementPolicy = 'OrderedReady';
      s.spec.selector.matchExpressions = [];
    });
    expect(immutableFieldChanges(base, after)).toEqual([]);
  });

  it('reports the selector once, at its first changed entry', () => {
    const after = changed((s) => (s.spec.selector.matchLabels = { app: 'db', tier: 'primary' }));
    expect(immutableFieldChanges(base, after)).toEqual([{ kind: 'selector', path: ['spec', 'selector', 'matchLabels', 'tier'], before: { matchLabels: { app: 'db' } } }]);
  });

  it('reports serviceName and podManagementPolicy, a default counting as written', () => {
    const after = changed((s) => {
      s.spec.serviceName = 'db-headless';
      s.spec.podManagementPolicy = 'Parallel';
    });
    expect(immutableFieldChanges(base, after)).toEqual([
      { kind: 'field', field: 'serviceName', path: ['spec', 'serviceName'], before: 'db' },
      { kind: 'field', field: 'podManagementPolicy', path: ['spec', 'podManagementPolicy'], before: undefined },
    ]);
  });

  it('pairs claim templates by name: added, removed, reordered', () => {
    const logs = { metadata: { name: 'logs' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    const withLogs = changed((s) => s.spec.volumeClaimTemplates.unshift(logs));
    expect(immutableFieldChanges(base, withLogs)).toEqual([{ kind: 'claim-template-added', claimTemplate: 'logs', path: ['spec', 'volumeClaimTemplates', 0] }]);
    expect(immutableFieldChanges(withLogs, base)).toEqual([{ kind: 'claim-template-removed', claimTemplate: 'logs', path: ['spec', 'volumeClaimTemplates'] }]);
    const swapped = changed((s) => s.spec.volumeClaimTemplates.push(logs));
    const reordered = changed((s) => s.spec.volumeClaimTemplates.unshift(logs));
    expect(immutableFieldChanges(swapped, reordered)).toEqual([{ kind: 'claim-templates-reordered', path: ['spec', 'volumeClaimTemplates'] }]);
  });

  it('reports a changed storage class and unknown immutable fields, and survives any shape', () => {
    const after = changed((s) => {
      s.spec.volumeClaimTemplates[0].spec.storageClassName = 'fast';
      s.spec.futureField = { enabled: true };
    });
    expect(immutableFieldChanges(base, after).map((change) => change.kind)).toEqual(['claim-template-field', 'field']);
    expect(immutableFieldChanges({ spec: 'x' }, { spec: { volumeClaimTemplates: 'y', selector: [1] } })).toHaveLength(2);
    expect(immutableFieldChanges({}, {})).toEqual([]);
  });
});

describe('quantities and descriptions', () => {
  it('parses quantities as the API does', () => {
    expect(sameQuantity('1Gi', '1024Mi')).toBe(true);
    expect(sameQuantity('1G', '1000M')).toBe(true);
    expect(sameQuantity('1.5Gi', '1536Mi')).toBe(true);
    expect(sameQuantity('500m', '0.5')).toBe(true);
    expect(sameQuantity('1e3', '1k')).toBe(true);
    expect(sameQuantity(10, '10')).toBe(true);
    expect(sameQuantity('10Gi', '20Gi')).toBe(false);
    expect(sameQuantity('1GB', '1GB')).toBe(true);
    expect(sameQuantity('1GB', '1G')).toBe(false);
    expect(parseQuantity('1GB')).toBeUndefined();
    expect(parseQuantity(['1'])).toBeUndefined();
  });

  it('spells selectors and values shortly', () => {
    const selector = { matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }, { key: 'x', operator: 'DoesNotExist' }] };
    expect(formatLabelSelector(selector)).toBe('app=db,tier in (a,b),!x');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Bad' }] })).toBeUndefined();
    expect(describeFieldValue(selector, 'selector')).toBe('app=db,tier in (a,b),!x');
    expect(describeFieldValue(['ReadWriteOnce'])).toBe('[ReadWriteOnce]');
    expect(describeFieldValue('x'.repeat(40))).toBe(`${'x'.repeat(31)}…`);
  });
});
