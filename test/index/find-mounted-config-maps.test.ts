import { describe, expect, it } from 'vitest';
import { findMountedConfigMaps } from '../../src/index/config-maps.js';
import { ObjectIndex } from '../../src/index/object-index.js';
import type { ManifestDocument } from '../../src/parser/manifest-document.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';

const STATEFUL_SET = `
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: data
spec:
  template:
    spec:
      volumes:
        - name: scripts
          configMap:
            name: scripts
        - name: bundle
          projected:
            sources:
              - configMap:
                  name: projected
              - secret:
                  name: not-a-config-map
        - name: broken
          configMap: "oops"
      initContainers:
        - name: init
          envFrom:
            - configMapRef:
                name: env-all
      containers:
        - name: db
          env:
            - name: MODE
              valueFrom:
                configMapKeyRef:
                  name: env-key
                  key: mode
            - name: AGAIN
              valueFrom:
                configMapKeyRef:
                  name: scripts
                  key: x
        - name: absent
          envFrom:
            - configMapRef:
                name: not-in-inputs
`;

function configMaps(namespace: string, names: string[]): string {
  return names.map((name) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\ndata:\n  k: v\n`).join('---\n');
}

function load(files: Record<string, string>): { index: ObjectIndex; statefulSet: ManifestDocument } {
  const documents = Object.entries(files).flatMap(([path, text]) => parseDocuments({ path, text }).documents);
  const statefulSet = documents.find((document) => document.kind === 'StatefulSet');
  if (!statefulSet) throw new Error('no StatefulSet');
  return { index: new ObjectIndex(documents), statefulSet };
}

describe('findMountedConfigMaps', () => {
  it('finds ConfigMaps from volumes, projected sources, envFrom and configMapKeyRef, once each: volumes, containers, init containers', () => {
    const { index, statefulSet } = load({
      '/sts.yaml': STATEFUL_SET,
      '/cm.yaml': configMaps('data', ['env-key', 'env-all', 'projected', 'scripts', 'unused']),
    });
    const result = findMountedConfigMaps(index, statefulSet);
    expect(result.found.map((document) => document.name)).toEqual(['scripts', 'projected', 'env-key', 'env-all']);
    expect(result.notInInputs).toEqual(['not-in-inputs']);
  });

  it('looks only in the StatefulSet namespace', () => {
    const { index, statefulSet } = load({ '/sts.yaml': STATEFUL_SET, '/cm.yaml': configMaps('other', ['scripts']) });
    const result = findMountedConfigMaps(index, statefulSet);
    expect(result.found).toEqual([]);
    expect(result.notInInputs).toEqual(['scripts', 'projected', 'env-key', 'not-in-inputs', 'env-all']);
  });

  it('prefers the variant in the StatefulSet file, else returns every variant', () => {
    const sameFile = load({ '/sts.yaml': `${STATEFUL_SET}---\n${configMaps('data', ['scripts'])}`, '/overlay.yaml': configMaps('data', ['scripts']) });
    expect(findMountedConfigMaps(sameFile.index, sameFile.statefulSet).found.map((document) => document.file.path)).toEqual(['/sts.yaml']);
    const elsewhere = load({ '/sts.yaml': STATEFUL_SET, '/a.yaml': configMaps('data', ['scripts']), '/b.yaml': configMaps('data', ['scripts']) });
    expect(findMountedConfigMaps(elsewhere.index, elsewhere.statefulSet).found.map((document) => document.file.path)).toEqual(['/a.yaml', '/b.yaml']);
  });

  it('uses the run namespace for a StatefulSet without one', () => {
    const text = STATEFUL_SET.replace('  namespace: data\n', '');
    const documents = [...parseDocuments({ path: '/sts.yaml', text }).documents, ...parseDocuments({ path: '/cm.yaml', text: configMaps('team', ['scripts']) }).documents];
    const index = new ObjectIndex(documents, { namespace: 'team' });
    expect(findMountedConfigMaps(index, documents[0]!).found.map((document) => document.name)).toEqual(['scripts']);
  });
});
