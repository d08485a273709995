import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import apiVersionRemoved from '../../rules/api-version-removed.js';
import schemaViolation from '../../rules/schema-violation.js';
import { interpolate } from '../../src/engine/interpolate.js';
import { locate } from '../../src/parser/locate.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';
import type { SourceFile } from '../../src/parser/source-file.js';
import { validateObject } from '../../src/schema/validate-object.js';
import { corpusFolders, corpusRoot, lintCorpusFolder, readCorpusFolder, type FolderRun } from '../support/corpus.js';

// Every schema-violation and api-version-removed finding on the shared corpus, reviewed. Each one is
// a manifest the API server rejects as written; none is a false positive. A new line in the output
// (a schema bump, a message change, a corpus update) fails this test until it is reviewed here.
// Kustomize patches are not objects of their own and are never linted as such (issue 8; the corpus
// folders with kustomize trees are linted as trees, see lintCorpusFolder).
const KEPT: readonly (readonly [finding: string, reason: string])[] = [
  ['cvallance__mongo-k8s-sidecar/example__StatefulSet__googlecloud_ssd.yaml:14:13: apiVersion "storage.k8s.io/v1beta1" was removed in Kubernetes 1.22; use "storage.k8s.io/v1" [api-version-removed]', 'old example'],
  ['cvallance__mongo-k8s-sidecar/example__StatefulSet__mongo-statefulset.yaml:28:13: apiVersion "apps/v1beta1" was removed in Kubernetes 1.16; use "apps/v1" [api-version-removed]', 'old example'],
  ['jaegertracing__jaeger-kubernetes/production-elasticsearch__elasticsearch.yml:18:15: apiVersion "apps/v1beta1" was removed in Kubernetes 1.16; use "apps/v1" [api-version-removed]', 'old example'],
  ['kubernetes-retired__contrib/statefulsets__kafka__kafka.yaml:16:13: apiVersion "policy/v1beta1" was removed in Kubernetes 1.25; use "policy/v1" [api-version-removed]', 'retired repository'],
  ['kubernetes-retired__contrib/statefulsets__kafka__kafka.yaml:26:13: apiVersion "apps/v1beta1" was removed in Kubernetes 1.16; use "apps/v1" [api-version-removed]', 'retired repository'],
  ['kubernetes-retired__contrib/statefulsets__zookeeper__zookeeper.yaml:31:13: apiVersion "policy/v1beta1" was removed in Kubernetes 1.25; use "policy/v1" [api-version-removed]', 'retired repository'],
  ['kubernetes-retired__contrib/statefulsets__zookeeper__zookeeper.yaml:41:13: apiVersion "apps/v1beta1" was removed in Kubernetes 1.16; use "apps/v1" [api-version-removed]', 'retired repository'],
  ['kubernetes__examples/_archived__cockroachdb__cockroachdb-statefulset.yaml:57:13: apiVersion "policy/v1beta1" was removed in Kubernetes 1.25; use "policy/v1" [api-version-removed]', 'archived example'],
  ['openebs__dynamic-localpv-provisioner/e2e-tests__apps__busybox__deployers__busybox_statefulset.yml:20:3: Unknown field "rkey" in spec, refused or dropped [schema-violation]', 'e2e template: a placeholder key the test harness replaces'],
  ['openebs__dynamic-localpv-provisioner/e2e-tests__apps__busybox__deployers__busybox_statefulset.yml:48:20: spec.volumeClaimTemplates[0].spec.resources.requests.storage "teststorage" is not a quantity like 1Gi or 500m [schema-violation]', 'e2e template placeholder'],
  ['openebs__dynamic-localpv-provisioner/e2e-tests__experiments__chaos__local_pv_disk_reuse__busybox_statefulset.yml:60:20: spec.volumeClaimTemplates[0].spec.resources.requests.storage "teststorage" is not a quantity like 1Gi or 500m [schema-violation]', 'e2e template placeholder'],
  ['openebs__openebs/k8s__demo__cockroachDB__cockroachdb-sts.yaml:3:13: apiVersion "policy/v1beta1" was removed in Kubernetes 1.25; use "policy/v1" [api-version-removed]', 'old demo'],
  ['openebs__openebs/k8s__demo__kafka__03-zookeeper.yaml:34:13: apiVersion "policy/v1beta1" was removed in Kubernetes 1.25; use "policy/v1" [api-version-removed]', 'old demo'],
  ...[
    'percona__percona-server-mongodb-operator/e2e-tests__arbiter__compare__statefulset_arbiter-clusterip-rs0-arbiter.yml:15:7',
    'percona__percona-server-mongodb-operator/e2e-tests__custom-tls__compare__statefulset_some-name-cfg.yml:15:7',
    'percona__percona-server-mongodb-operator/e2e-tests__custom-tls__compare__statefulset_some-name-mongos.yml:14:7',
    'percona__percona-server-mongodb-operator/e2e-tests__init-deploy__compare__service_some-name-rs0.yml:13:7',
    'percona__percona-server-mongodb-operator/e2e-tests__init-deploy__compare__statefulset_some-name-rs0.yml:15:7',
    'percona__percona-xtradb-cluster-operator/e2e-tests__default-cr__compare__statefulset_cluster1-haproxy.yml:7:7',
    'percona__percona-xtradb-cluster-operator/e2e-tests__init-deploy__compare__statefulset_some-name-proxysql.yml:7:7',
  ].flatMap((where) =>
    ['apiVersion', 'uid'].map(
      (field) => [`${where}: metadata.ownerReferences[0].${field} is required: the API server rejects the object without it [schema-violation]`, 'e2e comparison snapshot with ownerReferences fields filtered out, not an applicable manifest'] as const,
    ),
  ),
];

const folders = corpusFolders();
const sources = new Map<string, SourceFile[]>();
const runs = new Map<string, FolderRun>();

beforeAll(async () => {
  for (const folder of folders) {
    sources.set(folder, await readCorpusFolder(folder));
    runs.set(folder, await lintCorpusFolder(folder, [schemaViolation, apiVersionRemoved], [], sources.get(folder)!));
  }
});

function relative(file: string): string {
  return path.relative(corpusRoot(), file).split(path.sep).join('/');
}

describe('schema rules on the shared corpus', () => {
  it('report exactly the reviewed findings', () => {
    const lines: string[] = [];
    for (const folder of folders) {
      for (const finding of runs.get(folder)!.findings) {
        lines.push(`${relative(finding.file)}:${finding.range.line}:${finding.range.column}: ${finding.message} [${finding.ruleId}]`);
      }
    }
    expect(lines.sort()).toEqual(KEPT.map(([finding]) => finding).sort());
  });

  it('find no other schema problem in any object, whichever kinds the engine dispatches', () => {
    const kept = new Set(KEPT.map(([finding]) => finding));
    const unexpected: string[] = [];
    let checked = 0;
    const notObjects = new Set([...runs.values()].flatMap((run) => [...run.notObjects]));
    for (const file of [...sources.values()].flat()) {
      if (notObjects.has(file.path)) continue;
      for (const document of parseDocuments(file).documents) {
        const result = validateObject(document);
        if (!Array.isArray(result)) continue;
        checked++;
        for (const problem of result) {
          const range = locate(document, problem.path, problem.target);
          const line = `${relative(file.path)}:${range.line}:${range.column}: ${interpolate(schemaViolation.messages[problem.messageId], problem.data)} [schema-violation]`;
          if (!kept.has(line)) unexpected.push(line);
        }
      }
    }
    expect(unexpected).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });
});
