import { describe, expect, it } from 'vitest';
import { findPersistentVolumesForClaim, findPersistentVolumesForPreCreatedClaim, findPreCreatedClaims } from '../../src/index/claim-storage.js';
import { ObjectIndex } from '../../src/index/object-index.js';
import type { ManifestDocument } from '../../src/parser/manifest-document.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';
import { asArray, asRecord } from '../../src/k8s/plain-value.js';

/** A PersistentVolume manifest; `spec` lines are indented by the caller's two spaces. */
function persistentVolume(name: string, spec: string, metadata = ''): string {
  return `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\n${metadata}spec:\n  capacity:\n    storage: 10Gi\n${spec}`;
}

/** A StatefulSet `db` in namespace `shop` with one claim template `data`, whose spec lines are given. */
function statefulSet(claimSpec: string, namespace = '  namespace: shop\n'): string {
  return `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n${namespace}spec:\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes: [ReadWriteOnce]\n${claimSpec}`;
}

interface Run {
  names: string[];
  variants: string[][];
}

/** Lints the files as one run and looks up the first StatefulSet's first claim template. */
function run(files: Record<string, string>, storageClassName?: string): Run {
  const index = new ObjectIndex(Object.entries(files).flatMap(([path, text]) => parseDocuments({ path, text }).documents));
  const statefulSet = index.all.find((document) => document.kind === 'StatefulSet') as ManifestDocument;
  const claimTemplate = asArray(asRecord(statefulSet.object.spec).volumeClaimTemplates)[0];
  const found = findPersistentVolumesForClaim(index, { statefulSet, claimTemplate, storageClassName });
  return { names: found.map((volume) => volume.name), variants: found.map((volume) => volume.variants.map((variant) => variant.file.path)) };
}

const oneFile = (...documents: string[]): Record<string, string> => ({ '/app.yaml': documents.join('---\n') });

const pvs = [
  persistentVolume('manual-a', '  storageClassName: manual\n', '  labels:\n    tier: db\n'),
  persistentVolume('manual-b', '  storageClassName: manual\n', '  labels:\n    tier: cache\n'),
  persistentVolume('fast-a', '  storageClassName: fast\n', '  labels:\n    tier: db\n'),
  persistentVolume('classless', '  nfs:\n    server: nfs\n    path: /x\n', '  labels:\n    tier: db\n'),
  persistentVolume('annotated', '  hostPath:\n    path: /srv\n', '  annotations:\n    volume.beta.kubernetes.io/storage-class: manual\n'),
];

describe('findPersistentVolumesForClaim', () => {
  it('binds by class: the volumes of the claim\'s class, the legacy annotation included', () => {
    expect(run(oneFile(...pvs, statefulSet('        storageClassName: manual\n')), 'manual').names).toEqual(['manual-a', 'manual-b', 'annotated']);
  });

  it('binds class "" to class-less volumes only', () => {
    expect(run(oneFile(...pvs, statefulSet('        storageClassName: ""\n')), '').names).toEqual(['classless']);
  });

  it('binds nothing by class when the claim names no class', () => {
    expect(run(oneFile(...pvs, statefulSet('        resources: {}\n'))).names).toEqual([]);
  });

  it('binds by volumeName to that volume only, of the claim\'s class', () => {
    expect(run(oneFile(...pvs, statefulSet('        storageClassName: manual\n        volumeName: manual-b\n')), 'manual').names).toEqual(['manual-b']);
    expect(run(oneFile(...pvs, statefulSet('        storageClassName: manual\n        volumeName: fast-a\n')), 'manual').names).toEqual([]);
  });

  it('binds by volumeName whatever the volume\'s class when the claim names no class', () => {
    expect(run(oneFile(...pvs, statefulSet('        volumeName: fast-a\n'))).names).toEqual(['fast-a']);
  });

  it('binds by selector within the claim\'s class', () => {
    const claim = '        storageClassName: manual\n        selector:\n          matchLabels:\n            tier: db\n';
    expect(run(oneFile(...pvs, statefulSet(claim)), 'manual').names).toEqual(['manual-a']);
  });

  it('binds by selector across classes when the claim names no class', () => {
    const claim = '        selector:\n          matchExpressions:\n            - key: tier\n              operator: In\n              values: [db]\n';
    expect(run(oneFile(...pvs, statefulSet(claim))).names).toEqual(['manual-a', 'fast-a', 'classless']);
  });

  it('treats an empty selector as none, and an invalid one as matching nothing', () => {
    expect(run(oneFile(...pvs, statefulSet('        storageClassName: fast\n        selector: {}\n')), 'fast').names).toEqual(['fast-a']);
    const invalid = '        selector:\n          matchExpressions:\n            - key: tier\n              operator: Near\n';
    expect(run(oneFile(...pvs, statefulSet(invalid))).names).toEqual([]);
  });

  it('skips volumes reserved by claimRef for other claims', () => {
    const reserved = (name: string, claimRef: string) => persistentVolume(name, `  storageClassName: manual\n  claimRef:\n${claimRef}`);
    const files = oneFile(
      reserved('other-claim', '    namespace: shop\n    name: logs-db-0\n'),
      reserved('other-namespace', '    namespace: default\n    name: data-db-0\n'),
      reserved('no-namespace', '    name: data-db-0\n'),
      reserved('leading-zero', '    namespace: shop\n    name: data-db-01\n'),
      reserved('other-statefulset', '    namespace: shop\n    name: data-db-primary-0\n'),
      statefulSet('        storageClassName: manual\n'),
    );
    expect(run(files, 'manual').names).toEqual([]);
  });

  it('binds volumes pre-bound by claimRef to one of the template\'s claims, whatever their class', () => {
    const files = oneFile(
      persistentVolume('reserved-0', '  storageClassName: other\n  claimRef:\n    namespace: shop\n    name: data-db-0\n'),
      persistentVolume('reserved-12', '  claimRef:\n    namespace: shop\n    name: data-db-12\n'),
      statefulSet('        resources: {}\n'),
    );
    expect(run(files).names).toEqual(['reserved-0', 'reserved-12']);
  });

  it('matches claimRef against the defaulted namespace of the StatefulSet', () => {
    const files = oneFile(persistentVolume('reserved', '  claimRef:\n    namespace: default\n    name: data-db-0\n'), statefulSet('        resources: {}\n', ''));
    expect(run(files).names).toEqual(['reserved']);
  });

  it('prefers the variant of a volume name in the StatefulSet\'s file', () => {
    const files = {
      '/other.yaml': persistentVolume('pv', '  storageClassName: fast\n'),
      '/app.yaml': [persistentVolume('pv', '  storageClassName: manual\n'), statefulSet('        storageClassName: manual\n')].join('---\n'),
    };
    expect(run(files, 'manual')).toEqual({ names: ['pv'], variants: [['/app.yaml']] });
  });

  it('returns a volume name only when every variant could bind', () => {
    const mixed = {
      '/one.yaml': persistentVolume('pv', '  storageClassName: manual\n'),
      '/two.yaml': persistentVolume('pv', '  storageClassName: fast\n'),
      '/app.yaml': statefulSet('        storageClassName: manual\n'),
    };
    expect(run(mixed, 'manual').names).toEqual([]);
    const same = { ...mixed, '/two.yaml': persistentVolume('pv', '  storageClassName: manual\n') };
    expect(run(same, 'manual').variants).toEqual([['/one.yaml', '/two.yaml']]);
  });

  it('returns nothing when the inputs hold no PersistentVolume', () => {
    expect(run(oneFile(statefulSet('        storageClassName: manual\n')), 'manual').names).toEqual([]);
  });
});

