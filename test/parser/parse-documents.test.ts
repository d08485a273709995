import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ManifestDocument } from '../../src/parser/manifest-document.js';
import { locate } from '../../src/parser/locate.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';
import { rangeFromOffsets } from '../../src/parser/source-range.js';
import { fieldAt } from '../../src/k8s/plain-value.js';
import { readInputs } from '../../src/parser/read-inputs.js';

const parse = (text: string, file = '/repo/x.yaml') => parseDocuments({ path: file, text });

/** What a table row states about a document. */
function summary(document: ManifestDocument) {
  return { documentIndex: document.documentIndex, listIndex: document.listIndex, kind: document.kind, name: document.name };
}

/** 1-based line and column where the object's own node starts. */
function startOf(document: ManifestDocument) {
  const { line, column } = rangeFromOffsets(document.positions, document.positions.table[2]!, document.positions.table[2]!);
  return { line, column };
}

const configMap = (name: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
data:
  LOG_LEVEL: info
`;

describe('parseDocuments: documents of a file', () => {
  it('skips empty and comment-only documents but counts them in documentIndex', () => {
    const text = `---\n${configMap('first')}---\n---\n# nothing here but a comment\n---\n${configMap('second')}`;
    const { documents, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(documents.map(summary)).toEqual([
      { documentIndex: 0, listIndex: undefined, kind: 'ConfigMap', name: 'first' },
      { documentIndex: 3, listIndex: undefined, kind: 'ConfigMap', name: 'second' },
    ]);
    expect(documents.map(startOf)).toEqual([
      { line: 2, column: 1 },
      { line: 12, column: 1 },
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['blank lines', '\n\n  \n'],
    ['comments only', '# Rendered by helm template; nothing enabled\n# see values.yaml\n'],
    ['document markers only', '---\n---\n...\n'],
  ])('gives no document and no problem for %s', (_name, text) => {
    expect(parse(text)).toMatchObject({ documents: [], problems: [] });
  });

  it('keeps the file it was given on every document', () => {
    const { file, documents } = parse(configMap('app-config'), '/repo/deploy/config.yml');
    expect(file.path).toBe('/repo/deploy/config.yml');
    expect(documents[0]!.file.path).toBe('/repo/deploy/config.yml');
  });

  it('still yields the good documents around a broken one, with their own documentIndex', () => {
    const text = `${configMap('one')}---
apiVersion: v1
kind: ConfigMap
metadata:
  name: two
   labels: {app: web}
---
${configMap('three')}`;
    const { documents, problems } = parse(text);
    expect(documents.map(summary)).toEqual([
      { documentIndex: 0, listIndex: undefined, kind: 'ConfigMap', name: 'one' },
      { documentIndex: 2, listIndex: undefined, kind: 'ConfigMap', name: 'three' },
    ]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.range.line === 11)).toBe(true);
    expect(problems.map((problem) => problem.code)).not.toContain('DUPLICATE_KEY');
  });

  it('reports an unclosed flow mapping and keeps the next document', () => {
    const text = `${configMap('one')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: two\n---\n${configMap('three')}`;
    const { documents, problems } = parse(text);
    expect(documents.map((document) => [document.documentIndex, document.name])).toEqual([
      [0, 'one'],
      [2, 'three'],
    ]);
    expect(problems).toHaveLength(1);
  });
});

