import { defineRule } from '../src/engine/rule.js';
import { findPodDisruptionBudgets } from '../src/index/disruption-budgets.js';
import { blockingBudget } from '../src/k8s/disruption-budgets.js';
import { ordinalCount } from '../src/k8s/stateful-set.js';

export default defineRule({
  id: 'pod-disruption-budget-blocks-eviction',
  title: 'PodDisruptionBudgets let at least one pod be evicted',
  severity: 'warning',
  kinds: ['StatefulSet'],
  rationale: [
    'A node drain (`kubectl drain`, a cluster upgrade, the autoscaler removing a node) evicts pods through',
    'the Eviction API, which refuses any eviction that would break a PodDisruptionBudget. A budget that',
    'allows no disruption at all, `maxUnavailable: 0` (or `"0%"`) or `minAvailable` at least `replicas` (a',
    'number, or a percentage of `replicas` rounded up as the disruption controller does, such as `"100%"`),',
    'therefore blocks every drain of a node that runs one of the pods: the drain retries forever and the',
    'upgrade stalls until someone deletes the budget or the pod by hand. The Kubernetes task page says so: with',
    'zero voluntary evictions you cannot successfully drain a node running one of those pods.',
    '',
    'Reported at `spec.replicas`, with the budget\'s field as related location, for each PodDisruptionBudget',
    'of the inputs in the StatefulSet\'s namespace whose selector selects the pod template\'s labels. To keep',
    'a quorum, allow one pod at a time (`maxUnavailable: 1`) instead.',
  ].join('\n'),
  remediation: 'Set maxUnavailable: 1 on the PodDisruptionBudget (or minAvailable below replicas), so that drains take one pod at a time.',
  messages: {
    maxUnavailable: 'PodDisruptionBudget "{{budget}}" lets no pod be evicted, so node drains hang',
    minAvailable: 'PodDisruptionBudget "{{budget}}" keeps all {{replicas}} pods up, so node drains hang',
  },
  examples: { good: 'valid/max-unavailable-one.yaml', bad: 'invalid/max-unavailable-zero.yaml' },
  references: [
    'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
    'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/#pod-disruption-budgets',
    'https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/',
  ],
  check({ object, document, index, report }) {
    const replicas = ordinalCount(object);
    if (replicas === undefined || replicas === 0) return;
    for (const budget of findPodDisruptionBudgets(index, document)) {
      const blocking = blockingBudget(budget.object, replicas);
      if (!blocking) continue;
      report({
        messageId: blocking.field,
        data: { budget: budget.name, value: blocking.value, replicas },
        path: ['spec', 'replicas'],
        related: [{ document: budget, path: ['spec', blocking.field], message: `${blocking.field} ${blocking.value} allows no eviction` }],
      });
    }
  },
});
