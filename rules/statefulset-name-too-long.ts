import { defineRule } from '../src/engine/rule.js';
import { DNS_LABEL_MAX_LENGTH, nameProblem, STATEFUL_SET_NAME_MAX_LENGTH } from '../src/k8s/names.js';
import { asRecord, asString } from '../src/k8s/plain-value.js';
import { highestOrdinal, podName } from '../src/k8s/stateful-set.js';

export default defineRule({
  id: 'statefulset-name-too-long',
  title: 'StatefulSet name leaves room for its pod names and revision label',
  severity: 'error',
  kinds: ['StatefulSet'],
  rationale: [
    'The API server accepts any StatefulSet name that is a DNS-1123 label (up to 63 characters), but the',
    'controller then builds two values from it that must also fit in 63 characters (statefulset-semantics',
    '§2.5):',
    '',
    '- the `controller-revision-hash` label of every pod, `<name>-<hash>`, where the hash has up to 10',
    '  characters. With a name of 53 characters most template revisions fail and some pass, so a rollout',
    '  can work once and break on the next template change; from 54 on, nearly all fail. Every pod creation',
    '  fails with `metadata.labels: Invalid value: ... must be no more than 63 characters` in the',
    '  StatefulSet\'s events, and `kubectl apply` reported success (kubernetes#64023, still open);',
    '- the pod name and hostname, `<name>-<ordinal>`, for the highest ordinal the StatefulSet creates:',
    '  `spec.ordinals.start` (default 0) plus `spec.replicas` (default 1) minus 1.',
    '',
    'Operators truncate generated names to 52 characters for this reason. A name over 63 characters or',
    'that is not a DNS-1123 label is refused by the API server and reported by `schema-violation`.',
  ].join('\n'),
  remediation: 'Shorten metadata.name to at most 52 characters, for example by dropping a prefix that the namespace already says.',
  messages: {
    revisionLabel: 'StatefulSet name has {{length}} characters, over {{limit}}: the pods\' controller-revision-hash label is too long',
    podName: 'The pod name of ordinal {{ordinal}} has {{length}} characters, over {{limit}}: that pod is never created',
  },
  examples: { good: 'valid/name-of-52-characters.yaml', bad: 'invalid/name-of-58-characters.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#pod-identity',
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names',
    'https://github.com/kubernetes/kubernetes/issues/64023',
  ],
  check({ object, report }) {
    const name = asString(asRecord(object.metadata).name);
    if (name === undefined || name === '' || nameProblem(name, 'dns-1123-label') !== undefined) return;
    const ordinal = highestOrdinal(object);
    const highestPodName = ordinal === undefined ? undefined : podName(name, ordinal);
    if (highestPodName !== undefined && highestPodName.length > DNS_LABEL_MAX_LENGTH) {
      const data = { ordinal: ordinal!, length: highestPodName.length, limit: DNS_LABEL_MAX_LENGTH };
      report({ messageId: 'podName', data, path: ['metadata', 'name'] });
    } else if (name.length > STATEFUL_SET_NAME_MAX_LENGTH) {
      report({ messageId: 'revisionLabel', data: { length: name.length, limit: STATEFUL_SET_NAME_MAX_LENGTH }, path: ['metadata', 'name'] });
    }
  },
});