describe('parseDocuments: List documents', () => {
  const list = `apiVersion: v1
kind: List
metadata:
  resourceVersion: ""
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      clusterIP: None
  - just: a note, not an object
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: web
`;

  it('splits kind: List into its Kubernetes items, keeping listIndex and the item positions', () => {
    const { documents, problems } = parse(`${configMap('before')}---\n${list}`);
    // The item that is no object is reported where it starts, as kubectl rejects it.
    expect(problems.map((problem) => [problem.code, problem.message, problem.range.line, problem.range.column])).toEqual([['MISSING_KIND', 'no kind and no apiVersion', 19, 5]]);
    expect(documents.map(summary)).toEqual([
      { documentIndex: 0, listIndex: undefined, kind: 'ConfigMap', name: 'before' },
      { documentIndex: 1, listIndex: 0, kind: 'Service', name: 'web' },
      { documentIndex: 1, listIndex: 2, kind: 'StatefulSet', name: 'web' },
    ]);
    expect(documents.slice(1).map(startOf)).toEqual([
      { line: 13, column: 5 },
      { line: 20, column: 5 },
    ]);
    expect(documents[1]!.object).toEqual({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { clusterIP: 'None' } });
  });

  it('splits a typed *List (ConfigMapList) with flow and block items', () => {
    const text = `apiVersion: v1
kind: ConfigMapList
items:
- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: b, namespace: shop}
`;
    const { documents } = parse(text);
    expect(documents.map(summary)).toEqual([
      { documentIndex: 0, listIndex: 0, kind: 'ConfigMap', name: 'a' },
      { documentIndex: 0, listIndex: 1, kind: 'ConfigMap', name: 'b' },
    ]);
    expect(documents.map(startOf)).toEqual([
      { line: 4, column: 3 },
      { line: 5, column: 3 },
    ]);
    expect(documents.map((document) => document.declaredNamespace)).toEqual([undefined, 'shop']);
  });

  it('gives nothing for a List without items', () => {
    expect(parse('apiVersion: v1\nkind: List\nitems: []\n').documents).toEqual([]);
  });
});

