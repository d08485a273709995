import { describe, expect, it } from 'vitest';
import { locate, type LocateTarget, type NodePath } from '../../src/parser/locate.js';
import type { SourceRange } from '../../src/parser/source-range.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';

// Line numbers are those of STATEFUL_SET below (line 1 is the comment); columns are 1-based and
// endColumn is exclusive.
const STATEFUL_SET = `# PostgreSQL with three replicas
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
  namespace: "data"
  labels: {app: postgres, tier: db}
spec:
  serviceName: postgres-headless
  replicas: 3
  replicas: 2
  selector:
    matchLabels:
      app: postgres
  template:
    metadata:
      labels:
        app: postgres
    spec:
      containers:
        - name: postgres
          image: 'postgres:16.4'
          ports:
            - containerPort: 5432
              name: pg
          args: ["-c", "max_connections=200"]
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 10Gi
`;

const range = (line: number, column: number, endLine: number, endColumn: number): SourceRange => ({ line, column, endLine, endColumn });

const [statefulSet] = parseDocuments({ path: '/repo/postgres.yaml', text: STATEFUL_SET }).documents;
const CONTAINER: NodePath = ['spec', 'template', 'spec', 'containers', 0];

describe('locate in a StatefulSet', () => {
  it.each<[string, NodePath, LocateTarget, SourceRange]>([
    // Scalars and keys
    ['a plain value', ['metadata', 'name'], 'value', range(5, 9, 5, 17)],
    ['a plain key', ['metadata', 'name'], 'key', range(5, 3, 5, 7)],
    ['a top-level key', ['kind'], 'key', range(3, 1, 3, 5)],
    ['a long value', ['spec', 'serviceName'], 'value', range(9, 16, 9, 33)],
    ['a key under spec', ['spec', 'serviceName'], 'key', range(9, 3, 9, 14)],
    ['a nested map value', ['spec', 'selector', 'matchLabels', 'app'], 'value', range(14, 12, 14, 20)],
    ['a number value', [...CONTAINER, 'ports', 0, 'containerPort'], 'value', range(24, 30, 24, 34)],
    // Quoted values: the range includes the quotes
    ['a double-quoted value', ['metadata', 'namespace'], 'value', range(6, 14, 6, 20)],
    ['a single-quoted value', [...CONTAINER, 'image'], 'value', range(22, 18, 22, 33)],
    ['a double-quoted item of a flow sequence', [...CONTAINER, 'args', 1], 'value', range(26, 24, 26, 45)],
    ['a plain item of a flow sequence', ['spec', 'volumeClaimTemplates', 0, 'spec', 'accessModes', 0], 'value', range(34, 23, 34, 36)],
    // Duplicate keys: the last one, as the API server keeps it
    ['a duplicated key (the last)', ['spec', 'replicas'], 'key', range(11, 3, 11, 11)],
    ['a duplicated key\'s value (the last)', ['spec', 'replicas'], 'value', range(11, 13, 11, 14)],
    // Collections with a value target point at their key
    ['a block mapping value', ['spec', 'selector'], 'value', range(12, 3, 12, 11)],
    ['a block sequence value', [...CONTAINER.slice(0, -1)], 'value', range(20, 7, 20, 17)],
    ['a flow sequence value', [...CONTAINER, 'args'], 'value', range(26, 11, 26, 15)],
    ['a flow mapping value', ['metadata', 'labels'], 'value', range(7, 3, 7, 9)],
    // Flow mapping entries
    ['a key in a flow mapping', ['metadata', 'labels', 'tier'], 'key', range(7, 27, 7, 31)],
    ['a value in a flow mapping', ['metadata', 'labels', 'tier'], 'value', range(7, 33, 7, 35)],
    // Sequence items that are mappings point at their first entry
    ['a mapping item', CONTAINER, 'value', range(21, 11, 21, 25)],
    ['a mapping item, key target', CONTAINER, 'key', range(21, 11, 21, 25)],
    ['a nested mapping item', [...CONTAINER, 'volumeMounts', 0], 'value', range(28, 15, 28, 25)],
    // Missing paths fall back to the nearest existing ancestor's key
    ['a missing leaf', ['metadata', 'annotations'], 'value', range(4, 1, 4, 9)],
    ['a missing leaf, key target', ['spec', 'podManagementPolicy'], 'key', range(8, 1, 8, 5)],
    ['a missing branch', ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], 'value', range(8, 1, 8, 5)],
    ['a missing field of a claim template', ['spec', 'volumeClaimTemplates', 0, 'spec', 'storageClassName'], 'key', range(33, 7, 33, 11)],
    ['a missing field of a list item (no key: its first entry)', [...CONTAINER, 'resources', 'limits'], 'key', range(21, 11, 21, 25)],
    ['an index past the end', ['spec', 'template', 'spec', 'containers', 1], 'value', range(20, 7, 20, 17)],
    ['a field under a scalar', ['spec', 'serviceName', 'name'], 'value', range(9, 3, 9, 14)],
    ['a name segment on a sequence', ['spec', 'volumeClaimTemplates', 'data'], 'value', range(30, 3, 30, 23)],
    ['a string index on a sequence', ['spec', 'template', 'spec', 'containers', '0'], 'value', range(20, 7, 20, 17)],
    // The whole object: its first entry
    ['the empty path', [], 'value', range(2, 1, 2, 20)],
  ])('%s: %j (%s)', (_name, path, target, expected) => {
    expect(locate(statefulSet!, path, target)).toEqual(expected);
  });

  it('targets the value when no target is given', () => {
    expect(locate(statefulSet!, ['spec', 'serviceName'])).toEqual(range(9, 16, 9, 33));
  });

  it('starts a claim template item at its first key', () => {
    expect(locate(statefulSet!, ['spec', 'volumeClaimTemplates', 0])).toMatchObject({ line: 31, column: 7 });
  });
});

