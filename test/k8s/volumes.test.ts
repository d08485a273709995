import { describe, expect, it } from 'vitest';
import type { PlainRecord } from '../../src/k8s/plain-value.js';
import { highestOrdinal, isClaimNameOf, ordinalStart } from '../../src/k8s/stateful-set.js';
import { mountedVolumes, podVolumes, resolveVolume, volumeMounts } from '../../src/k8s/volumes.js';

/** A StatefulSet `db` with these claim templates, template volumes and main container mounts. */
function statefulSet(claimTemplateNames: unknown[], volumes: unknown[], mounts: unknown[] = [], devices: unknown[] = []): PlainRecord {
  return {
    metadata: { name: 'db' },
    spec: {
      volumeClaimTemplates: claimTemplateNames.map((name) => ({ metadata: { name }, spec: { accessModes: ['ReadWriteOnce'] } })),
      template: {
        spec: {
          containers: [{ name: 'db', image: 'postgres:16', volumeMounts: mounts, volumeDevices: devices }],
          initContainers: [{ name: 'init', image: 'busybox', volumeMounts: [{ name: 'scratch', mountPath: '/s' }] }],
          volumes,
        },
      },
    },
  };
}

describe('podVolumes and resolveVolume (statefulset-semantics §3.6)', () => {
  it('resolves a claim template before a template volume of the same name, which is shadowed', () => {
    const volumes = podVolumes(statefulSet(['data'], [{ name: 'data', emptyDir: {} }, { name: 'config', configMap: { name: 'db' } }]));
    expect(resolveVolume(volumes, 'data')).toMatchObject({ from: 'claimTemplate', claimTemplate: { name: 'data', position: 0 } });
    expect(resolveVolume(volumes, 'config')).toMatchObject({ from: 'templateVolume', volume: { source: 'configMap', lifetime: 'config' } });
    expect(volumes.shadowed.map((volume) => volume.path)).toEqual([['spec', 'template', 'spec', 'volumes', 0]]);
  });

  it('resolves nothing for a name neither declares, and defaults a sourceless volume to emptyDir', () => {
    const volumes = podVolumes(statefulSet([], [{ name: 'scratch' }, 'not a mapping', { emptyDir: {} }]));
    expect(resolveVolume(volumes, 'dta')).toBeUndefined();
    expect(resolveVolume(volumes, 'scratch')).toMatchObject({ from: 'templateVolume', volume: { source: 'emptyDir', lifetime: 'ephemeral' } });
    expect([...volumes.templateVolumes.keys()]).toEqual(['scratch']);
  });

  it('keeps the first of a repeated name', () => {
    const volumes = podVolumes(statefulSet(['data', 'data'], [{ name: 'x', emptyDir: {} }, { name: 'x', hostPath: { path: '/d' } }]));
    expect(volumes.claimTemplates.get('data')?.position).toBe(0);
    expect(volumes.templateVolumes.get('x')?.source).toBe('emptyDir');
  });
});

describe('volumeMounts and mountedVolumes', () => {
  it('lists mounts then devices of containers, then init containers, with their paths', () => {
    const sts = statefulSet(['data'], [{ name: 'scratch', emptyDir: {} }], [{ name: 'data', mountPath: '/d' }], [{ name: 'raw', devicePath: '/dev/x' }]);
    expect(volumeMounts(sts).map((mount) => [mount.name, mount.list, mount.path.join('.')])).toEqual([
      ['data', 'volumeMounts', 'spec.template.spec.containers.0.volumeMounts.0'],
      ['raw', 'volumeDevices', 'spec.template.spec.containers.0.volumeDevices.0'],
      ['scratch', 'volumeMounts', 'spec.template.spec.initContainers.0.volumeMounts.0'],
    ]);
  });

  it('resolves a claim-template mount as a persistent claim and skips unresolved names', () => {
    const sts = statefulSet(['data'], [{ name: 'data', emptyDir: {} }], [{ name: 'data' }, { name: 'missing' }]);
    expect(mountedVolumes(sts, { volumeMounts: [{ name: 'data' }, { name: 'missing' }] })).toEqual([
      { name: 'data', source: 'persistentVolumeClaim', lifetime: 'persistent' },
    ]);
  });
});

describe('ordinals and claim names', () => {
  it.each([
    [{}, 0, 0],
    [{ replicas: 3 }, 0, 2],
    [{ replicas: 3, ordinals: { start: 5 } }, 5, 7],
    [{ replicas: 0 }, 0, undefined],
    [{ replicas: 2, ordinals: { start: -1 } }, undefined, undefined],
    [{ replicas: '3' }, 0, undefined],
  ])('spec %j starts at %s and ends at %s', (spec, start, highest) => {
    expect(ordinalStart({ spec })).toBe(start);
    expect(highestOrdinal({ spec })).toBe(highest);
  });

  it.each([
    ['data-db-0', true],
    ['data-db-12', true],
    ['data-db-012', false],
    ['data-db-', false],
    ['data-db-x', false],
    ['data-dbx-0', false],
  ])('%s is a claim of template "data" of StatefulSet "db": %s', (claimName, expected) => {
    expect(isClaimNameOf(claimName, 'data', 'db')).toBe(expected);
  });
});
