import { defineRule } from '../src/engine/rule.js';
import { asRecord } from '../src/k8s/plain-value.js';
import { ordinalCount, ordinalStart } from '../src/k8s/stateful-set.js';

const PARTITION_PATH = ['spec', 'updateStrategy', 'rollingUpdate', 'partition'];

export default defineRule({
  id: 'rolling-update-partition-stalls',
  title: 'A rolling update partition leaves pods to update',
  severity: 'warning',
  kinds: ['StatefulSet'],
  rationale: [
    'With `spec.updateStrategy.rollingUpdate.partition` set, a template change reaches only the pods whose',
    'ordinal is at or above the partition; the others keep the old revision, even when deleted and recreated',
    '(statefulset-semantics §4.4). That is how a staged rollout (canary) is done, and a partition below',
    '`replicas` is never reported. Two mistakes are:',
    '',
    '- `partition` at or above `replicas`: no pod ever receives a template change, the rollout reports',
    '  nothing to do, and the StatefulSet silently keeps running the old image;',
    '- `partition` above 0 together with `spec.ordinals.start` above 0: the API reference describes the',
    '  partition as an ordinal, but the controller counts it from `start` (kubernetes#128529, §6 #17), so the',
    '  pods that are updated begin at ordinal `start + partition`, not at `partition`.',
    '',
    'Reported at `partition`. A `partition` under `updateStrategy.type: OnDelete` is rejected by the API server',
    'and left to the schema check.',
  ].join('\n'),
  remediation: 'Lower partition below replicas (0 updates every pod) once the staged pods are verified, counting it from spec.ordinals.start.',
  messages: {
    coversAllPods: 'partition {{partition}} is not below spec.replicas {{replicas}}, so no pod ever receives a template change',
    countsFromStart: 'partition {{partition}} counts from spec.ordinals.start {{start}}: only ordinals from {{boundary}} up are updated',
  },
  examples: { good: 'valid/staged-rollout-below-replicas.yaml', bad: 'invalid/partition-equals-replicas.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#partitions',
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#start-ordinal',
    'https://github.com/kubernetes/kubernetes/issues/128529',
  ],
  check({ object, report }) {
    const strategy = asRecord(asRecord(object.spec).updateStrategy);
    if (strategy.type !== undefined && strategy.type !== null && strategy.type !== 'RollingUpdate') return;
    const partition = asRecord(strategy.rollingUpdate).partition;
    if (typeof partition !== 'number' || !Number.isInteger(partition) || partition <= 0) return;
    const replicas = ordinalCount(object);
    const start = ordinalStart(object);
    if (replicas === 0) return;
    if (replicas !== undefined && partition >= replicas) {
      report({ messageId: 'coversAllPods', data: { partition, replicas }, path: PARTITION_PATH });
    } else if (start !== undefined && start > 0) {
      report({ messageId: 'countsFromStart', data: { partition, start, boundary: start + partition }, path: PARTITION_PATH });
    }
  },
});
