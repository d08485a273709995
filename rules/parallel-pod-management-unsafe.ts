import { defineRule } from '../src/engine/rule.js';
import { findClustering } from '../src/index/clustering.js';
import { asRecord, asString } from '../src/k8s/plain-value.js';
import { podManagementPolicy, podName } from '../src/k8s/stateful-set.js';

export default defineRule({
  id: 'parallel-pod-management-unsafe',
  title: 'Parallel pod management is not used with bootstrap that needs ordered start',
  severity: 'warning',
  kinds: ['StatefulSet'],
  rationale: [
    'With `podManagementPolicy: Parallel` the controller creates and deletes pods without waiting for the',
    'previous ones to be Ready (statefulset-semantics §4.3). Bootstrap written for ordered start then runs',
    'against pods that are not there yet: the upstream MySQL tutorial clones an empty data directory from',
    '`<name>-$((ordinal-1))` (§5.1), which under `Parallel` starts at the same moment with no data to give,',
    'and start-up scripts that wait for `<name>-0` assume it is the first pod up rather than one of many',
    'racing it. Scale-ups do the same, and since 1.35 so do rolling updates with `maxUnavailable` above 1.',
    '',
    'Reported at `spec.podManagementPolicy` when a container, an init container or a ConfigMap the pods',
    'mount clones from the previous pod or waits for pod 0. Quorum stores that only list their peers',
    '(ZooKeeper `server.N`, etcd `--initial-cluster`) are not flagged: they need `Parallel` to form a',
    'quorum. StatefulSets managed by an operator (§5.4) are skipped.',
  ].join('\n'),
  remediation: 'Remove podManagementPolicy: Parallel (OrderedReady is the default), or make each pod bootstrap without the previous one.',
  messages: {
    cloneFromPrevious: 'spec.podManagementPolicy is Parallel, so all pods start at once and pod N+1 clones from a pod N with no data yet',
    waitsForFirstPod: 'Parallel starts all pods at once, but their start-up waits for "{{firstPod}}" first',
  },
  examples: { good: 'valid/zookeeper-parallel-peer-list.yaml', bad: 'invalid/mysql-clone-from-previous.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#parallel-pod-management',
    'https://kubernetes.io/docs/tasks/run-application/run-replicated-stateful-application/',
  ],
  check({ object, document, index, report }) {
    if (podManagementPolicy(object) !== 'Parallel') return;
    const { bootstrap, operatorManaged } = findClustering(index, document);
    if (operatorManaged) return;
    const firstPod = podName(asString(asRecord(object.metadata).name) ?? '', 0);
    if (bootstrap.ordinal.includes('clone-from-previous')) {
      report({ messageId: 'cloneFromPrevious', path: ['spec', 'podManagementPolicy'] });
    } else if (bootstrap.ordinal.includes('waits-for-first')) {
      report({ messageId: 'waitsForFirstPod', data: { firstPod }, path: ['spec', 'podManagementPolicy'] });
    }
  },
});
