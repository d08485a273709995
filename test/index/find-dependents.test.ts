import { describe, expect, it } from 'vitest';
import { findDependencies, findDependents, holdsDependencies } from '../../src/index/dependents.js';
import { ObjectIndex } from '../../src/index/object-index.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';

const STATEFUL_SET = `
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: data
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db, tier: primary}
    spec:
      volumes:
        - name: conf
          configMap:
            name: db-config
      containers:
        - name: postgres
          image: postgres:16.6
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        storageClassName: fast
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 10Gi
`;

const OTHERS = [
  'apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: data}\nspec: {clusterIP: None, selector: {app: db}}',
  'apiVersion: v1\nkind: Service\nmetadata: {name: db-read, namespace: data}\nspec: {selector: {tier: primary}}',
  'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: data}\nspec: {selector: {app: web}}',
  'apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: other}\nspec: {selector: {app: db}}',
  'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: db, namespace: data}',
  'apiVersion: v1\nkind: Endpoints\nmetadata: {name: db, namespace: data}',
  'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: ebs.csi.aws.com',
  'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: slow}\nprovisioner: ebs.csi.aws.com',
  'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv-0}\nspec: {storageClassName: fast, capacity: {storage: 10Gi}}',
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data-db-0, namespace: data}\nspec: {storageClassName: fast}',
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data-db-x, namespace: data}\nspec: {storageClassName: fast}',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: db-config, namespace: data}',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: db-config, namespace: other}',
  'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: db, namespace: data}\nspec: {maxUnavailable: 1, selector: {matchLabels: {app: db}}}',
  'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web, namespace: data}\nspec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}',
].join('\n---\n');

function load(othersText = OTHERS) {
  const statefulSets = parseDocuments({ path: '/repo/db/statefulset.yaml', text: STATEFUL_SET }).documents;
  const others = parseDocuments({ path: '/repo/db/others.yaml', text: othersText }).documents;
  const index = new ObjectIndex([...statefulSets, ...others]);
  return { index, statefulSet: statefulSets[0]!, others };
}

const label = (document: { kind: string; name: string }) => `${document.kind}/${document.name}`;

describe('findDependencies', () => {
  it('lists the Services, storage, ConfigMaps and budgets a StatefulSet reads, each once', () => {
    const { index, statefulSet } = load();
    expect(findDependencies(index, statefulSet).map(label)).toEqual([
      'Service/db',
      'Service/db-read',
      'Service/db',
      'Endpoints/db',
      'StorageClass/fast',
      'PersistentVolume/pv-0',
      'PersistentVolumeClaim/data-db-0',
      'ConfigMap/db-config',
      'PodDisruptionBudget/db',
    ]);
  });

  it('depends on every PodDisruptionBudget when none selects its pods (whether any is given decides pod-disruption-budget-missing)', () => {
    const withoutOwn = OTHERS.split('\n---\n').filter((text) => !text.includes('name: db, namespace: data}\nspec: {maxUnavailable')).join('\n---\n');
    const { index, statefulSet } = load(withoutOwn);
    expect(findDependencies(index, statefulSet).map(label).filter((name) => name.startsWith('PodDisruptionBudget/'))).toEqual(['PodDisruptionBudget/web']);
  });
});

describe('findDependents', () => {
  it('finds the StatefulSet of a changed Service, PersistentVolume or ConfigMap, with the reasons', () => {
    const { index, statefulSet, others } = load();
    const service = others.find((document) => document.name === 'db' && document.kind === 'Service' && document.apiVersion === 'v1')!;
    const configMap = others.find((document) => document.kind === 'ConfigMap')!;
    const dependents = findDependents(index, [service, configMap]);
    expect([...dependents.keys()]).toEqual([statefulSet]);
    expect(dependents.get(statefulSet)!.map(label)).toEqual(['Service/db', 'ConfigMap/db-config']);
  });

  it('finds none for objects it does not read, nor for the StatefulSet itself', () => {
    const { index, statefulSet, others } = load();
    const unrelated = others.filter((document) => ['web', 'slow', 'data-db-x'].includes(document.name) || document.apiVersion.startsWith('serving'));
    expect(unrelated).toHaveLength(5);
    expect(findDependents(index, unrelated).size).toBe(0);
    expect(findDependents(index, [statefulSet]).size).toBe(0);
    expect(findDependents(index, others.filter((document) => document.name === 'db-config' && document.declaredNamespace === 'other')).size).toBe(0);
  });

  it('tells which files hold objects a StatefulSet can depend on', () => {
    const { others } = load();
    expect(holdsDependencies({ file: others[0]!.file, documents: others, problems: [] })).toBe(true);
    expect(holdsDependencies(parseDocuments({ path: '/x.yaml', text: STATEFUL_SET }))).toBe(false);
    expect(holdsDependencies(parseDocuments({ path: '/x.yaml', text: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b}' }))).toBe(true);
  });
});