describe('locate in List items and later documents', () => {
  const LIST = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: postgres-headless
      labels:
        "app.kubernetes.io/name": postgres
    spec:
      clusterIP: None
      selector: {app: postgres}
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: postgres
    spec:
      serviceName: postgres-headless
`;
  const [service, listStatefulSet] = parseDocuments({ path: '/repo/list.yaml', text: LIST }).documents;

  it.each<[string, NodePath, LocateTarget, SourceRange]>([
    ['a value in the first item', ['metadata', 'name'], 'value', range(7, 13, 7, 30)],
    ['a quoted key spans its quotes', ['metadata', 'labels', 'app.kubernetes.io/name'], 'key', range(9, 9, 9, 33)],
    ['a flow mapping entry', ['spec', 'selector', 'app'], 'value', range(12, 23, 12, 31)],
    ['a missing field: the item\'s nearest key', ['spec', 'ports'], 'key', range(10, 5, 10, 9)],
    ['the empty path: the item\'s first entry', [], 'value', range(4, 5, 4, 19)],
  ])('Service item, %s', (_name, path, target, expected) => {
    expect(locate(service!, path, target)).toEqual(expected);
  });

  it('resolves paths of the second item relative to that item', () => {
    expect(locate(listStatefulSet!, ['spec', 'serviceName'])).toEqual(range(18, 20, 18, 37));
    expect(locate(listStatefulSet!, ['kind'], 'key')).toEqual(range(14, 5, 14, 9));
    expect(locate(listStatefulSet!, ['spec', 'replicas'], 'key')).toEqual(range(17, 5, 17, 9));
  });

  it('gives file positions for objects of later documents', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\n${STATEFUL_SET}`;
    const [, second] = parseDocuments({ path: '/repo/app.yaml', text }).documents;
    expect(locate(second!, ['spec', 'serviceName'])).toEqual(range(14, 16, 14, 33));
    expect(locate(second!, ['spec', 'minReadySeconds'], 'key')).toEqual(range(13, 1, 13, 5));
  });
});

describe('locate on a value written as nothing', () => {
  it('points at the key, not at an empty range', () => {
    const text = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName:\n  replicas: 3\n';
    const [document] = parseDocuments({ path: '/repo/db.yaml', text }).documents;
    expect(locate(document!, ['spec', 'serviceName'], 'value')).toEqual({ line: 6, column: 3, endLine: 6, endColumn: 14 });
  });
});
