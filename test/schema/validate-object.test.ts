import { describe, expect, it } from 'vitest';
import schemaViolation from '../../rules/schema-violation.js';
import { interpolate } from '../../src/engine/interpolate.js';
import { locate } from '../../src/parser/locate.js';
import type { ManifestDocument } from '../../src/parser/manifest-document.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';
import { validateObject } from '../../src/schema/validate-object.js';
import { readFixture } from '../support/fixtures.js';

function documentOf(text: string): ManifestDocument {
  const { documents, problems } = parseDocuments({ path: 'test.yaml', text });
  expect(problems).toEqual([]);
  expect(documents).toHaveLength(1);
  return documents[0]!;
}

/** `line:column message` of each problem, as a user reads it. */
function problemsOf(text: string): string[] | string {
  const document = documentOf(text);
  const result = validateObject(document);
  if (!Array.isArray(result)) return result;
  return result.map((problem) => {
    const range = locate(document, problem.path, problem.target);
    return `${range.line}:${range.column} ${interpolate(schemaViolation.messages[problem.messageId], problem.data)}`;
  });
}

/** A valid StatefulSet with `extra` lines spliced in after line `after` (1-based) of the base text. */
function statefulSet(edit: (lines: string[]) => void = () => {}): string {
  const lines = [
    'apiVersion: apps/v1', //                                  1
    'kind: StatefulSet', //                                    2
    'metadata:', //                                            3
    '  name: web', //                                          4
    'spec:', //                                                5
    '  serviceName: web', //                                   6
    '  replicas: 2', //                                        7
    '  selector:', //                                          8
    '    matchLabels: {app: web}', //                          9
    '  template:', //                                         10
    '    metadata:', //                                       11
    '      labels: {app: web}', //                            12
    '    spec:', //                                           13
    '      containers:', //                                   14
    '        - name: web', //                                 15
    '          image: nginx:1.27', //                         16
    '  volumeClaimTemplates:', //                             17
    '    - metadata: {name: www}', //                         18
    '      spec:', //                                         19
    '        accessModes: [ReadWriteOnce]', //                20
    '        resources: {requests: {storage: 1Gi}}', //       21
  ];
  edit(lines);
  return `${lines.join('\n')}\n`;
}

