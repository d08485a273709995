import { describe, expect, it } from 'vitest';
import { persistentVolumeNodeBinding } from '../../src/k8s/storage.js';

const onNode = (key: string, operator = 'In', values: unknown = ['node-1']) => ({
  required: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator, values }] }] },
});

describe('persistentVolumeNodeBinding', () => {
  it('reports a local volume at spec.local, pinned', () => {
    const spec = { local: { path: '/mnt/disks/ssd1' }, nodeAffinity: onNode('kubernetes.io/hostname') };
    expect(persistentVolumeNodeBinding({ spec })).toEqual({ source: 'local', path: ['spec', 'local'], pinned: true });
  });

  it.each([
    ['kubernetes.io/hostname'],
    ['openebs.io/nodename'],
    ['openebs.io/nodeid'],
    ['topology.topolvm.io/node'],
    ['topology.hostpath.csi/node'],
    ['directpv.min.io/node'],
  ])('reports node affinity on %s, pinned', (key) => {
    const spec = { csi: { driver: 'x', volumeHandle: 'y' }, nodeAffinity: onNode(key) };
    expect(persistentVolumeNodeBinding({ spec })).toEqual({ source: 'nodeAffinity', path: ['spec', 'nodeAffinity'], pinned: true });
  });

  it('reports node affinity on matchFields metadata.name', () => {
    const nodeAffinity = { required: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } };
    expect(persistentVolumeNodeBinding({ spec: { nodeAffinity } })?.source).toBe('nodeAffinity');
  });

  it('counts a term that names a node among zone requirements', () => {
    const term = {
      matchExpressions: [
        { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['a'] },
        { key: 'directpv.min.io/node', operator: 'In', values: ['n1'] },
      ],
    };
    expect(persistentVolumeNodeBinding({ spec: { nodeAffinity: { required: { nodeSelectorTerms: [term] } } } })?.pinned).toBe(true);
  });

  it.each([
    ['a zone', onNode('topology.kubernetes.io/zone')],
    ['a region', onNode('topology.kubernetes.io/region')],
    ['NotIn a node', onNode('kubernetes.io/hostname', 'NotIn')],
    ['Exists on the hostname label', onNode('kubernetes.io/hostname', 'Exists', [])],
    ['In with no values', onNode('kubernetes.io/hostname', 'In', [])],
    ['no terms', { required: { nodeSelectorTerms: [] } }],
    ['malformed terms', { required: { nodeSelectorTerms: 'node-1' } }],
  ])('ignores node affinity on %s', (_name, nodeAffinity) => {
    expect(persistentVolumeNodeBinding({ spec: { csi: { driver: 'ebs.csi.aws.com' }, nodeAffinity } })).toBeUndefined();
  });

  it('needs every term to name a node: one zone-only term lets the pod move', () => {
    const nodeAffinity = {
      required: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['n1'] }] },
          { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['a'] }] },
        ],
      },
    };
    expect(persistentVolumeNodeBinding({ spec: { nodeAffinity } })).toBeUndefined();
  });

  it('reports a hostPath volume without node affinity, not pinned', () => {
    expect(persistentVolumeNodeBinding({ spec: { hostPath: { path: '/data' } } })).toEqual({ source: 'hostPath', path: ['spec', 'hostPath'], pinned: false });
  });

  it('reports a hostPath volume with node affinity as pinned by it', () => {
    const spec = { hostPath: { path: '/data' }, nodeAffinity: onNode('kubernetes.io/hostname') };
    expect(persistentVolumeNodeBinding({ spec })).toMatchObject({ source: 'nodeAffinity', pinned: true });
  });

  it.each([
    ['an NFS volume', { spec: { nfs: { server: 'nfs', path: '/exports' } } }],
    ['a CSI volume without node affinity', { spec: { csi: { driver: 'local.csi.openebs.io', volumeHandle: 'x' } } }],
    ['a local field that is not a mapping', { spec: { local: '/mnt' } }],
    ['a malformed object', ['spec']],
  ])('gives undefined for %s', (_name, persistentVolume) => {
    expect(persistentVolumeNodeBinding(persistentVolume)).toBeUndefined();
  });
});
