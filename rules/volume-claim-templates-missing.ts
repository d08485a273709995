import { defineRule } from '../src/engine/rule.js';
import { findDataStore } from '../src/index/config-maps.js';
import { asRecord, asString, type PlainRecord } from '../src/k8s/plain-value.js';
import { ordinalCount } from '../src/k8s/stateful-set.js';
import { mountedVolumes, podVolumes, volumeMounts } from '../src/k8s/volumes.js';

/** Absent, null or `[]`: the pods get no per-pod claim. Any other value is left to the schema check. */
function claimTemplatesMissing(statefulSet: PlainRecord): boolean {
  const claimTemplates = asRecord(statefulSet.spec).volumeClaimTemplates;
  return claimTemplates === undefined || claimTemplates === null || (Array.isArray(claimTemplates) && claimTemplates.length === 0);
}

/** Pod-template volumes that name a fixed claim (`persistentVolumeClaim.claimName`) some container mounts. */
function fixedClaimVolumes(statefulSet: PlainRecord): { position: number; name: string; claimName: string }[] {
  const mounted = new Set(volumeMounts(statefulSet).map((mount) => mount.name));
  return [...podVolumes(statefulSet).templateVolumes.values()].flatMap(({ volume, name, position }) => {
    const claimName = asString(asRecord(volume.persistentVolumeClaim).claimName);
    return claimName && mounted.has(name) ? [{ position, name, claimName }] : [];
  });
}

export default defineRule({
  id: 'volume-claim-templates-missing',
  title: 'Pod state lives on per-pod volume claim templates',
  severity: 'warning',
  kinds: ['StatefulSet'],
  rationale: [
    'A StatefulSet gives each pod its own PersistentVolumeClaim only through `spec.volumeClaimTemplates`:',
    'the controller creates `<template>-<statefulset>-<ordinal>` for every ordinal and gives it back to the',
    'pod of that ordinal when it is recreated (statefulset-semantics §3.1). Without claim templates, a data',
    'store keeps its data on an `emptyDir` or generic ephemeral volume, or in the container\'s writable',
    'layer, all deleted with the pod (§3.3): a rescheduled or evicted pod starts empty, and when all pods are',
    'gone the data is gone. A `persistentVolumeClaim` volume with a fixed `claimName` in the pod template is',
    'the other mistake (§3.6): every replica mounts the same claim, so with `ReadWriteOnce` the pods past the',
    'first cannot start on another node (Multi-Attach), and with `ReadWriteMany` the replicas write over',
    'each other\'s state.',
    '',
    'Reported at `spec` when the main container runs a data store and mounts no persistent volume (core-rules,',
    '"A data store": the server it starts, its image or an image that wraps the server, such as Patroni,',
    'Stolon or Confluent\'s `confluent-local`, or, for a team\'s own image whose name says nothing, the',
    'family\'s data directory mounted together with its server port declared, such as',
    '`/usr/share/elasticsearch/data` with 9200), and at the volume when a fixed',
    'claim is mounted with `spec.replicas` above 1. A StatefulSet that is not a data store and mounts only',
    'scratch space, configuration or sockets is fine. `hostPath` data is `node-local-storage`\'s concern.',
    'Vault counts as a data store only with raft storage and NATS only with JetStream; when their',
    'configuration sits in a ConfigMap that is not among the inputs, the condition cannot be seen and the',
    'StatefulSet is not reported.',
  ].join('\n'),
  remediation:
    'Add spec.volumeClaimTemplates so that each pod gets its own PersistentVolumeClaim, and mount the claim template where the data lives instead of the emptyDir or shared claim.',
  messages: {
    noDataVolume:
      'Container "{{container}}" runs {{dataStore}} ("{{image}}") but mounts no data volume and spec.volumeClaimTemplates is missing, so its data is lost whenever a pod is deleted or rescheduled',
    ephemeralDataVolume:
      'Container "{{container}}" runs {{dataStore}} ("{{image}}") with its data on {{volumes}} and spec.volumeClaimTemplates is missing, so the data is lost whenever a pod is deleted or rescheduled',
    sharedClaim:
      'PersistentVolumeClaim "{{claimName}}" of volume "{{volume}}" is shared by all {{replicas}} replicas because spec.volumeClaimTemplates is missing',
  },
  examples: { good: 'valid/postgres-with-claim-template.yaml', bad: 'invalid/postgres-on-empty-dir.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-storage',
    'https://kubernetes.io/docs/concepts/storage/ephemeral-volumes/',
    'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes',
  ],
  check({ object, document, index, report }) {
    if (!claimTemplatesMissing(object)) return;
    const dataStore = findDataStore(index, document);
    if (dataStore) {
      const mounts = mountedVolumes(object, dataStore.container.container);
      const ephemeral = mounts.filter((mount) => mount.lifetime === 'ephemeral');
      const data = { container: dataStore.containerName, dataStore: dataStore.family.displayName, image: dataStore.image };
      if (!mounts.some((mount) => mount.lifetime === 'persistent')) {
        const volumes = ephemeral.map((mount) => `${mount.source} volume "${mount.name}"`).join(', ');
        if (volumes) report({ messageId: 'ephemeralDataVolume', data: { ...data, volumes }, path: ['spec'], target: 'key' });
        else report({ messageId: 'noDataVolume', data, path: ['spec'], target: 'key' });
      }
    }
    const replicas = ordinalCount(object);
    if (replicas === undefined || replicas <= 1) return;
    for (const volume of fixedClaimVolumes(object)) {
      report({
        messageId: 'sharedClaim',
        data: { claimName: volume.claimName, volume: volume.name, replicas },
        path: ['spec', 'template', 'spec', 'volumes', volume.position],
      });
    }
  },
});