describe('validateObject: messages and positions', () => {
  it('accepts the base StatefulSet', () => {
    expect(problemsOf(statefulSet())).toEqual([]);
  });

  it('reports a misspelt field at its key, with the field it most likely meant', () => {
    const text = statefulSet((lines) => (lines[16] = '  volumeClaimTemplate:'));
    expect(problemsOf(text)).toEqual(['17:3 Unknown field "volumeClaimTemplate"; did you mean "volumeClaimTemplates"?']);
  });

  it('reports an unknown container field with a suggestion, and one without a close name without', () => {
    const text = statefulSet((lines) => lines.splice(16, 0, '          imagePullPolicyy: Always', '          storageSize: 1Gi'));
    expect(problemsOf(text)).toEqual([
      '17:11 Unknown field "imagePullPolicyy"; did you mean "imagePullPolicy"?',
      '18:11 Unknown field "storageSize" in spec.template.spec.containers[0], refused or dropped',
    ]);
  });

  it('names the kind for an unknown top-level field', () => {
    const text = statefulSet((lines) => (lines[2] = 'metdata:'));
    expect(problemsOf(text)).toEqual(['3:1 Unknown field "metdata"; did you mean "metadata"?']);
  });

  it('reports a string where an integer is wanted at the value', () => {
    const text = statefulSet((lines) => (lines[6] = '  replicas: "3"'));
    expect(problemsOf(text)).toEqual(['7:13 spec.replicas must be an integer, not the string "3"']);
  });

  it('reports a fraction where an integer is wanted', () => {
    const text = statefulSet((lines) => (lines[6] = '  replicas: 2.5'));
    expect(problemsOf(text)).toEqual(['7:13 spec.replicas must be an integer, not the number 2.5']);
  });

  it('reports a missing required field at its parent key', () => {
    const text = statefulSet((lines) => lines.splice(7, 2));
    expect(problemsOf(text)).toEqual(['5:1 spec.selector is required: the API server rejects the object without it']);
  });

  it('treats a null required field as missing', () => {
    const text = statefulSet((lines) => lines.splice(7, 2, '  selector:'));
    expect(problemsOf(text)).toEqual(['5:1 spec.selector is required: the API server rejects the object without it']);
  });

  it('reports every missing field of a list item, at the item', () => {
    const text = statefulSet((lines) => lines.splice(14, 2, '        - imagePullPolicy: Always'));
    expect(problemsOf(text)).toEqual(['15:11 spec.template.spec.containers[0].name is required: the API server rejects the object without it']);
  });

  it('lists the allowed values of an enum', () => {
    const text = statefulSet((lines) => lines.splice(7, 0, '  podManagementPolicy: Ordered'));
    expect(problemsOf(text)).toEqual(['8:24 spec.podManagementPolicy must be one of "OrderedReady", "Parallel"']);
  });

  it('gives one problem, the allowed values, for an enum field of the wrong type', () => {
    const text = statefulSet((lines) => lines.splice(7, 0, '  podManagementPolicy: 1'));
    expect(problemsOf(text)).toEqual(['8:24 spec.podManagementPolicy must be one of "OrderedReady", "Parallel"']);
  });

  it('reports a malformed quantity with examples', () => {
    const text = statefulSet((lines) => (lines[20] = '        resources: {requests: {storage: 1 Gi}}'));
    expect(problemsOf(text)).toEqual([
      '21:41 spec.volumeClaimTemplates[0].spec.resources.requests.storage "1 Gi" is not a quantity like 1Gi or 500m',
    ]);
  });

  it('accepts quantities written as numbers and strings, and rejects other types once', () => {
    const valid = statefulSet((lines) => lines.splice(16, 0, '          resources: {requests: {cpu: 2, memory: 512Mi}, limits: {cpu: 0.5, memory: 1e9}}'));
    expect(problemsOf(valid)).toEqual([]);
    const invalid = statefulSet((lines) => lines.splice(16, 0, '          resources: {limits: {cpu: [1]}}'));
    expect(problemsOf(invalid)).toEqual(['17:32 spec.template.spec.containers[0].resources.limits.cpu must be a quantity such as 1Gi, not a list']);
  });

  it('says to quote an unquoted yes read as a boolean where a string is wanted', () => {
    const text = statefulSet((lines) => lines.splice(16, 0, '          env:', '            - name: DEBUG', '              value: yes'));
    expect(problemsOf(text)).toEqual([
      '19:22 spec.template.spec.containers[0].env[0].value is read as the boolean true, not a string: quote it',
    ]);
  });

  it('says to quote numbers that YAML reads differently from how they are written', () => {
    const text = statefulSet((lines) => lines.splice(4, 0, '  labels: {version: 1.10, mode: 0644}'));
    expect(problemsOf(text)).toEqual([
      '5:21 metadata.labels.version is read as the number 1.1, not a string: quote it',
      '5:33 metadata.labels.mode is read as the number 420, not a string: quote it',
    ]);
  });

  it('accepts quoted strings and ports as numbers or names, and rejects a fractional port', () => {
    const service = (targetPort: string) =>
      ['apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  ports:', `    - {port: 8080, targetPort: ${targetPort}}`, ''].join('\n');
    expect(problemsOf(service('http'))).toEqual([]);
    expect(problemsOf(service('8080'))).toEqual([]);
    expect(problemsOf(service('80.5'))).toEqual(['6:32 spec.ports[0].targetPort must be an integer or a string, not the number 80.5']);
  });

  it('reads empty fields as unset and leaves the document untouched', () => {
    const text = statefulSet((lines) => lines.splice(4, 0, '  annotations:', '  creationTimestamp: null'));
    const document = documentOf(text);
    expect(validateObject(document)).toEqual([]);
    expect((document.object.metadata as Record<string, unknown>).annotations).toBeNull();
  });

  it('accepts the output of kubectl get -o yaml', () => {
    const text = readFixture('schema-violation/valid/kubectl-get-dump.yaml');
    const { documents } = parseDocuments({ path: 'dump.yaml', text });
    expect(documents.map(validateObject)).toEqual([[]]);
  });

  it('reports every mistake of one object, each once', () => {
    const text = statefulSet((lines) => {
      lines[6] = '  replicas: "3"';
      lines[16] = '  volumeClaimTemplate:';
      lines.splice(7, 2);
    });
    expect(problemsOf(text)).toEqual([
      '5:1 spec.selector is required: the API server rejects the object without it',
      '15:3 Unknown field "volumeClaimTemplate"; did you mean "volumeClaimTemplates"?',
      '7:13 spec.replicas must be an integer, not the string "3"',
    ]);
  });
});

describe('validateObject: which objects have a schema', () => {
  const object = (apiVersion: string, kind: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\nspec: {bogus: 1}\n`;

  it.each([
    ['apps.kruise.io/v1beta1', 'StatefulSet'],
    ['serving.knative.dev/v1', 'Service'],
    ['apps/v1', 'DaemonSet'],
    ['example.com/v1', 'Widget'],
  ])('skips %s %s (no schema)', (apiVersion, kind) => {
    expect(problemsOf(object(apiVersion, kind))).toBe('no-schema');
  });

  it.each([
    ['apps/v1beta1', 'StatefulSet'],
    ['apps/v1beta2', 'StatefulSet'],
    ['apps/v2', 'StatefulSet'],
    ['v1', 'StatefulSet'],
    ['extensions/v1beta1', 'Deployment'],
    ['policy/v1beta1', 'PodDisruptionBudget'],
    ['storage.k8s.io/v1beta1', 'StorageClass'],
  ])('leaves %s %s to api-version-removed', (apiVersion, kind) => {
    expect(problemsOf(object(apiVersion, kind))).toBe('api-version-not-served');
  });

  it.each([
    ['apps/v1', 'StatefulSet'],
    ['apps/v1', 'Deployment'],
    ['v1', 'Service'],
    ['v1', 'PersistentVolume'],
    ['v1', 'PersistentVolumeClaim'],
    ['policy/v1', 'PodDisruptionBudget'],
  ])('checks %s %s', (apiVersion, kind) => {
    expect(problemsOf(object(apiVersion, kind))).toContain('4:8 Unknown field "bogus" in spec, refused or dropped');
  });

  it('checks StorageClass and ConfigMap, which have no spec', () => {
    expect(problemsOf(object('storage.k8s.io/v1', 'StorageClass'))).toContain('4:1 Unknown field "spec" in the StorageClass, refused or dropped');
    expect(problemsOf(object('v1', 'ConfigMap'))).toEqual(['4:1 Unknown field "spec" in the ConfigMap, refused or dropped']);
  });
});
