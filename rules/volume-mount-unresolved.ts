import { defineRule } from '../src/engine/rule.js';
import { DNS_LABEL_MAX_LENGTH } from '../src/k8s/names.js';
import { podVolumes, resolveVolume, volumeMounts } from '../src/k8s/volumes.js';
import { closestName } from '../src/text/closest-name.js';

export default defineRule({
  id: 'volume-mount-unresolved',
  title: 'Every volume mount names a claim template or a volume of the pod template',
  severity: 'error',
  kinds: ['StatefulSet'],
  rationale: [
    'The controller builds each pod\'s volumes from the StatefulSet: first one volume per claim template,',
    'named after it, then every volume of `spec.template.spec.volumes` whose name is not a claim template\'s',
    '(statefulset-semantics §3.6; the API reference of `volumeClaimTemplates`). A container or init container',
    'that mounts (`volumeMounts[].name`) or attaches as a block device (`volumeDevices[].name`) a name found',
    'in neither gets no pod at all: before Kubernetes 1.34 the StatefulSet is accepted and every pod',
    'creation fails with `FailedCreate ... volumeMounts[0].name: Not found` in its events; from 1.34 the API',
    'server validates the pod template and refuses the StatefulSet. A misspelt claim template name is the',
    'usual cause.',
    '',
    'A template volume with the same name as a claim template is reported too: the claim silently wins,',
    'and the volume the author wrote (an `emptyDir`, a `hostPath`, a fixed claim) is discarded from every pod.',
  ].join('\n'),
  remediation: 'Name an existing claim template or pod-template volume in the mount, or add the volume or claim template it expects.',
  messages: {
    unresolved: '{{list}} name "{{name}}" matches no claim template or volume: no pod is created',
    unresolvedSuggestion: '{{list}} name matches no volume: no pod is created; did you mean "{{suggestion}}"?',
    shadowed: 'Volume "{{name}}" is discarded: a claim template of that name replaces it in every pod',
  },
  examples: { good: 'valid/mount-resolved-by-claim-template.yaml', bad: 'invalid/misspelt-claim-template-name.yaml' },
  references: [
    'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/stateful-set-v1/#StatefulSetSpec',
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#volume-claim-templates',
    'https://kubernetes.io/docs/concepts/storage/volumes/',
  ],
  check({ object, document, fixer, report }) {
    const volumes = podVolumes(object);
    const known = [...volumes.claimTemplates.keys(), ...volumes.templateVolumes.keys()];
    for (const { name, list, path } of volumeMounts(object)) {
      if (name === undefined || name === '' || resolveVolume(volumes, name)) continue;
      const suggestion = name.length <= DNS_LABEL_MAX_LENGTH ? closestName(name, known) : undefined;
      const data = { list, name };
      if (suggestion === undefined) report({ messageId: 'unresolved', data, path: [...path, 'name'] });
      else {
        const edits = [fixer.replaceScalar([...path, 'name'], suggestion)];
        report({ messageId: 'unresolvedSuggestion', data: { ...data, suggestion }, path: [...path, 'name'], suggestions: [{ desc: `Mount "${suggestion}" instead`, edits }] });
      }
    }
    for (const volume of volumes.shadowed) {
      const claimTemplate = volumes.claimTemplates.get(volume.name)!;
      const related = [{ document, path: [...claimTemplate.path, 'metadata', 'name'], message: `claim template "${volume.name}" is declared here` }];
      report({ messageId: 'shadowed', data: { name: volume.name }, path: [...volume.path, 'name'], related });
    }
  },
});
