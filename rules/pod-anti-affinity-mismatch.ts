import { defineRule } from '../src/engine/rule.js';
import { podTemplateLabels } from '../src/k8s/pod-template.js';
import { matchSpreadTerm, spreadTerms } from '../src/k8s/pod-spreading.js';

type MessageId = 'antiAffinityMismatch' | 'spreadConstraintMismatch' | 'noLabelSelector';

export default defineRule<MessageId>({
  id: 'pod-anti-affinity-mismatch',
  title: 'Anti-affinity and spread constraints select the pods they spread',
  severity: 'error',
  kinds: ['StatefulSet'],
  rationale: [
    'A `podAntiAffinity` term keeps a pod away from nodes (or zones) that already run pods matching its',
    '`labelSelector`, and a `topologySpreadConstraints` entry counts the pods its `labelSelector` matches.',
    'To spread a StatefulSet\'s replicas, the selector must match the replicas\' own labels. One that matches',
    'none of them, often left over from a rename (`app: zk` against pods labelled',
    '`app.kubernetes.io/name: zk`, as in a stored copy of the upstream ZooKeeper example), is accepted by the',
    'API server and the scheduler and spreads nothing: every replica may land on one node',
    '(statefulset-semantics §6 #19; kubernetes/website#7700, apache/pulsar-helm-chart#39). A term without a',
    '`labelSelector` matches no pod at all.',
    '',
    'Reported at the selector of each required or preferred anti-affinity term and each spread constraint',
    'whose selector fails the pod template\'s labels, unless the term\'s `namespaces` or `namespaceSelector`',
    'point at other namespaces, or another term or constraint of the template does select the pods: then',
    'the one that selects other pods keeps the replicas away from other workloads on purpose (Argo CD\'s',
    'application controller prefers nodes without any `app.kubernetes.io/part-of: argocd` pod, beside a',
    'term that spreads its own replicas).',
  ].join('\n'),
  remediation: 'Make the labelSelector match the pod template labels, for example with the same labels as spec.selector.',
  messages: {
    antiAffinityMismatch: 'podAntiAffinity needs "{{failed}}", which the pods lack, so it spreads no replicas',
    spreadConstraintMismatch: 'topologySpreadConstraints needs "{{failed}}", which the pods lack, so it spreads nothing',
    noLabelSelector: '{{term}} has no labelSelector, so it matches no pod and keeps no replicas apart',
  },
  examples: { good: 'valid/anti-affinity-by-app-kubernetes-io-name.yaml', bad: 'invalid/anti-affinity-selects-app-zk.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity',
    'https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/',
    'https://github.com/kubernetes/website/pull/7700',
  ],
  check({ object, ref, report }) {
    const labels = podTemplateLabels(object);
    const terms = spreadTerms(object).map((term) => ({ term, match: matchSpreadTerm(term, labels, ref.namespace) }));
    // When another term already counts the pods themselves, one that selects other pods keeps the
    // replicas away from other workloads on purpose (Argo CD's controller avoids every argocd pod).
    if (terms.some(({ match }) => match.status === 'matches')) return;
    for (const { term, match } of terms) {
      const constraint = term.source === 'topologySpreadConstraint';
      if (match.status === 'mismatch') {
        report({ messageId: constraint ? 'spreadConstraintMismatch' : 'antiAffinityMismatch', data: { failed: match.failed }, path: term.selectorPath });
      } else if (match.status === 'no-selector') {
        report({ messageId: 'noLabelSelector', data: { term: constraint ? 'A topologySpreadConstraints entry' : 'A podAntiAffinity term' }, path: term.selectorPath, target: 'key' });
      }
    }
  },
});
