import { describe, expect, it } from 'vitest';
import type { PlainRecord } from '../../src/k8s/plain-value.js';
import { matchSpreadTerm, spreadTerms } from '../../src/k8s/pod-spreading.js';

const LABELS = { 'app.kubernetes.io/name': 'zk', tier: 'coordination' };

function statefulSet(podSpec: PlainRecord): PlainRecord {
  return { metadata: { name: 'zk' }, spec: { template: { metadata: { labels: LABELS }, spec: podSpec } } };
}

/** The statuses of every spread term of a pod spec, in the StatefulSet's namespace `data`. */
function statuses(podSpec: PlainRecord): unknown[] {
  return spreadTerms(statefulSet(podSpec)).map((term) => matchSpreadTerm(term, LABELS, 'data'));
}

const required = (term: PlainRecord) => ({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', ...term }] } } });

describe('spreadTerms', () => {
  it('lists required terms, then preferred terms, then spread constraints, with their selector paths', () => {
    const terms = spreadTerms(statefulSet({
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'topology.kubernetes.io/zone', labelSelector: { matchLabels: LABELS } } }, 'not a term'],
          requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: LABELS } }],
        },
      },
      topologySpreadConstraints: [{ topologyKey: 'kubernetes.io/hostname', maxSkew: 1 }],
    }));
    expect(terms.map((term) => [term.source, term.topologyKey, term.selectorPath.join('.')])).toEqual([
      ['required', 'kubernetes.io/hostname', 'spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution.0.labelSelector'],
      ['preferred', 'topology.kubernetes.io/zone', 'spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution.0.podAffinityTerm.labelSelector'],
      ['topologySpreadConstraint', 'kubernetes.io/hostname', 'spec.template.spec.topologySpreadConstraints.0.labelSelector'],
    ]);
  });

  it('reads nothing from a pod spec without affinity or constraints, or with malformed ones', () => {
    expect(spreadTerms(statefulSet({}))).toEqual([]);
    expect(spreadTerms(statefulSet({ affinity: { podAntiAffinity: 'none' }, topologySpreadConstraints: {} }))).toEqual([]);
  });
});

describe('matchSpreadTerm', () => {
  it.each([
    ['matchLabels the pods carry', { labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'zk' } } }, { status: 'matches' }],
    ['matchExpressions the pods satisfy', { labelSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['coordination'] }] } }, { status: 'matches' }],
    ['an empty selector (every pod of the namespace)', { labelSelector: {} }, { status: 'matches' }],
    ['a label the pods lack', { labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['zk'] }] } }, { status: 'mismatch', failed: 'app in (zk)' }],
    ['a value the pods do not have', { labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'zookeeper' } } }, { status: 'mismatch', failed: 'app.kubernetes.io/name=zookeeper' }],
    ['no labelSelector', {}, { status: 'no-selector' }],
    ['namespaces listing another namespace', { labelSelector: { matchLabels: { app: 'cache' } }, namespaces: ['cache'] }, { status: 'elsewhere' }],
    ['namespaces listing its own namespace', { labelSelector: { matchLabels: { app: 'cache' } }, namespaces: ['cache', 'data'] }, { status: 'mismatch', failed: 'app=cache' }],
    ['a namespaceSelector on namespace labels', { labelSelector: { matchLabels: { app: 'cache' } }, namespaceSelector: { matchLabels: { team: 'a' } } }, { status: 'elsewhere' }],
    ['an empty namespaceSelector (every namespace)', { labelSelector: { matchLabels: { app: 'cache' } }, namespaceSelector: {} }, { status: 'mismatch', failed: 'app=cache' }],
    ['a selector on the pod-name label the controller adds', { labelSelector: { matchExpressions: [{ key: 'statefulset.kubernetes.io/pod-name', operator: 'In', values: ['zk-0'] }] } }, { status: 'unreadable' }],
    ['an unknown operator', { labelSelector: { matchExpressions: [{ key: 'tier', operator: 'Like', values: ['x'] }] } }, { status: 'unreadable' }],
  ])('%s', (_name, term, expected) => {
    expect(statuses(required(term))).toEqual([expected]);
  });
});
