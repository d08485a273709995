import { describe, expect, it } from 'vitest';
import { NODE_LOCAL_PROVISIONERS } from '../../src/k8s/storage.js';

describe('NODE_LOCAL_PROVISIONERS', () => {
  const provisioners = NODE_LOCAL_PROVISIONERS.map((entry) => entry.provisioner);
  const classNames = NODE_LOCAL_PROVISIONERS.flatMap((entry) => entry.defaultClassNames);

  it('lists every provisioner of statefulset-semantics §3.3, once', () => {
    expect([...provisioners].sort()).toEqual(
      [
        'kubernetes.io/no-provisioner',
        'rancher.io/local-path',
        'openebs.io/local',
        'local.csi.openebs.io',
        'zfs.csi.openebs.io',
        'topolvm.io',
        'topolvm.cybozu.com',
        'directpv-min-io',
        'microk8s.io/hostpath',
        'k8s.io/minikube-hostpath',
        'docker.io/hostpath',
        'hostpath.csi.k8s.io',
      ].sort(),
    );
  });

  it('lists exactly the default class names of core-rules, each under one provisioner', () => {
    expect([...classNames].sort()).toEqual(
      [
        'local-path',
        'local-storage',
        'openebs-hostpath',
        'openebs-device',
        'openebs-lvmpv',
        'openebs-zfspv',
        'directpv-min-io',
        'topolvm-provisioner',
        'microk8s-hostpath',
        'hostpath',
      ].sort(),
    );
  });

  it('does not claim names other provisioners use by default', () => {
    expect(classNames).not.toContain('standard');
    expect(classNames).not.toContain('default');
  });

  it('marks only kubernetes.io/no-provisioner as static', () => {
    expect(NODE_LOCAL_PROVISIONERS.filter((entry) => entry.provisioning === 'static').map((entry) => entry.provisioner)).toEqual([
      'kubernetes.io/no-provisioner',
    ]);
  });
});
