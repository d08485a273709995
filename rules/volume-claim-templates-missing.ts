import { defineRule, type RelatedReport } from '../src/engine/rule.js';
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
    noDataVolume: 'spec.volumeClaimTemplates is missing: {{dataStore}} data in the container layer is lost with its pod',
    ephemeralDataVolume: 'spec.volumeClaimTemplates is missing: {{dataStore}} data on an ephemeral volume is lost with its pod',
    sharedClaim: 'All {{replicas}} replicas share claim "{{claimName}}": they block or overwrite each other',
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
      const data = { dataStore: dataStore.family.displayName };
      if (!mounts.some((mount) => mount.lifetime === 'persistent')) {
        // Where the data store runs, and where its data goes: the container's image, then each ephemeral mount.
        const runs: RelatedReport = { document, path: [...dataStore.container.path, 'image'], message: `container "${dataStore.containerName}" runs ${dataStore.family.displayName} ("${dataStore.image}")` };
        const sources = new Map(ephemeral.map((mount) => [mount.name, mount.source]));
        const related = volumeMounts(object, [dataStore.container])
          .filter((mount) => mount.name !== undefined && sources.has(mount.name))
          .map((mount): RelatedReport => ({ document, path: mount.path, message: `${sources.get(mount.name!)} volume "${mount.name}" is mounted here` }));
        report({ messageId: related.length > 0 ? 'ephemeralDataVolume' : 'noDataVolume', data, path: ['spec'], target: 'key', related: [runs, ...related] });
      }
    }
    const replicas = ordinalCount(object);
    if (replicas === undefined || replicas <= 1) return;
    for (const volume of fixedClaimVolumes(object)) {
      report({
        messageId: 'sharedClaim',
        data: { claimName: volume.claimName, replicas },
        path: ['spec', 'template', 'spec', 'volumes', volume.position],
      });
    }
  },
});
