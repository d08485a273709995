import { describe, expect, it } from 'vitest';
import { isNodeSystemPath } from '../../src/k8s/volumes.js';

describe('isNodeSystemPath', () => {
  it.each([
    '/var/lib/kubelet',
    '/var/lib/kubelet/plugins/csi-hostpath',
    '/var/lib/kubelet/',
    '/run',
    '/run/containerd/containerd.sock',
    '/var/run',
    '/var/run/docker.sock',
    '/var/run/crio/crio.sock',
    '/dev',
    '/dev/fuse',
    '/sys',
    '/sys/fs/cgroup',
    '/proc',
    '/etc',
    '/etc/kubernetes/pki',
    '/lib/modules',
    '/usr',
    '/usr/src',
    '/var/log',
    '/var/lib/docker/containers',
    '/',
    '//var//lib/kubelet/./pods',
    '/srv/../etc/ssl',
    '/var/snap/microk8s/common/run/containerd.sock',
    '/opt/agent/agent.sock',
    '\\\\.\\pipe\\docker_engine',
  ])('%s is a node system path', (hostPath) => {
    expect(isNodeSystemPath(hostPath)).toBe(true);
  });

  it.each([
    '/var/lib/csi-hostpath-data/',
    '/var/lib/kubelet-data',
    '/data/postgres',
    '/mnt/disks/ssd1',
    '/srv/influxdb/data',
    '/var/lib/rancher/k3s/storage',
    '/var/lib/etcd',
    '/runner',
    '/devdata',
    '/etc/../srv/data',
    '/tmp/hostpath-provisioner',
    'relative/dir',
    '',
  ])('%s is not a node system path', (hostPath) => {
    expect(isNodeSystemPath(hostPath)).toBe(false);
  });
});
