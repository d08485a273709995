import { defineRule } from '../src/engine/rule.js';
import { podContainers } from '../src/k8s/pod-template.js';
import { claimTemplates } from '../src/k8s/stateful-set.js';
import { volumeMounts } from '../src/k8s/volumes.js';

export default defineRule({
  id: 'claim-template-unmounted',
  title: 'Every claim template is mounted by a container',
  severity: 'warning',
  kinds: ['StatefulSet'],
  rationale: [
    'For every claim template the controller creates a PersistentVolumeClaim per pod and adds it to the pod as',
    'a volume named after the template, whether or not a container uses it (statefulset-semantics §1.2, §3.6):',
    'the API reference says every claim template "must have at least one matching volumeMount", but nothing',
    'enforces it. A claim template that no container or init container mounts (`volumeMounts`) or attaches as',
    'a block device (`volumeDevices`) provisions and bills a disk per pod that holds nothing, while the data',
    'meant for it is written to the container\'s writable layer and lost when the container restarts. The',
    'usual cause is a mount named differently from the template (`data` against `datadir`), which',
    '`volume-mount-unresolved` reports at the mount; this rule reports the template.',
    '',
    'A StatefulSet whose pod template has no containers (a kustomize patch that only changes storage) is',
    'not judged.',
  ].join('\n'),
  remediation: 'Mount the claim template in the container that writes the data, or remove the claim template.',
  messages: {
    unmounted: 'No container mounts claim template "{{name}}": each pod gets a disk that stays empty',
  },
  examples: { good: 'valid/claim-template-as-block-device.yaml', bad: 'invalid/mount-name-differs-from-claim-template.yaml' },
  references: [
    'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/stateful-set-v1/#StatefulSetSpec',
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#volume-claim-templates',
  ],
  check({ object, report }) {
    const containers = podContainers(object);
    if (containers.length === 0) return;
    const mounted = new Set(volumeMounts(object, containers).map((mount) => mount.name));
    for (const { name, path } of claimTemplates(object)) {
      if (name !== undefined && name !== '' && !mounted.has(name)) report({ messageId: 'unmounted', data: { name }, path: [...path, 'metadata', 'name'] });
    }
  },
});