describe('findPreCreatedClaims and findPersistentVolumesForPreCreatedClaim', () => {
  const claim = (name: string, spec: string, namespace = '  namespace: shop\n') =>
    `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n${namespace}spec:\n  accessModes: [ReadWriteOnce]\n${spec}`;

  function lookup(files: Record<string, string>) {
    const index = new ObjectIndex(Object.entries(files).flatMap(([path, text]) => parseDocuments({ path, text }).documents));
    const statefulSet = index.all.find((document) => document.kind === 'StatefulSet') as ManifestDocument;
    const claims = findPreCreatedClaims(index, statefulSet, 'data');
    return {
      claims: claims.map((document) => document.name),
      volumes: claims.map((document) => findPersistentVolumesForPreCreatedClaim(index, statefulSet, document).map((volume) => volume.name)),
    };
  }

  it('finds the claims named as the controller names the template\'s claims, in the namespace, any ordinal', () => {
    const files = oneFile(
      statefulSet(''),
      claim('data-db-0', '  volumeName: manual-a\n'),
      claim('data-db-7', '  storageClassName: fast\n'),
      claim('data-db-01', '  volumeName: manual-a\n'),
      claim('data-db', '  volumeName: manual-a\n'),
      claim('data-dbx-0', '  volumeName: manual-a\n'),
      claim('data-db-1', '  volumeName: manual-a\n', '  namespace: other\n'),
      ...pvs,
    );
    expect(lookup(files)).toEqual({ claims: ['data-db-0', 'data-db-7'], volumes: [['manual-a'], ['fast-a']] });
  });

  it('binds a claim by its own selector, and a volume reserved for exactly that claim by claimRef', () => {
    const reserved = persistentVolume('reserved', '  claimRef:\n    name: data-db-1\n    namespace: shop\n  hostPath:\n    path: /srv/db-1\n');
    const otherClaim = persistentVolume('for-data-db-2', '  claimRef:\n    name: data-db-2\n    namespace: shop\n  hostPath:\n    path: /srv/db-2\n');
    const files = oneFile(statefulSet(''), claim('data-db-0', '  selector:\n    matchLabels:\n      tier: db\n  storageClassName: manual\n'), claim('data-db-1', ''), reserved, otherClaim, ...pvs);
    expect(lookup(files)).toEqual({ claims: ['data-db-0', 'data-db-1'], volumes: [['manual-a'], ['reserved']] });
  });

  it('finds none for an unnamed StatefulSet (a kustomize patch)', () => {
    const files = oneFile(statefulSet('').replace('  name: db\n', ''), claim('data--0', ''));
    expect(lookup(files).claims).toEqual([]);
  });
});
