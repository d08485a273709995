import { describe, expect, it } from 'vitest';
import { apiVersionNotServed } from '../../src/schema/api-version-not-served.js';

describe('apiVersionNotServed', () => {
  it.each([
    ['apps/v1beta1', 'StatefulSet', '1.16', 'apps/v1'],
    ['apps/v1beta2', 'StatefulSet', '1.16', 'apps/v1'],
    ['extensions/v1beta1', 'Deployment', '1.16', 'apps/v1'],
    ['extensions/v1beta1', 'DaemonSet', '1.16', 'apps/v1'],
    ['extensions/v1beta1', 'Ingress', '1.22', 'networking.k8s.io/v1'],
    ['storage.k8s.io/v1beta1', 'StorageClass', '1.22', 'storage.k8s.io/v1'],
    ['policy/v1beta1', 'PodDisruptionBudget', '1.25', 'policy/v1'],
    ['batch/v1beta1', 'CronJob', '1.25', 'batch/v1'],
    ['policy/v1beta1', 'PodSecurityPolicy', '1.25', undefined],
  ])('%s %s was removed', (apiVersion, kind, removedIn, replacement) => {
    expect(apiVersionNotServed(apiVersion, kind)).toEqual({ removedIn, replacement });
  });

  it.each([
    ['v1', 'StatefulSet', 'apps/v1'],
    ['apps/v2', 'StatefulSet', 'apps/v1'],
    ['extensions/v1beta1', 'StatefulSet', 'apps/v1'],
    ['apps/v1', 'Service', 'v1'],
    ['v1', 'StorageClass', 'storage.k8s.io/v1'],
  ])('%s never served %s', (apiVersion, kind, replacement) => {
    expect(apiVersionNotServed(apiVersion, kind)).toEqual({ removedIn: undefined, replacement });
  });

  it.each([
    ['apps/v1', 'StatefulSet'],
    ['v1', 'Service'],
    ['policy/v1', 'PodDisruptionBudget'],
    ['apps.kruise.io/v1beta1', 'StatefulSet'],
    ['serving.knative.dev/v1', 'Service'],
    ['monitoring.coreos.com/v1', 'PodMonitor'],
    ['apps/v1', 'DaemonSet'],
  ])('%s %s is served or not ours to judge', (apiVersion, kind) => {
    expect(apiVersionNotServed(apiVersion, kind)).toBeUndefined();
  });
});
