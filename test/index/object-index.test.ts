import { describe, expect, it } from 'vitest';
import { CONFIG_MAP, PERSISTENT_VOLUME, SERVICE, STATEFUL_SET, STORAGE_CLASS, type GroupKind } from '../../src/k8s/group-kind.js';
import { DEFAULT_NAMESPACE, ObjectIndex, type ObjectIndexOptions } from '../../src/index/object-index.js';
import type { ManifestDocument } from '../../src/parser/manifest-document.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';
import { fieldAt } from '../../src/k8s/plain-value.js';

function indexOf(files: Record<string, string>, options?: ObjectIndexOptions): ObjectIndex {
  return new ObjectIndex(
    Object.entries(files).flatMap(([path, text]) => parseDocuments({ path, text }).documents),
    options,
  );
}

/** `kind/name@file` of each document, for readable expectations. */
const ids = (documents: readonly ManifestDocument[]) => documents.map((document) => `${document.kind}/${document.name}@${document.file.path}`);

const SHOP = `apiVersion: v1
kind: Service
metadata:
  name: postgres
  namespace: shop
spec:
  clusterIP: None
  selector:
    app: postgres
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
  namespace: shop
spec:
  serviceName: postgres
---
apiVersion: v1
kind: Service
metadata:
  name: redis
spec:
  selector:
    app: redis
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
spec:
  serviceName: redis
`;

const CUSTOM_KINDS = `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: checkout
  namespace: shop
spec:
  template:
    spec:
      containers:
        - image: ghcr.io/acme/checkout:1.4.2
---
apiVersion: apps.kruise.io/v1beta1
kind: StatefulSet
metadata:
  name: cart
  namespace: shop
spec:
  serviceName: cart
`;

const STORAGE = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-path
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-node-a
  namespace: shop
spec:
  capacity:
    storage: 10Gi
  accessModes: [ReadWriteOnce]
  storageClassName: local-path
  local:
    path: /mnt/disks/ssd1
