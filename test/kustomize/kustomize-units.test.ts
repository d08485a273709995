import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuiltObjects } from '../../src/kustomize/built-objects.js';
import { readKustomization } from '../../src/kustomize/kustomization.js';
import { kustomizeMessage } from '../../src/kustomize/kustomize-build.js';
import { KustomizeTrees, readSourceFromDisk } from '../../src/kustomize/kustomize-trees.js';
import { matchesPatchTarget, matchesSelector } from '../../src/kustomize/patch-target.js';
import { TreeFiles } from '../../src/kustomize/tree-files.js';
import type { NodePath } from '../../src/parser/locate.js';
import { locateSource } from '../../src/parser/source-location.js';
import { parseJsonPointer } from '../../src/text/json-pointer.js';

const scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stslint-kustomize-units-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes files under a fresh folder; returns its path. */
function tree(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('readKustomization', () => {
  const root = tree('read', { 'base/kustomization.yaml': 'resources: [a.yaml]\n', 'base/a.yaml': 'kind: x\n', 'patch.yaml': 'kind: x\n' });
  const text = [
    'resources:', //                                      1
    '  - base', //                                        2
    '  - https://github.com/example/app//deploy?ref=v1', // 3
    'bases: [github.com/example/other/base]', //          4
    'components: [../components/ha]', //                  5
    'patchesStrategicMerge:', //                          6
    '  - patch.yaml', //                                  7
    'patches:', //                                        8
    '  - target: {kind: StatefulSet, name: "db.*"}', //   9
    '    patch: |-', //                                   10
    '      - op: replace', //                             11
    '        path: /spec/replicas', //                    12
    '        value: 3', //                                13
    '  - patch: \'[{"op": "remove", "path": "/spec/x"}]\'', // 14
    '    target: {kind: Service}', //                     15
    'configMapGenerator:', //                             16
    '  - name: settings', //                              17
    '    files: [app.properties, conf=extra.conf]', //    18
    'replicas: [{name: db, count: 3}]', //                19
    'images: [{name: postgres, newTag: "16.4"}]', //      20
    'namespace: shop', //                                 21
  ].join('\n');
  const kustomization = readKustomization({ path: path.join(root, 'kustomization.yaml'), text });

  it('lists what it references, local or remote, with the role kustomize gives it', () => {
    expect(kustomization.references.map((reference) => [reference.role, reference.written, reference.remote])).toEqual([
      ['resource', 'base', false],
      ['resource', 'https://github.com/example/app//deploy?ref=v1', true],
      ['resource', 'github.com/example/other/base', true],
      ['component', '../components/ha', false],
      ['input', 'app.properties', false],
      ['input', 'extra.conf', false],
      ['patch', 'patch.yaml', false],
    ]);
  });

  it('keeps patches in the order kustomize applies their phases, with targets', () => {
    expect(kustomization.patches.map((patch) => [patch.phase, patch.file ? path.basename(patch.file) : 'inline', patch.target?.kind])).toEqual([
      ['patchesStrategicMerge', 'patch.yaml', undefined],
      ['patches', 'inline', 'StatefulSet'],
      ['patches', 'inline', 'Service'],
    ]);
    expect(kustomization.replicas).toEqual([{ name: 'db', at: ['replicas', 0, 'count'] }]);
    expect(kustomization.images).toMatchObject([{ name: 'postgres', sets: 'newTag' }]);
    expect(kustomization.generators).toEqual([{ kind: 'ConfigMapGenerator', name: 'settings', at: ['configMapGenerator', 0] }]);
  });

  it('maps positions of an inline block patch, and of a one-line flow patch, back to the kustomization', () => {
    const block = kustomization.patches[1]!.inline!;
    expect(block.text.split('\n')[1]).toBe('  path: /spec/replicas');
    expect(block.toFile({ line: 3, column: 10, endLine: 3, endColumn: 11 })).toEqual({ line: 13, column: 16, endLine: 13, endColumn: 17 });
    const flow = kustomization.patches[2]!.inline!;
    expect(flow.toFile({ line: 1, column: 2, endLine: 1, endColumn: 3 })).toEqual({ line: 14, column: 14, endLine: 14, endColumn: 15 });
  });

  it('reads a file that does not parse as a kustomization without entries', () => {
    const broken = readKustomization({ path: path.join(root, 'x/kustomization.yaml'), text: 'resources: [a\n' });
    expect(broken.syntaxError).toBeDefined();
    expect(broken.references).toEqual([]);
  });
});

describe('KustomizeTrees', () => {
  const root = tree('tops', {
    'base/kustomization.yaml': 'resources: [db.yaml]\n',
    'base/db.yaml': 'kind: x\n',
    'mid/kustomization.yaml': 'resources: [../base]\npatches: [{path: p.yaml}]\n',
    'mid/p.yaml': 'kind: x\n',
    'overlays/prod/kustomization.yaml': 'resources: [../../mid, missing.yaml]\ncomponents: [../../ha]\n',
    'ha/kustomization.yaml': 'kind: Component\npatches: [{path: ha.yaml}]\n',
    'ha/ha.yaml': 'kind: x\n',
    'other/kustomization.yaml': 'resources: [../base]\n',
  });
  const file = (relative: string) => path.join(root, relative);

  it('finds the tops: kustomizations no other one reaches, components never', async () => {
    const trees = await KustomizeTrees.load([file('base/kustomization.yaml'), file('overlays/prod/kustomization.yaml'), file('ha/kustomization.yaml')], readSourceFromDisk);
    expect(trees.tops([file('base/kustomization.yaml'), file('overlays/prod/kustomization.yaml'), file('ha/kustomization.yaml')]).map((top) => path.relative(root, top.directory))).toEqual(['overlays/prod']);
    // Among the base alone, the base is the top.
    expect(trees.tops([file('base/kustomization.yaml')]).map((top) => path.relative(root, top.directory))).toEqual(['base']);
  });

  it('collects the files of a tree: resources through bases, patches of every level, what is missing', async () => {
    const trees = await KustomizeTrees.load([file('overlays/prod/kustomization.yaml')], readSourceFromDisk);
    const built = trees.tree(trees.tops([file('overlays/prod/kustomization.yaml')])[0]!);
    expect(built.kustomizations.map((kustomization) => path.relative(root, kustomization.directory))).toEqual(['overlays/prod', 'mid', 'base', 'ha']);
    expect(built.resourceFiles.map((resource) => path.relative(root, resource))).toEqual(['base/db.yaml']);
    expect(built.patchFiles.map((patch) => path.relative(root, patch)).sort()).toEqual(['ha/ha.yaml', 'mid/p.yaml']);
    expect(built.missing.map((reference) => reference.written)).toEqual(['missing.yaml']);
  });
});

describe('patch targets', () => {
  it.each([
    ['app=db', { app: 'db' }, true],
    ['app==db,tier!=cache', { app: 'db', tier: 'data' }, true],
    ['app in (db, cache)', { app: 'cache' }, true],
    ['app notin (db),!canary', { app: 'web', canary: 'yes' }, false],
    ['canary', { canary: '' }, true],
    ['app=', { app: '' }, true],
  ])('selector %s on %j: %s', (selector, labels, expected) => {
    expect(matchesSelector(selector, labels)).toBe(expected);
  });

  it('matches kind, group and names as whole regular expressions, current or original', () => {
    const candidate = { apiVersion: 'apps/v1', kind: 'StatefulSet', names: ['db', 'prod-db'], namespaces: [undefined], labels: {}, annotations: {} };
    expect(matchesPatchTarget({ group: 'apps', kind: 'StatefulSet', name: 'db' }, candidate)).toBe(true);
    expect(matchesPatchTarget({ name: 'prod-.*' }, candidate)).toBe(true);
    expect(matchesPatchTarget({ name: 'd' }, candidate)).toBe(false);
    expect(matchesPatchTarget({ group: '', kind: 'StatefulSet' }, candidate)).toBe(false);
  });
});

describe('parseJsonPointer (RFC 6901)', () => {
  it.each([
    ['', []],
    ['/spec/replicas', ['spec', 'replicas']],
    ['/metadata/annotations/a~1b~0c', ['metadata', 'annotations', 'a/b~c']],
    ['/spec/containers/0/image', ['spec', 'containers', '0', 'image']],
    ['spec', undefined],
  ])('%s', (pointer, tokens) => {
    expect(parseJsonPointer(pointer)).toEqual(tokens);
  });
});

describe('kustomizeMessage', () => {
  const directory = '/repo/overlays/prod';
  it('reads kubectl\'s err="…", keeps the innermost layer, and shows paths relative to the working folder', () => {
    const stderr =
      'E1204 02:42:46.636162     980 run.go:72] "command failed" err="accumulating resources: accumulation err=\'accumulating resources from \'../repo/overlays/prod\': \'/repo/overlays/prod\' must resolve to a file\': recursed accumulation of path \'/repo/overlays/prod\': accumulating resources: accumulation err=\'accumulating resources from \'missing.yaml\': evalsymlink failure on \'/repo/overlays/prod/missing.yaml\' : lstat /repo/overlays/prod/missing.yaml: no such file or directory\': must build at directory: not a valid directory"\n';
    expect(kustomizeMessage(stderr, directory, '/repo')).toBe(
      "accumulating resources from 'missing.yaml': evalsymlink failure on 'overlays/prod/missing.yaml' : lstat overlays/prod/missing.yaml: no such file or directory",
    );
  });

  it("reads kubectl's multi-line err=<…> block and kustomize's Error: line", () => {
    expect(kustomizeMessage('E1 run.go:72] "command failed" err=<\n\tfirst line\n\tsecond line\n >\n', directory, '/elsewhere')).toBe('first line second line');
    expect(kustomizeMessage('Error: no matches for Id StatefulSet.v1.apps/db.[noNs]\n', directory, '/repo')).toBe('no matches for Id StatefulSet.v1.apps/db.[noNs]');
  });
});

describe('KustomizeOrigin: which line wrote a field', () => {
  const root = tree('origin', {
    'base/db.yaml': [
      'apiVersion: apps/v1', //              1
      'kind: StatefulSet', //                2
      'metadata:', //                        3
      '  name: db', //                       4
      'spec:', //                            5
      '  template:', //                      6
      '    spec:', //                        7
      '      containers:', //                8
      '        - name: postgres', //         9
      '          image: postgres:16', //     10
      '        - name: exporter', //         11
      '          image: exporter:1', //      12
      '  volumeClaimTemplates:', //          13
      '    - metadata: {name: data}', //     14
      '      spec: {storageClassName: standard}', // 15
      '',
    ].join('\n'),
    'overlay/kustomization.yaml': [
      'namespace: shop', //                  1
      'resources: [../base/db.yaml]', //     2
      'patches:', //                         3
      '  - path: containers.yaml', //        4
      '  - path: claims.yaml', //            5
      '  - target: {kind: StatefulSet}', //  6
      '    patch: |-', //                    7
      '      - op: add', //                  8
      '        path: /spec/template/spec/securityContext', // 9
      '        value:', //                   10
      '          runAsUser: 999', //         11
      'images:', //                          12
      '  - name: exporter', //               13
      '    newTag: "2"', //                  14
      '',
    ].join('\n'),
    'overlay/containers.yaml': [
      'apiVersion: apps/v1', //              1
      'kind: StatefulSet', //                2
      'metadata: {name: db}', //             3
      'spec:', //                            4
      '  template:', //                      5
      '    spec:', //                        6
      '      containers:', //                7
      '        - name: postgres', //         8
      '          image: postgres:16.4', //   9
      '',
    ].join('\n'),
    'overlay/claims.yaml': [
      'apiVersion: apps/v1', //              1
      'kind: StatefulSet', //                2
      'metadata: {name: db}', //             3
      'spec:', //                            4
      '  volumeClaimTemplates:', //          5
      '    - metadata: {name: data}', //     6
      '      spec:', //                      7
      '        resources: {requests: {storage: 1Gi}}', // 8
      '',
    ].join('\n'),
  });

  async function builtObject() {
    const kustomizationFile = path.join(root, 'overlay/kustomization.yaml');
    const trees = await KustomizeTrees.load([kustomizationFile], readSourceFromDisk);
    const top = trees.tops([kustomizationFile])[0]!;
    const files = new Map();
    for (const file of trees.tree(top).files) files.set(file, (await readSourceFromDisk(file))!);
    // What kustomize prints for this tree (wrapper in <root>/wrapper): containers in the base's order.
    const output = [
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata:',
      '  annotations:',
      '    alpha.config.kubernetes.io/transformations: |',
      '      - configuredIn: ../overlay/kustomization.yaml',
      '        configuredBy: {apiVersion: builtin, kind: PatchTransformer}',
      '    config.kubernetes.io/origin: |',
      '      path: ../base/db.yaml',
      '  name: db',
      '  namespace: shop',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: postgres:16.4',
      '        name: postgres',
      '      - image: exporter:2',
      '        name: exporter',
      '      securityContext: {runAsUser: 999}',
      '  volumeClaimTemplates:',
      '  - metadata: {name: data}',
      '    spec:',
      '      resources: {requests: {storage: 1Gi}}',
      '',
    ].join('\n');
    const parsed = readBuiltObjects(output, path.join(root, 'wrapper'), trees.tree(top), trees.kustomizations, new TreeFiles(files));
    return parsed.documents[0]!;
  }

  const at = async (fieldPath: NodePath, target: 'key' | 'value' = 'value') => {
    const { file, range } = locateSource(await builtObject(), fieldPath, target);
    return `${path.relative(root, file)}:${range.line}:${range.column}`;
  };

  it('removes the build metadata from what rules see', async () => {
    const document = await builtObject();
    expect(document.object.metadata).toEqual({ name: 'db', namespace: 'shop' });
  });

  it('a strategic-merge patch wins for what it sets; list items are matched by merge key, not index', async () => {
    expect(await at(['spec', 'template', 'spec', 'containers', 0, 'image'])).toBe('overlay/containers.yaml:9:18');
    expect(await at(['spec', 'template', 'spec', 'containers', 1, 'name'])).toBe('base/db.yaml:11:17');
  });

  it('images and namespace of the kustomization are their entries', async () => {
    expect(await at(['spec', 'template', 'spec', 'containers', 1, 'image'])).toBe('overlay/kustomization.yaml:14:13');
    expect(await at(['metadata', 'namespace'])).toBe('overlay/kustomization.yaml:1:12');
    expect(await at(['metadata', 'name'])).toBe('base/db.yaml:4:9');
  });

  it('a list without merge key is replaced by the patch: its fields, present or missing, are the patch\'s', async () => {
    expect(await at(['spec', 'volumeClaimTemplates', 0, 'spec', 'storageClassName'], 'key')).toBe('overlay/claims.yaml:7:7');
    expect(await at(['spec', 'volumeClaimTemplates', 0, 'spec', 'resources'], 'key')).toBe('overlay/claims.yaml:8:9');
  });

  it('a JSON 6902 operation on a parent is the place of the fields inside its value', async () => {
    expect(await at(['spec', 'template', 'spec', 'securityContext', 'runAsUser'])).toBe('overlay/kustomization.yaml:11:22');
    expect(await at(['spec', 'template', 'spec', 'securityContext', 'fsGroup'], 'key')).toBe('overlay/kustomization.yaml:10:9');
  });

  it('a field no one wrote is at its nearest ancestor in the origin file', async () => {
    expect(await at(['spec', 'podManagementPolicy'], 'key')).toBe('base/db.yaml:5:1');
  });
});

describe('patch target patterns from an untrusted kustomization', () => {
  const candidate = (name: string) => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', names: [name], namespaces: [undefined], labels: {}, annotations: {} });

  it('runs in linear time: a catastrophic pattern (backtracking for ever in JavaScript) returns', () => {
    expect(matchesPatchTarget({ name: '(a+)+$' }, candidate(`${'a'.repeat(5_000)}!`))).toBe(false);
  });

  it('matches Go regexp syntax as a whole, and a pattern RE2 rejects only literally', () => {
    expect(matchesPatchTarget({ name: 'db-.*' }, candidate('db-0'))).toBe(true);
    expect(matchesPatchTarget({ name: 'db' }, candidate('db-0'))).toBe(false);
    expect(matchesPatchTarget({ name: '(?<=a)b' }, candidate('b'))).toBe(false);
    expect(matchesPatchTarget({ name: '(?<=a)b' }, candidate('(?<=a)b'))).toBe(true);
  });
});
