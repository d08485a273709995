import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { lintSources } from '../../src/engine/lint.js';
import { holdsDependencies } from '../../src/index/dependents.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';
import { readInputs } from '../../src/parser/read-inputs.js';
import type { SourceFile } from '../../src/parser/source-file.js';
import { corpusFolders, readCorpusFolder } from '../support/corpus.js';
import { FIXTURES, ROOT } from '../support/fixtures.js';

// The language server passes only files that hold a kind a StatefulSet can depend on
// (`DEPENDENCY_KINDS`: Service, Endpoints, EndpointSlice, PersistentVolume, PersistentVolumeClaim,
// StorageClass, ConfigMap, PodDisruptionBudget) as context. That is sound only while no rule looks
// up another kind: linting the StatefulSet files with all the other files as context, or with only
// those, must give the same findings.
function expectSameFindings(files: readonly SourceFile[]): void {
  const linted = files.filter((file) => /^kind:\s*["']?StatefulSet\b/m.test(file.text) || /"kind":\s*"StatefulSet"/.test(file.text));
  const others = files.filter((file) => !linted.includes(file));
  const withAll = lintSources(linted, { rules: ALL_RULES, context: others });
  const withReferenced = lintSources(linted, { rules: ALL_RULES, context: others.filter((file) => holdsDependencies(parseDocuments(file))) });
  expect(withReferenced.flatMap((result) => result.findings)).toEqual(withAll.flatMap((result) => result.findings));
}

describe('context limited to the kinds a StatefulSet depends on', () => {
  it.each(corpusFolders())('changes no finding in corpus folder %s', async (folder) => {
    expectSameFindings(await readCorpusFolder(folder));
  });

  it('changes no finding in the rule fixtures linted as one run', async () => {
    const { files } = await readInputs([FIXTURES, path.join(ROOT, 'examples')], { cwd: ROOT });
    expectSameFindings(files);
  });

  it('recognises the referenced kinds by API group, in Lists too', () => {
    const holds = (text: string) => holdsDependencies(parseDocuments({ path: '/w/x.yaml', text }));
    expect(holds('apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n')).toBe(true);
    expect(holds('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n')).toBe(true);
    expect(holds('apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: zk-pdb\n')).toBe(true);
    expect(holds('apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: zk-pdb\n')).toBe(true);
    expect(holds('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: c\n')).toBe(true);
    expect(holds('apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: web\n')).toBe(false);
    expect(holds('apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n')).toBe(false);
  });
});
