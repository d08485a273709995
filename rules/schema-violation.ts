import { defineRule } from '../src/engine/rule.js';
import { KUBERNETES_VERSION } from '../src/schema/kubernetes-version.js';
import { validateObject } from '../src/schema/validate-object.js';

export default defineRule({
  id: 'schema-violation',
  title: 'Objects match the Kubernetes API schema of their kind',
  severity: 'error',
  kinds: ['StatefulSet', 'Deployment', 'Service', 'PersistentVolume', 'PersistentVolumeClaim', 'StorageClass', 'PodDisruptionBudget', 'ConfigMap'],
  rationale: [
    `Each object is checked against the OpenAPI schema of its kind in Kubernetes ${KUBERNETES_VERSION}, as the`,
    'API server decodes it. A value of the wrong type (`replicas: "3"`), an unknown enum value',
    '(`podManagementPolicy: Ordered`) or a malformed quantity (`storage: 1 Gi`) makes `kubectl apply`',
    'fail with a 400 Bad Request. An unknown field (`volumeClaimTemplate`, `imagePullPolicyy`) is',
    'rejected by kubectl\'s default strict field validation; clients that keep the API server\'s default',
    '(`Warn`) get the object created with the field **dropped**, so the setting never takes effect: a',
    'misspelt `volumeClaimTemplates` leaves the pods without their persistent volumes.',
    '',
    'YAML is read as Kubernetes reads it (YAML 1.1): an unquoted `yes`, `on` or `true` is a boolean',
    'and `1.10` is the number 1.1, which string fields such as env values and labels reject.',
    'A field set to null (`annotations:` with nothing after it) counts as not set. Output of',
    '`kubectl get -o yaml` (status, `managedFields`, `creationTimestamp`) is valid.',
    '',
    'Checked kinds: StatefulSet and Deployment (`apps/v1`), Service, PersistentVolume,',
    'PersistentVolumeClaim and ConfigMap (`v1`), StorageClass (`storage.k8s.io/v1`) and',
    'PodDisruptionBudget (`policy/v1`). Custom resources are not checked, even when their kind reuses a',
    'built-in name. An apiVersion the kind is not served at (`apps/v1beta2`) is reported by',
    '`api-version-removed` instead.',
    'Rules enforced by the API server beyond the schema (name formats, immutable fields, the selector',
    'matching the template labels) are not part of this check.',
  ].join('\n'),
  remediation: 'Correct the field or value at the reported position as the Kubernetes API reference for the kind describes it.',
  messages: {
    unknownField: 'Unknown field "{{field}}" in {{parent}}',
    unknownFieldSuggestion: 'Unknown field "{{field}}" in {{parent}}; did you mean "{{suggestion}}"?',
    required: '{{path}} is required',
    wrongType: '{{path}} must be {{expected}}, not {{actual}}',
    unquotedScalar: '{{path}} must be a string, but the unquoted {{source}} is read as {{actual}}; write it in quotes: "{{source}}"',
    notOneOf: '{{path}} must be one of {{allowed}}, not {{actual}}',
    invalidQuantity: '"{{value}}" is not a valid quantity for {{path}} (examples: 1Gi, 500Mi, 0.5)',
  },
  examples: { good: 'valid/kubectl-get-dump.yaml', bad: 'invalid/misspelt-volume-claim-templates.yaml' },
  references: [
    'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/stateful-set-v1/',
    'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
    'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/',
  ],
  check(context) {
    const result = validateObject(context.document);
    if (!Array.isArray(result)) return;
    for (const problem of result) {
      context.report({ messageId: problem.messageId, data: problem.data, path: problem.path, target: problem.target });
    }
  },
});