describe('parseDocuments: YAML 1.1 scalars as Kubernetes decodes them', () => {
  it.each([
    ['yes', true],
    ['Yes', true],
    ['on', true],
    ['ON', true],
    ['y', true],
    ['true', true],
    ['no', false],
    ['off', false],
    ['n', false],
    ['0644', 420],
    ['0755', 493],
    ['0x1F', 31],
    ['0b101', 5],
    ['1_000', 1000],
    ['42', 42],
    ['1.5e3', 1500],
    ['"0644"', '0644'],
    ["'yes'", 'yes'],
    ['2001-12-14', '2001-12-14'],
    ['2001-12-14T21:59:43.10-05:00', '2001-12-14T21:59:43.10-05:00'],
    ['1:20', '1:20'],
    ['190:20:30', '190:20:30'],
    ['0o17', '0o17'],
    // Floats as go-yaml v2 resolves them: these stay strings for kubectl.
    ['.', '.'],
    ['-.', '-.'],
    ['e1', 'e1'],
    ['E5', 'E5'],
    ['._5', '._5'],
    ['.5e_3', '.5e_3'],
    ['.5', 0.5],
    ['1.', 1],
    ['-.5e3', -500],
    ['1_0.5', 10.5],
    ['1e_3', 1000],
    ['6.02E23', 6.02e23],
    ['~', null],
    ['null', null],
    ['', null],
  ])('%j decodes to %j', (scalar, expected) => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\n  annotations:\n    probe: ${scalar}\n`;
    const [document] = parse(text).documents;
    expect(document!.object.metadata).toEqual({ name: 'probe', annotations: { probe: expected } });
  });

  it('reads YAML 1.1 values in a real manifest', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: yes
      containers:
        - name: redis
          image: redis:7.2
          stdin: on
      volumes:
        - name: scripts
          configMap:
            name: redis-scripts
            defaultMode: 0755
`;
    const podSpec = fieldAt(parse(text).documents[0]!.object, ['spec', 'template', 'spec']);
    expect(fieldAt(podSpec, ['securityContext', 'runAsNonRoot'])).toBe(true);
    expect(fieldAt(podSpec, ['containers', 0, 'stdin'])).toBe(true);
    expect(fieldAt(podSpec, ['volumes', 0, 'configMap', 'defaultMode'])).toBe(493);
  });

  it('applies << merge keys, explicit keys overriding merged ones', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
  labels: &labels
    app.kubernetes.io/name: redis
    app.kubernetes.io/component: cache
spec:
  selector:
    matchLabels:
      <<: *labels
  template:
    metadata:
      labels:
        <<: *labels
        app.kubernetes.io/component: replica
        tier: backend
`;
    const { documents, problems } = parse(text);
    expect(problems).toEqual([]);
    const spec = documents[0]!.object.spec;
    expect(fieldAt(spec, ['selector', 'matchLabels'])).toEqual({ 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/component': 'cache' });
    expect(fieldAt(spec, ['template', 'metadata', 'labels'])).toEqual({
      'app.kubernetes.io/name': 'redis',
      'app.kubernetes.io/component': 'replica',
      tier: 'backend',
    });
  });
});

describe('parseDocuments: byte-order mark and CRLF', () => {
  const text = 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: app-config\r\n  namespace: shop\r\n';

  it('reads CRLF text with LF positions and no carriage return in values', () => {
    const [document] = parse(text).documents;
    expect(document!.object).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'shop' } });
    expect(startOf(document!)).toEqual({ line: 1, column: 1 });
    expect(locate(document!, ['metadata', 'namespace'])).toEqual({ line: 5, column: 14, endLine: 5, endColumn: 18 });
  });

  it('starts a file read from disk with a byte-order mark at 1:1', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stslint-bom-'));
    try {
      writeFileSync(path.join(dir, 'config.yaml'), `\uFEFF${text}`);
      const { files } = await readInputs(['config.yaml'], { cwd: dir });
      const [document] = parseDocuments(files[0]!).documents;
      expect(document!.name).toBe('app-config');
      expect(startOf(document!)).toEqual({ line: 1, column: 1 });
      expect(locate(document!, ['apiVersion'], 'key')).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 11 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts standard input with a byte-order mark at 1:1', async () => {
    const { files } = await readInputs(['-'], { cwd: '/repo', readStdin: async () => `\uFEFF${text}` });
    const [document] = parseDocuments(files[0]!).documents;
    expect(startOf(document!)).toEqual({ line: 1, column: 1 });
  });
});

describe('parseDocuments: .json files', () => {
  const json = `{
  "apiVersion": "apps/v1",
  "kind": "StatefulSet",
  "metadata": {
    "name": "mysql",
    "labels": {"enabled": "yes"}
  },
  "spec": {"serviceName": "mysql", "replicas": 3}
}
`;

  it('parses JSON with positions and JSON scalars', () => {
    const { documents, problems } = parse(json, '/repo/mysql.json');
    expect(problems).toEqual([]);
    expect(documents.map(summary)).toEqual([{ documentIndex: 0, listIndex: undefined, kind: 'StatefulSet', name: 'mysql' }]);
    expect(fieldAt(documents[0]!.object, ['metadata', 'labels', 'enabled'])).toBe('yes');
    expect(startOf(documents[0]!)).toEqual({ line: 1, column: 1 });
    expect(locate(documents[0]!, ['metadata', 'name'])).toEqual({ line: 5, column: 13, endLine: 5, endColumn: 20 });
    expect(locate(documents[0]!, ['spec', 'replicas'], 'key')).toEqual({ line: 8, column: 36, endLine: 8, endColumn: 46 });
  });

  it('reports a trailing comma as JSON_SYNTAX at the offending character and yields no document', () => {
    const broken = json.replace('"replicas": 3}', '"replicas": 3,}');
    const { documents, problems } = parse(broken, '/repo/mysql.JSON');
    expect(documents).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'JSON_SYNTAX', range: { line: 8, column: 50, endLine: 8, endColumn: 51 } });
    expect(broken.split('\n')[7]![49]).toBe('}');
    expect(problems[0]!.message).not.toMatch(/position/);
  });

  it('reports a comment in JSON (which YAML would accept) as JSON_SYNTAX', () => {
    const { documents, problems } = parse(json.replace('"spec"', '// replicas set by the operator\n  "spec"'), '/repo/mysql.json');
    expect(documents).toEqual([]);
    expect(problems.map((problem) => [problem.code, problem.range.line, problem.range.column])).toEqual([['JSON_SYNTAX', 8, 3]]);
  });

  it('reads a .yaml file holding JSON with YAML rules (no JSON_SYNTAX for a trailing comma)', () => {
    const { documents, problems } = parse(json.replace('"replicas": 3}', '"replicas": 3,}'), '/repo/mysql.yaml');
    expect(problems).toEqual([]);
    expect(documents.map((document) => document.name)).toEqual(['mysql']);
  });
});

describe('parseDocuments: duplicate keys', () => {
  it('reports DUPLICATE_KEY at the repeated key, by name, and lints the document with the last value', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: kafka
spec:
  serviceName: kafka-headless
  replicas: 3
  serviceName: kafka
`;
    const { documents, problems } = parse(text);
    expect(problems).toEqual([{ code: 'DUPLICATE_KEY', message: 'serviceName', range: { line: 8, column: 3, endLine: 8, endColumn: 14 } }]);
    expect(documents).toHaveLength(1);
    expect(documents[0]!.hasDuplicateKeys).toBe(true);
    expect(fieldAt(documents[0]!.object, ['spec', 'serviceName'])).toBe('kafka');
  });

  it('names a quoted duplicate key without its quotes and spans the quotes', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n  "name": second\n';
    const { documents, problems } = parse(text);
    expect(problems).toEqual([{ code: 'DUPLICATE_KEY', message: 'name', range: { line: 5, column: 3, endLine: 5, endColumn: 9 } }]);
    expect(documents.map((document) => document.name)).toEqual(['second']);
  });

  it('names a repeated key at its second occurrence when the first has an empty value', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
          ports:
            - containerPort: 80
`;
    const { documents, problems } = parse(text);
    expect(problems).toEqual([{ code: 'DUPLICATE_KEY', message: 'ports', range: { line: 12, column: 11, endLine: 12, endColumn: 16 } }]);
    expect(fieldAt(documents[0]!.object, ['spec', 'template', 'spec', 'containers', 0, 'ports'])).toEqual([{ containerPort: 80 }]);
  });

  it('names every repeated key, in flow mappings too, each at its repetition', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, name: b}\ndata:\n  x: ""\n  x:\n  x: "3"\n';
    const { problems } = parse(text);
    expect(problems.map((problem) => [problem.message, problem.range.line, problem.range.column])).toEqual([
      ['name', 3, 21],
      ['x', 6, 3],
      ['x', 7, 3],
    ]);
  });

  it('marks only the document that has a duplicate key', () => {
    const text = `${configMap('clean')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dirty\ndata:\n  a: "1"\n  a: "2"\n`;
    const { documents, problems } = parse(text);
    expect(documents.map((document) => [document.name, document.hasDuplicateKeys])).toEqual([
      ['clean', false],
      ['dirty', true],
    ]);
    expect(problems.map((problem) => [problem.message, problem.range.line])).toEqual([['a', 14]]);
  });
});

describe('parseDocuments: what is a Kubernetes object', () => {
  // core-rules, "Terms and input handling": a document without kind or apiVersion is reported at its
  // first line (the API server rejects it); nothing is skipped silently.
  it.each([
    ['apiVersion is not a string', 'apiVersion: 1\nkind: ConfigMap\nmetadata:\n  name: x\n', 'MISSING_API_VERSION', 'ConfigMap without apiVersion', 'apiVersion: 1'],
    ['kind is empty', 'apiVersion: v1\nkind: ""\nmetadata:\n  name: x\n', 'MISSING_KIND', 'no kind', 'apiVersion: v1'],
    ['kind is a list', 'apiVersion: v1\nkind: [ConfigMap]\n', 'MISSING_KIND', 'no kind', 'apiVersion: v1'],
    ['kind is missing', '# a ConfigMap without its kind\napiVersion: v1\nmetadata:\n  name: x\n', 'MISSING_KIND', 'no kind', 'apiVersion: v1'],
    ['only metadata and a spec', 'metadata:\n  name: web\nspec:\n  replicas: 2\n', 'MISSING_KIND', 'no kind and no apiVersion', 'metadata:'],
  ])('reports an object whose %s at its first line, and keeps no object', (_name, text, code, message, firstLine) => {
    const { documents, problems } = parse(text);
    expect(documents).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code, message });
    const { line, column, endLine, endColumn } = problems[0]!.range;
    expect(line).toBe(endLine);
    expect(text.split('\n')[line - 1]!.slice(column - 1, endColumn - 1)).toBe(firstLine);
  });

  // YAML with none of apiVersion, kind and metadata is no Kubernetes object at all (README, "How
  // manifests are read"): linting a repository's folder or staged files must not flag it.
  it.each([
    ['Helm values', 'replicaCount: 3\nimage:\n  repository: bitnami/postgresql\n  tag: "16.4.0"\n'],
    ['a CI workflow', 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n'],
    ['a top-level sequence (a JSON patch)', '- op: replace\n  path: /spec/replicas\n  value: 3\n'],
    ['a plain scalar', 'just some text\n'],
  ])('leaves out %s, which is not a Kubernetes object, without a problem', (_name, text) => {
    expect(parse(text)).toMatchObject({ documents: [], problems: [] });
  });

  it('keeps the Kubernetes objects next to a reported document', () => {
    const { documents, problems } = parse(`metadata:\n  name: lost\n---\n${configMap('kept')}`);
    expect(documents.map(summary)).toEqual([{ documentIndex: 1, listIndex: undefined, kind: 'ConfigMap', name: 'kept' }]);
    expect(problems.map((problem) => problem.code)).toEqual(['MISSING_KIND']);
  });

  it.each([
    ['an explicit null', '---\nnull\n---\n~\n'],
    ['a document of comments between markers', '---\n# replicas: 3\n---\n'],
  ])('skips %s, which holds no object (kubectl skips it too)', (_name, text) => {
    expect(parse(text)).toMatchObject({ documents: [], problems: [] });
  });

  const statefulSetWithoutApiVersion = `kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
`;
  const defaultApiVersion = (kind: string) => (kind === 'StatefulSet' ? 'apps/v1' : undefined);

  it('reads a known kind without apiVersion as the version the caller gives, and reports it', () => {
    const { documents, problems } = parseDocuments({ path: '/repo/db.yaml', text: statefulSetWithoutApiVersion }, { defaultApiVersion });
    expect(problems).toEqual([
      { code: 'MISSING_API_VERSION', message: 'StatefulSet without apiVersion', data: { kind: 'StatefulSet', apiVersion: 'apps/v1' }, range: { line: 1, column: 1, endLine: 1, endColumn: 18 } },
    ]);
    expect(documents.map((document) => [document.apiVersion, document.kind, document.name])).toEqual([['apps/v1', 'StatefulSet', 'db']]);
    expect(documents[0]!.object.apiVersion).toBeUndefined();
    expect(locate(documents[0]!, ['spec', 'replicas'])).toEqual({ line: 6, column: 13, endLine: 6, endColumn: 14 });
  });

  it('reports a kind without apiVersion that the caller does not know, and keeps no object', () => {
    const text = 'kind: Cluster\nmetadata:\n  name: pg\n---\n' + statefulSetWithoutApiVersion;
    const { documents, problems } = parseDocuments({ path: '/repo/db.yaml', text }, { defaultApiVersion });
    expect(problems.map((problem) => [problem.code, problem.data?.kind, problem.data?.apiVersion, problem.range.line])).toEqual([
      ['MISSING_API_VERSION', 'Cluster', '', 1],
      ['MISSING_API_VERSION', 'StatefulSet', 'apps/v1', 5],
    ]);
    expect(documents.map((document) => document.kind)).toEqual(['StatefulSet']);
  });

  it('keeps no object without apiVersion when the caller knows no kind', () => {
    const { documents, problems } = parse(statefulSetWithoutApiVersion);
    expect(documents).toEqual([]);
    expect(problems.map((problem) => problem.code)).toEqual(['MISSING_API_VERSION']);
  });

  it.each([
    ['name and namespace given', 'metadata:\n  name: postgres\n  namespace: data\n', 'postgres', 'data'],
    ['metadata missing', '', '', undefined],
    ['metadata null', 'metadata:\n', '', undefined],
    ['metadata a string', 'metadata: postgres\n', '', undefined],
    ['generateName only', 'metadata:\n  generateName: postgres-\n', '', undefined],
    ['name a number', 'metadata:\n  name: 42\n', '', undefined],
    ['name a quoted number', 'metadata:\n  name: "42"\n', '42', undefined],
    ['name a list', 'metadata:\n  name: [postgres]\n', '', undefined],
    ['namespace empty', 'metadata:\n  name: postgres\n  namespace: ""\n', 'postgres', undefined],
    ['namespace a number', 'metadata:\n  name: postgres\n  namespace: 7\n', 'postgres', undefined],
    ['namespace null', 'metadata:\n  name: postgres\n  namespace:\n', 'postgres', undefined],
  ])('%s: name %j, declaredNamespace %j', (_name, metadata, name, namespace) => {
    const [document] = parse(`apiVersion: apps/v1\nkind: StatefulSet\n${metadata}spec:\n  replicas: 1\n`).documents;
    expect(document).toBeDefined();
    expect(document!.name).toBe(name);
    expect(document!.declaredNamespace).toBe(namespace);
  });
});

describe('objects no rule reads are kept as their identity', () => {
  const text = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
  annotations:
    stslint/ignore: api-version-removed
spec:
  group: example.com
  versions: [{name: v1, served: true, storage: true}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  replicas: 3
---
base: &base
  apiVersion: example.com/v1
kind: Widget
<<: *base
spec: {size: 2}
`;
  const keepWhole = (apiVersion: string, kind: string) => apiVersion === 'apps/v1' && kind === 'StatefulSet';
  const [crd, statefulSet, merged] = parseDocuments({ path: '/repo/x.yaml', text }, { keepWhole }).documents;

  it('keeps apiVersion, kind and metadata of other kinds, with their positions', () => {
    expect(crd!.object).toEqual({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com', annotations: { 'stslint/ignore': 'api-version-removed' } } });
    expect(locate(crd!, ['metadata', 'annotations', 'stslint/ignore'])).toMatchObject({ line: 6, column: 21 });
    expect(locate(crd!, ['spec', 'group'])).toMatchObject({ line: 1, column: 1 });
  });

  it('keeps the kinds it is told to whole', () => {
    expect(statefulSet!.object).toMatchObject({ spec: { replicas: 3 } });
    expect(locate(statefulSet!, ['spec', 'replicas'])).toMatchObject({ line: 16, column: 13 });
  });

  it('reads a document with a merge key whole, as its identity may come from the merge', () => {
    expect(merged!.apiVersion).toBe('example.com/v1');
    expect(merged!.object).toMatchObject({ spec: { size: 2 } });
  });
});

describe('parseDocuments: a mapping or sequence as a key', () => {
  const configMap = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n${data}`;

  it.each([
    ['an explicit sequence key', '  ? [a, b]\n  : c\n', 'sequence', { line: 6, column: 5 }],
    ['a flow mapping as an implicit key', '  {a: 1}: c\n', 'mapping', { line: 6, column: 3 }],
    ['an alias of a sequence', '  list: &keys [a, b]\n  *keys : c\n', 'sequence', { line: 7, column: 3 }],
  ])('reports %s where it is written, and does not lint the document (kubectl rejects it)', (_name, data, shape, position) => {
    // `yaml` warns on the process (process.emitWarning, printed on stderr) when such a key becomes
    // an object key: nothing may reach stderr.
    const emitWarning = vi.spyOn(process, 'emitWarning');
    try {
      const parsed = parse(`${configMap(data)}---\n${configMap('  key: value\n')}`);
      expect(parsed.problems).toEqual([{ code: 'COLLECTION_KEY', message: shape, range: expect.objectContaining(position) }]);
      expect(parsed.documents.map((document) => document.documentIndex)).toEqual([1]);
      expect(emitWarning).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
    }
  });

  it('leaves scalar keys alone, even beside `? ` in a value or `]:` in a string', () => {
    const parsed = parse(configMap('  script: "test $? -eq 0"\n  "[x]": "y"\n  note: "[a]: b"\n'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents).toHaveLength(1);
  });
});
