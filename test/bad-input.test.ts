import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../rules/index.js';
import { lintSources } from '../src/engine/lint.js';
import { readInputs } from '../src/parser/read-inputs.js';

// Bad input never crashes stslint: each malformed shape gives a finding or is skipped, never an
// exception and never an internal-error finding.
const STATEFUL_SET_HEAD = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n';

function lint(text: string, file = '/repo/bad.yaml') {
  const [result] = lintSources([{ path: file, text }], { rules: ALL_RULES });
  return result!.findings;
}

const SHAPES: [string, string][] = [
  ['spec is a string', `${STATEFUL_SET_HEAD}spec: "x"\n`],
  ['spec is null', `${STATEFUL_SET_HEAD}spec:\n`],
  ['replicas is a string', `${STATEFUL_SET_HEAD}spec:\n  replicas: "3"\n  serviceName: db\n  template:\n    spec:\n      containers:\n        - name: mysql\n          image: mysql:8.4\n`],
  ['replicas is huge', `${STATEFUL_SET_HEAD}spec:\n  replicas: 123456789012345678901234567890\n  template:\n    spec:\n      containers:\n        - {name: pg, image: postgres:16}\n`],
  ['replicas is infinite', `${STATEFUL_SET_HEAD}spec:\n  replicas: .inf\n  template:\n    spec:\n      containers: [{name: pg, image: postgres:16}]\n`],
  ['containers is a map', `${STATEFUL_SET_HEAD}spec:\n  template:\n    spec:\n      containers: {}\n      initContainers: "none"\n`],
  ['containers holds junk', `${STATEFUL_SET_HEAD}spec:\n  replicas: 3\n  template:\n    spec:\n      containers: [null, 1, "x", {name: 1, image: 2, command: 3, args: {a: 1}, env: "x", volumeMounts: 5}]\n      volumes: [null, 7, {name: data, hostPath: "x"}, {hostPath: {path: 3}}]\n`],
  ['metadata and labels are null', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\nspec:\n  selector:\n    matchLabels:\n  template:\n    metadata:\n      labels:\n'],
  ['labels are not strings', `${STATEFUL_SET_HEAD}spec:\n  serviceName: 42\n  selector:\n    matchLabels: {app: 1, tier: true}\n    matchExpressions: [{key: x, operator: In, values: [1, null]}, null, 5]\n  template:\n    metadata:\n      labels: {app: 1, tier: true, nested: [1]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: 42}\nspec: {clusterIP: null, selector: {app: 1}}\n`],
  ['claim templates are junk', `${STATEFUL_SET_HEAD}spec:\n  volumeClaimTemplates: "abc"\n---\n${STATEFUL_SET_HEAD}spec:\n  volumeClaimTemplates: [null, 1, {metadata: 2, spec: {storageClassName: 7, selector: "x", volumeName: {}}}]\n`],
  ['related objects are junk', `${STATEFUL_SET_HEAD}spec:\n  serviceName: db\n  volumeClaimTemplates: [{metadata: {name: d}, spec: {storageClassName: local}}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: "x"\n---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local}\nprovisioner: [1]\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec: {storageClassName: local, nodeAffinity: "x", local: null, claimRef: 5}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: 5\n`],
  ['a List with junk items', 'apiVersion: v1\nkind: List\nitems: [null, 1, {kind: StatefulSet}, {apiVersion: apps/v1, kind: StatefulSet, spec: 1}]\n---\napiVersion: v1\nkind: List\nitems: null\n'],
  ['kind and apiVersion are not strings', 'apiVersion: 1\nkind: [StatefulSet]\n---\napiVersion: apps/v1\nkind: null\n'],
  ['a top-level sequence and scalars', '- a\n- b\n---\njust a string\n---\n42\n'],
];

describe('bad input', () => {
  it.each(SHAPES)('%s: no crash, no internal-error', (_name, text) => {
    const findings = lint(text);
    expect(findings.filter((finding) => finding.ruleId === 'internal-error')).toEqual([]);
    for (const finding of findings) {
      expect(finding.range.line).toBeGreaterThanOrEqual(1);
      expect(finding.range.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('reports a missing selector when spec is a string', () => {
    expect(lint(SHAPES[0]![1]).map((f) => f.ruleId)).toContain('pod-selector-mismatch');
  });

  it.each(['', '\n\n', '# only a comment\n', '---\n---\n', '\uFEFF'])('an empty file %j gives nothing', (text) => {
    expect(lint(text)).toEqual([]);
  });

  it('reports a binary file as yaml-syntax at 1:1 and does not parse it', () => {
    const findings = lint('apiVersion: v1\u0000\u0001\u0002kind: x');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'yaml-syntax', fatal: true, range: { line: 1, column: 1 } });
    expect(findings[0]!.message).toContain('not text');
  });

  it('survives a 30,000-character claim template name beside a misspelt mount (found by the fuzzer: once out of memory)', () => {
    const name = `persistent-sto${'a'.repeat(30_000)}`;
    const text = `${STATEFUL_SET_HEAD}spec:\n  serviceName: db\n  replicas: 1\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers:\n        - name: nginx\n          image: nginx:1.27\n          volumeMounts: [{name: persistent-storage, mountPath: /data}]\n  volumeClaimTemplates:\n    - metadata: {name: ${name}}\n      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n`;
    const findings = lint(text);
    expect(findings.filter((finding) => finding.ruleId === 'volume-mount-unresolved')).toHaveLength(1);
    expect(findings.every((finding) => finding.message.length <= 120)).toBe(true);
  });

  it('survives an alias bomb (billion laughs) with an input-limit finding naming the option that raises it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const findings = lint(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([['input-limit', 'Document expands more than 10000 aliases; not linted (raise it with --max-aliases)']]);
  });

  it('keeps findings of other files when one file is broken', () => {
    const results = lintSources(
      [
        { path: '/repo/a.yaml', text: 'a: [1\n' },
        { path: '/repo/b.yaml', text: `${STATEFUL_SET_HEAD}spec:\n  serviceName: db\n` },
      ],
      { rules: ALL_RULES },
    );
    expect(results[0]!.findings.map((f) => f.ruleId)).toEqual(['yaml-syntax']);
    expect(results[1]!.findings.map((f) => f.ruleId)).toContain('pod-selector-mismatch');
  });

  it('turns an unreadable file into an input error and reads the others', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stslint-unreadable-'));
    writeFileSync(path.join(dir, 'a.yaml'), 'a: 1\n');
    writeFileSync(path.join(dir, 'b.yaml'), 'b: 1\n');
    const { files, errors } = await readInputs([dir], {
      cwd: dir,
      readFile: async (file) => {
        if (file.endsWith('a.yaml')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return new TextEncoder().encode('b: 1\n');
      },
    });
    expect(errors).toEqual([{ path: path.join(dir, 'a.yaml'), message: 'Permission denied' }]);
    expect(files.map((f) => path.basename(f.path))).toEqual(['b.yaml']);
  });

  it('walks a folder with a symbolic link loop once, skipping node_modules and dot-folders', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stslint-loop-'));
    mkdirSync(path.join(dir, 'k8s'));
    mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
    mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(path.join(dir, 'k8s', 'db.yaml'), 'a: 1\n');
    writeFileSync(path.join(dir, 'node_modules', 'x', 'chart.yaml'), 'a: 1\n');
    writeFileSync(path.join(dir, '.github', 'workflows', 'ci.yml'), 'on: push\n');
    symlinkSync('..', path.join(dir, 'k8s', 'parent'));
    symlinkSync('self-loop', path.join(dir, 'self-loop'));
    const { files, errors } = await readInputs([dir], { cwd: dir });
    expect(files.map((f) => path.relative(dir, f.path))).toEqual([path.join('k8s', 'db.yaml')]);
    expect(errors).toEqual([]);
    const direct = await readInputs([path.join(dir, 'self-loop')], { cwd: dir });
    expect(direct.errors).toEqual([{ path: path.join(dir, 'self-loop'), message: 'Too many levels of symbolic links' }]);
  });
});
