import { defineRule } from '../src/engine/rule.js';
import { podSpec, POD_SPEC_PATH } from '../src/k8s/pod-template.js';

export default defineRule({
  id: 'termination-grace-period-zero',
  title: 'Pods get time to shut down',
  severity: 'error',
  kinds: ['StatefulSet'],
  rationale: [
    'A StatefulSet promises at most one running pod per identity. `terminationGracePeriodSeconds: 0` in the',
    'pod template kills each pod without running its shutdown and lets the API server drop the pod object',
    'without waiting for the kubelet to confirm, which is what a forced deletion does: a replacement with',
    'the same name and the same volume can start while the old process still runs on a node that is',
    'unreachable, and two members of one identity split the cluster\'s view of the data (statefulset-semantics',
    '§4.6, §6 #12). The StatefulSet concept page ("Deployment and Scaling Guarantees") calls it unsafe and strongly discouraged.',
  ].join('\n'),
  remediation: 'Remove terminationGracePeriodSeconds or set it to the time the server needs to shut down cleanly.',
  messages: {
    zero: 'terminationGracePeriodSeconds is 0, so pods are killed without shutdown and a replacement can run beside the old pod',
  },
  examples: { good: 'valid/grace-period-for-flush.yaml', bad: 'invalid/grace-period-zero.yaml' },
  references: [
    'https://kubernetes.io/docs/tasks/run-application/force-delete-stateful-set-pod/',
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#deployment-and-scaling-guarantees',
    'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  ],
  check({ object, report }) {
    if (podSpec(object).terminationGracePeriodSeconds !== 0) return;
    report({ messageId: 'zero', path: [...POD_SPEC_PATH, 'terminationGracePeriodSeconds'] });
  },
});
