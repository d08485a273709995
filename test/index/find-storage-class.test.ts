import { describe, expect, it } from 'vitest';
import { findStorageClass } from '../../src/index/claim-storage.js';
import { ObjectIndex } from '../../src/index/object-index.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';

function indexOf(files: Record<string, string>): ObjectIndex {
  return new ObjectIndex(Object.entries(files).flatMap(([path, text]) => parseDocuments({ path, text }).documents));
}

const storageClass = (name: string, provisioner: string, extra = ''): string =>
  `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\n${extra}provisioner: ${provisioner}\n`;
const statefulSet = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n  namespace: shop\n';

describe('findStorageClass', () => {
  it('finds a class by name whatever namespace the reader or the class manifest gives', () => {
    const index = indexOf({ '/a.yaml': `${storageClass('fast', 'rancher.io/local-path', '  namespace: kube-system\n')}---\n${statefulSet}` });
    const reader = index.all[1]!;
    expect(findStorageClass(index, 'fast', reader).map((found) => found.object.provisioner)).toEqual(['rancher.io/local-path']);
  });

  it('returns nothing for a name no class has, and ignores other kinds of that name', () => {
    const index = indexOf({
      '/a.yaml': `${storageClass('fast', 'ebs.csi.aws.com')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: slow\n---\n${statefulSet}`,
    });
    expect(findStorageClass(index, 'slow', index.all[2]!)).toEqual([]);
  });

  it('prefers the variant in the reader\'s file', () => {
    const index = indexOf({
      '/other.yaml': storageClass('fast', 'kubernetes.io/gce-pd'),
      '/app.yaml': `${storageClass('fast', 'k8s.io/minikube-hostpath')}---\n${statefulSet}`,
    });
    const reader = index.all.find((document) => document.kind === 'StatefulSet')!;
    expect(findStorageClass(index, 'fast', reader).map((found) => found.object.provisioner)).toEqual(['k8s.io/minikube-hostpath']);
  });

  it('returns every variant, in input order, when none is in the reader\'s file', () => {
    const index = indexOf({
      '/one.yaml': storageClass('fast', 'kubernetes.io/gce-pd'),
      '/two.yaml': storageClass('fast', 'k8s.io/minikube-hostpath'),
      '/app.yaml': statefulSet,
    });
    const found = findStorageClass(index, 'fast', index.all[2]!);
    expect(found.map((variant) => variant.file.path)).toEqual(['/one.yaml', '/two.yaml']);
  });
});
