import { describe, expect, it } from 'vitest';
import { hostPathDataVolumes } from '../../src/k8s/volumes.js';
import type { PlainRecord } from '../../src/k8s/plain-value.js';

function statefulSet(podSpec: PlainRecord, claimTemplateNames: string[] = []): PlainRecord {
  return {
    spec: {
      template: { spec: podSpec },
      volumeClaimTemplates: claimTemplateNames.map((name) => ({ metadata: { name } })),
    },
  };
}

const hostPath = (name: string, path: string) => ({ name, hostPath: { path } });

describe('hostPathDataVolumes', () => {
  it('finds a hostPath volume a container mounts read-write, with its mounts', () => {
    const result = hostPathDataVolumes(
      statefulSet({
        initContainers: [{ name: 'init', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        containers: [{ name: 'db', volumeMounts: [{ name: 'config', mountPath: '/etc/db' }, { name: 'data', mountPath: '/var/lib/db' }] }],
        volumes: [{ name: 'config', configMap: { name: 'db' } }, hostPath('data', '/srv/db')],
      }),
    );
    expect(result).toEqual([
      {
        name: 'data',
        hostPath: '/srv/db',
        path: ['spec', 'template', 'spec', 'volumes', 1, 'hostPath', 'path'],
        mounts: [
          { containerName: 'db', path: ['spec', 'template', 'spec', 'containers', 0, 'volumeMounts', 1] },
          { containerName: 'init', path: ['spec', 'template', 'spec', 'initContainers', 0, 'volumeMounts', 0] },
        ],
      },
    ]);
  });

  it('leaves out read-only mounts but keeps readOnly: false', () => {
    const result = hostPathDataVolumes(
      statefulSet({
        containers: [
          { name: 'a', volumeMounts: [{ name: 'ro', mountPath: '/ro', readOnly: true }, { name: 'rw', mountPath: '/rw', readOnly: false }] },
        ],
        volumes: [hostPath('ro', '/srv/ro'), hostPath('rw', '/srv/rw')],
      }),
    );
    expect(result.map((volume) => volume.name)).toEqual(['rw']);
  });

  it('leaves out node system paths', () => {
    const result = hostPathDataVolumes(
      statefulSet({
        containers: [{ name: 'agent', volumeMounts: ['sock', 'kubelet', 'data'].map((name) => ({ name, mountPath: `/${name}` })) }],
        volumes: [hostPath('sock', '/var/run/docker.sock'), hostPath('kubelet', '/var/lib/kubelet/pods'), hostPath('data', '/var/lib/agent')],
      }),
    );
    expect(result.map((volume) => volume.name)).toEqual(['data']);
  });

  it('leaves out a volume no container mounts and one a claim template replaces', () => {
    const result = hostPathDataVolumes(
      statefulSet(
        {
          containers: [{ name: 'db', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
          volumes: [hostPath('data', '/srv/data'), hostPath('unused', '/srv/unused')],
        },
        ['data'],
      ),
    );
    expect(result).toEqual([]);
  });

  it('skips malformed entries without throwing', () => {
    const result = hostPathDataVolumes(
      statefulSet({
        containers: ['db', { name: 'db', volumeMounts: 'data' }, { name: 'x', volumeMounts: [null, { name: 'ok', mountPath: '/ok' }] }],
        volumes: [null, { name: 'a', hostPath: '/srv/a' }, { hostPath: { path: '/srv/b' } }, { name: 'c', hostPath: { path: 7 } }, hostPath('ok', '/srv/ok')],
      }),
    );
    expect(result.map((volume) => volume.name)).toEqual(['ok']);
    expect(hostPathDataVolumes({ spec: 'nothing' })).toEqual([]);
  });
});
