import { defineRule } from '../src/engine/rule.js';
import { builtInGroupKind } from '../src/k8s/group-kind.js';
import { nameFormatOf, nameProblem, type NameFormat } from '../src/k8s/names.js';
import { fieldAt, isRecord, type PlainRecord } from '../src/k8s/plain-value.js';
import { allowedFieldNames } from '../src/schema/allowed-field-names.js';
import { KUBERNETES_VERSION } from '../src/schema/kubernetes-version.js';
import { closestName } from '../src/text/closest-name.js';
import { validateObject } from '../src/schema/validate-object.js';

/**
 * Renaming a misspelt field to the one it most likely meant: safe to apply unasked (a fix) only when
 * that name is the single close match and the object does not already have the field (the rename
 * would then give a duplicate key, and nothing is offered); else offered as a suggestion.
 */
function renameFix(object: PlainRecord, kind: string, path: readonly (string | number)[], suggestion: string): { key: string; safe: boolean } | undefined {
  const parentPath = path.slice(0, -1);
  const field = String(path.at(-1));
  const others = (allowedFieldNames(kind, parentPath) ?? []).filter((name) => name !== suggestion);
  const ambiguous = closestName(field, others) !== undefined;
  const parent = fieldAt(object, parentPath);
  if (isRecord(parent) && Object.hasOwn(parent, suggestion)) return undefined;
  return { key: suggestion, safe: !ambiguous };
}

/** How messages name each format (the rationale says what each allows). */
export const NAME_FORMAT_WORDS: Readonly<Record<NameFormat, string>> = {
  'dns-1123-label': 'DNS-1123 label',
  'dns-1035-label': 'DNS-1035 label',
  'dns-1123-subdomain': 'DNS-1123 subdomain',
};

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
    '',
    'Object names are checked as the API server checks them: a StatefulSet name must be a DNS-1123 label',
    '(at most 63 lower-case letters, digits and `-`, since Kubernetes 1.27), a Service name a DNS-1035 label',
    '(the same, starting with a letter), other names DNS-1123 subdomains (at most 253 characters, labels',
    'joined by `.`). Other rules the API server enforces beyond the schema (immutable fields, the selector',
    'matching the template labels) are not part of this check.',
    '',
    'A Kubernetes object (a document with `apiVersion`, `kind` or `metadata` at its top level, or an item of',
    'a `List`) without `kind` or `apiVersion` is rejected by the API server (`Object \'Kind\' is missing`) and',
    'is reported at its first line, whatever its kind. YAML with none of the three (Helm values, CI',
    'workflows) is not a Kubernetes object and is left alone, as are kustomization files, the patches a',
    'kustomization of the inputs uses and a chart\'s `Chart.yaml`. An object of a kind stslint knows',
    '(StatefulSet, Service, PersistentVolume, PersistentVolumeClaim, StorageClass, ConfigMap, Deployment,',
    'PodDisruptionBudget, Endpoints, EndpointSlice) that lacks only `apiVersion` is still checked by every',
    'rule, as that kind\'s current version (`apps/v1`, `v1`…), so that the missing version does not hide its',
    'other findings.',
  ].join('\n'),
  remediation: 'Correct the field or value at the reported position as the Kubernetes API reference for the kind describes it.',
  messages: {
    unknownField: 'Unknown field "{{field}}" in {{parent}}, refused or dropped',
    unknownFieldSuggestion: 'Unknown field "{{field}}"; did you mean "{{suggestion}}"?',
    required: '{{path}} is required: the API server rejects the object without it',
    wrongType: '{{path}} must be {{expected}}, not {{actual}}',
    unquotedScalar: '{{path}} is read as {{actual}}, not a string: quote it',
    notOneOf: '{{path}} must be one of {{allowed}}',
    invalidQuantity: '{{path}} "{{value}}" is not a quantity like 1Gi or 500m',
    nameTooLong: '{{kind}} name has {{length}} characters, over the {{limit}} the API server accepts',
    nameFormat: '{{kind}} name "{{name}}" is not a {{format}}, so it is refused',
    apiVersionMissing: 'apiVersion is missing: the API server rejects the object; it was linted as {{apiVersion}}',
    apiVersionMissingUnknownKind: 'apiVersion is missing: the API server rejects this {{kind}}',
    kindMissing: 'kind is missing: the API server rejects this {{apiVersion}} document, and no rule can check it',
    kindAndApiVersionMissing: 'apiVersion and kind are missing: the API server rejects this object, and no rule can check it',
    notAnObject: 'List item is a {{shape}}, not an object with apiVersion and kind: the API server rejects it',
  },
  examples: { good: 'valid/kubectl-get-dump.yaml', bad: 'invalid/misspelt-volume-claim-templates.yaml' },
  references: [
    'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/stateful-set-v1/',
    'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
    'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/',
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  ],
  check(context) {
    const result = validateObject(context.document);
    if (!Array.isArray(result)) return;
    for (const problem of result) {
      const rename = problem.messageId === 'unknownFieldSuggestion' ? renameFix(context.object, context.document.kind, problem.path, problem.data.suggestion!) : undefined;
      const edits = rename && [context.fixer.renameKey(problem.path, rename.key)];
      context.report({
        messageId: problem.messageId,
        data: problem.data,
        path: problem.path,
        target: problem.target,
        ...(edits ? (rename.safe ? { fix: edits } : { suggestions: [{ desc: `Rename "${problem.data.field}" to "${rename.key}"`, edits }] }) : {}),
      });
    }
    const { kind, name } = context.document;
    const groupKind = builtInGroupKind(kind);
    const problem = name === '' || groupKind === undefined ? undefined : nameProblem(name, nameFormatOf(groupKind));
    if (problem?.problem === 'too-long') {
      context.report({ messageId: 'nameTooLong', data: { kind, length: problem.length, limit: problem.limit }, path: ['metadata', 'name'] });
    } else if (problem?.problem === 'bad-format') {
      context.report({ messageId: 'nameFormat', data: { kind, name, format: NAME_FORMAT_WORDS[problem.format] }, path: ['metadata', 'name'] });
    }
  },
});