`;

describe('ObjectIndex: namespaces', () => {
  it.each<[string, ObjectIndexOptions | undefined, string]>([
    ['no options', undefined, 'default'],
    ['no namespace option', {}, 'default'],
    ['an empty namespace option', { namespace: '' }, 'default'],
    ['the namespace option', { namespace: 'staging' }, 'staging'],
  ])('gives objects without metadata.namespace the default namespace: %s', (_name, options, expected) => {
    const index = indexOf({ '/repo/shop.yaml': SHOP }, options);
    expect(index.defaultNamespace).toBe(expected);
    const redis = index.all[3]!;
    expect(index.namespaceOf(redis)).toBe(expected);
    expect(index.refOf(redis)).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'redis', namespace: expected });
    expect(ids(index.named(STATEFUL_SET, expected, 'redis'))).toEqual(['StatefulSet/redis@/repo/shop.yaml']);
  });

  it('exports default as the default namespace', () => {
    expect(DEFAULT_NAMESPACE).toBe('default');
  });

  it('keeps a declared namespace whatever the namespace option', () => {
    const index = indexOf({ '/repo/shop.yaml': SHOP }, { namespace: 'staging' });
    const postgres = index.all[1]!;
    expect(index.namespaceOf(postgres)).toBe('shop');
    expect(index.refOf(postgres)).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'postgres', namespace: 'shop' });
    expect(index.named(STATEFUL_SET, 'staging', 'postgres')).toEqual([]);
    expect(index.named(STATEFUL_SET, 'shop', 'postgres')).toEqual([postgres]);
  });

  it('treats an empty metadata.namespace as no namespace', () => {
    const index = indexOf({ '/repo/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ""\n' }, { namespace: 'ops' });
    expect(index.namespaceOf(index.all[0]!)).toBe('ops');
    expect(index.named(CONFIG_MAP, 'ops', 'settings')).toHaveLength(1);
  });
});

describe('ObjectIndex: lookups by group and kind', () => {
  const index = indexOf({ '/repo/shop.yaml': SHOP, '/repo/custom.yaml': CUSTOM_KINDS });

  it('finds core Services and apps StatefulSets in input order', () => {
    expect(ids(index.ofKind(SERVICE))).toEqual(['Service/postgres@/repo/shop.yaml', 'Service/redis@/repo/shop.yaml']);
    expect(ids(index.ofKind(STATEFUL_SET))).toEqual(['StatefulSet/postgres@/repo/shop.yaml', 'StatefulSet/redis@/repo/shop.yaml']);
  });

  it('does not take a Knative Service for a core Service', () => {
    expect(index.named(SERVICE, 'shop', 'checkout')).toEqual([]);
    expect(index.inNamespace(SERVICE, 'shop').map((document) => document.name)).toEqual(['postgres']);
    expect(ids(index.ofKind({ group: 'serving.knative.dev', kind: 'Service' }))).toEqual(['Service/checkout@/repo/custom.yaml']);
  });

  it('does not take an OpenKruise StatefulSet for an apps StatefulSet', () => {
    expect(index.named(STATEFUL_SET, 'shop', 'cart')).toEqual([]);
    expect(ids(index.named({ group: 'apps.kruise.io', kind: 'StatefulSet' }, 'shop', 'cart'))).toEqual(['StatefulSet/cart@/repo/custom.yaml']);
  });

  it.each<[string, GroupKind, boolean]>([
    ['core Service', SERVICE, true],
    ['apps StatefulSet', STATEFUL_SET, true],
    ['Knative Service', { group: 'serving.knative.dev', kind: 'Service' }, true],
    ['StorageClass (none given)', STORAGE_CLASS, false],
    ['ConfigMap (none given)', CONFIG_MAP, false],
    ['a kind in the wrong group', { group: 'apps', kind: 'Service' }, false],
  ])('has: %s → %s', (_name, groupKind, expected) => {
    expect(index.has(groupKind)).toBe(expected);
  });

  it('tells "none given" from "none matches" for core kinds only', () => {
    const onlyCustom = indexOf({ '/repo/custom.yaml': CUSTOM_KINDS });
    expect(onlyCustom.has(SERVICE)).toBe(false);
    expect(onlyCustom.has(STATEFUL_SET)).toBe(false);
    expect(onlyCustom.ofKind(SERVICE)).toEqual([]);
  });

  it('lists a namespace\'s objects of a kind', () => {
    expect(index.inNamespace(STATEFUL_SET, 'shop').map((document) => document.name)).toEqual(['postgres']);
    expect(index.inNamespace(STATEFUL_SET, 'default').map((document) => document.name)).toEqual(['redis']);
    expect(index.inNamespace(STATEFUL_SET, 'kube-system')).toEqual([]);
  });

  it('finds an object by namespace and name only', () => {
    expect(ids(index.named(SERVICE, 'default', 'redis'))).toEqual(['Service/redis@/repo/shop.yaml']);
    expect(index.named(SERVICE, 'shop', 'redis')).toEqual([]);
    expect(index.named(SERVICE, 'default', 'postgres')).toEqual([]);
    expect(index.named(STATEFUL_SET, 'default', 'redis')[0]!.kind).toBe('StatefulSet');
  });

  it('keeps all objects in input order across files', () => {
    expect(ids(index.all)).toEqual([
      'Service/postgres@/repo/shop.yaml',
      'StatefulSet/postgres@/repo/shop.yaml',
      'Service/redis@/repo/shop.yaml',
      'StatefulSet/redis@/repo/shop.yaml',
      'Service/checkout@/repo/custom.yaml',
      'StatefulSet/cart@/repo/custom.yaml',
    ]);
  });
});

describe('ObjectIndex: cluster-scoped kinds', () => {
  const index = indexOf({ '/repo/storage.yaml': STORAGE }, { namespace: 'shop' });

  it.each<[string, GroupKind, string]>([
    ['a StorageClass, from any namespace', STORAGE_CLASS, 'local-path'],
    ['a PersistentVolume whose manifest names a namespace, from another', PERSISTENT_VOLUME, 'pv-node-a'],
  ])('named finds %s', (_name, groupKind, name) => {
    for (const namespace of ['shop', 'default', 'kube-system', '']) {
      expect(index.named(groupKind, namespace, name).map((document) => document.name)).toEqual([name]);
    }
  });

  it('inNamespace lists every object of a cluster-scoped kind', () => {
    expect(index.inNamespace(PERSISTENT_VOLUME, 'kube-system').map((document) => document.name)).toEqual(['pv-node-a']);
    expect(index.inNamespace(STORAGE_CLASS, 'default').map((document) => document.name)).toEqual(['local-path']);
  });

  it('still looks up namespaced kinds by namespace', () => {
    const withConfig = indexOf({ '/repo/storage.yaml': STORAGE, '/repo/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: local-path\n' });
    expect(withConfig.named(CONFIG_MAP, 'kube-system', 'local-path')).toEqual([]);
    expect(withConfig.named(CONFIG_MAP, 'default', 'local-path')).toHaveLength(1);
  });
});

describe('ObjectIndex: variants', () => {
  const service = (clusterIP: string) => `apiVersion: v1
kind: Service
metadata:
  name: mysql
  namespace: db
spec:
  clusterIP: ${clusterIP}
  selector:
    app: mysql
`;

  it('keeps every object with the same kind, namespace and name, in input order', () => {
    const index = indexOf({
      '/repo/overlays/prod/service.yaml': service('None'),
      '/repo/overlays/dev/service.yaml': service('10.96.0.12'),
      '/repo/base/service.yaml': `${service('None')}---\n${service('""')}`,
    });
    const variants = index.named(SERVICE, 'db', 'mysql');
    expect(variants.map((document) => [document.file.path, document.documentIndex])).toEqual([
      ['/repo/overlays/prod/service.yaml', 0],
      ['/repo/overlays/dev/service.yaml', 0],
      ['/repo/base/service.yaml', 0],
      ['/repo/base/service.yaml', 1],
    ]);
    expect(variants.map((document) => fieldAt(document.object, ['spec', 'clusterIP']))).toEqual(['None', '10.96.0.12', 'None', '']);
    expect(index.inNamespace(SERVICE, 'db')).toHaveLength(4);
  });

  it('keeps an object without a name under the empty name', () => {
    const index = indexOf({ '/repo/patch.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  generateName: web-\n' });
    expect(index.named(STATEFUL_SET, 'default', '')).toHaveLength(1);
  });
});
