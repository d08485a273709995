import { describe, expect, it } from 'vitest';
import { findPodDisruptionBudgets } from '../../src/index/disruption-budgets.js';
import { ObjectIndex } from '../../src/index/object-index.js';
import { POD_DISRUPTION_BUDGET } from '../../src/k8s/group-kind.js';
import type { ManifestDocument } from '../../src/parser/manifest-document.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';

const STATEFUL_SET = `
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: zk
  namespace: data
spec:
  serviceName: zk-hs
  template:
    metadata:
      labels:
        app.kubernetes.io/name: zookeeper
        app.kubernetes.io/instance: orders
        tier: coordination
`;

/** A budget named `name` in `namespace` whose `spec` is the given YAML (indented two spaces). */
function budget(name: string, spec: string, namespace = 'data', apiVersion = 'policy/v1'): string {
  return `apiVersion: ${apiVersion}\nkind: PodDisruptionBudget\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${spec}\n`;
}

function load(budgets: string[], options: { namespace?: string; statefulSet?: string } = {}): { index: ObjectIndex; statefulSet: ManifestDocument } {
  const documents = [
    ...parseDocuments({ path: '/sts.yaml', text: options.statefulSet ?? STATEFUL_SET }).documents,
    ...parseDocuments({ path: '/pdb.yaml', text: budgets.join('---\n') }).documents,
  ];
  const statefulSet = documents.find((document) => document.kind === 'StatefulSet');
  if (!statefulSet) throw new Error('no StatefulSet');
  return { index: new ObjectIndex(documents, options), statefulSet };
}

function found(budgets: string[], options?: { namespace?: string; statefulSet?: string }): string[] {
  const { index, statefulSet } = load(budgets, options);
  return findPodDisruptionBudgets(index, statefulSet).map((document) => document.name);
}

describe('findPodDisruptionBudgets', () => {
  it.each([
    ['matchLabels that the pods carry', '  selector:\n    matchLabels:\n      app.kubernetes.io/name: zookeeper', true],
    ['matchLabels with two pairs, both carried', '  selector:\n    matchLabels:\n      app.kubernetes.io/name: zookeeper\n      tier: coordination', true],
    ['matchLabels with one pair the pods lack', '  selector:\n    matchLabels:\n      app.kubernetes.io/name: zookeeper\n      tier: web', false],
    ['matchLabels of other pods', '  selector:\n    matchLabels:\n      app: zk', false],
    ['matchExpressions only (In)', '  selector:\n    matchExpressions:\n      - key: tier\n        operator: In\n        values: [coordination, storage]', true],
    ['matchExpressions only (NotIn the pods value)', '  selector:\n    matchExpressions:\n      - key: tier\n        operator: NotIn\n        values: [coordination]', false],
    ['matchLabels and a failing expression', '  selector:\n    matchLabels:\n      tier: coordination\n    matchExpressions:\n      - key: app.kubernetes.io/instance\n        operator: DoesNotExist', false],
    ['an empty selector (policy/v1: every pod of the namespace)', '  selector: {}', true],
    ['no selector (selects nothing)', '  maxUnavailable: 1', false],
    ['a malformed selector (unknown operator)', '  selector:\n    matchExpressions:\n      - key: tier\n        operator: Like\n        values: [coordination]', false],
  ])('%s', (_name, spec, selects) => {
    expect(found([budget('zk-pdb', spec)])).toEqual(selects ? ['zk-pdb'] : []);
  });

  it('treats an empty selector of policy/v1beta1 as selecting nothing', () => {
    expect(found([budget('zk-pdb', '  selector: {}', 'data', 'policy/v1beta1')])).toEqual([]);
    expect(found([budget('zk-pdb', '  selector:\n    matchLabels:\n      tier: coordination', 'data', 'policy/v1beta1')])).toEqual(['zk-pdb']);
  });

  it('looks only in the StatefulSet namespace', () => {
    const spec = '  selector:\n    matchLabels:\n      tier: coordination';
    expect(found([budget('elsewhere', spec, 'other'), budget('here', spec)])).toEqual(['here']);
  });

  it('returns every budget that selects the pods, in input order, whatever their anchor', () => {
    const budgets = [
      budget('by-instance', '  selector:\n    matchLabels:\n      app.kubernetes.io/instance: orders'),
      budget('other-app', '  selector:\n    matchLabels:\n      app: kafka'),
      budget('by-expression', '  selector:\n    matchExpressions:\n      - key: app.kubernetes.io/name\n        operator: Exists'),
      budget('by-name', '  selector:\n    matchLabels:\n      app.kubernetes.io/name: zookeeper'),
    ];
    expect(found(budgets)).toEqual(['by-instance', 'by-expression', 'by-name']);
  });

  it('uses the run namespace for objects that name none', () => {
    const statefulSet = STATEFUL_SET.replace('  namespace: data\n', '');
    const text = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: zk-pdb\nspec:\n  selector:\n    matchLabels:\n      tier: coordination\n';
    expect(found([text], { statefulSet, namespace: 'team' })).toEqual(['zk-pdb']);
    expect(found([budget('zk-pdb', '  selector:\n    matchLabels:\n      tier: coordination', 'data')], { statefulSet, namespace: 'team' })).toEqual([]);
  });

  it('tells "no budget given" from "none selects the pods" through index.has', () => {
    const none = load([]);
    expect(none.index.has(POD_DISRUPTION_BUDGET)).toBe(false);
    const other = load([budget('other', '  selector:\n    matchLabels:\n      app: kafka')]);
    expect(other.index.has(POD_DISRUPTION_BUDGET)).toBe(true);
    expect(findPodDisruptionBudgets(other.index, other.statefulSet)).toEqual([]);
  });
});
