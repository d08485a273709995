import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../src/cli/process-io.js';
import { formatCompact } from '../src/formatters/compact.js';
import { kustomizeBuilder } from '../src/kustomize/kustomize-build.js';
import { ALL_RULES } from '../rules/index.js';
import { KUBECTL, reportKubectlSkip } from './support/kubectl.js';
import {
  CORPUS,
  ROOT,
  corpusFolders,
  lintCorpusFolder,
  lintCorpusTree,
  readDisagreements,
  readExpected,
  rowKey,
  type AcceptedDisagreement,
  type FolderRun,
  type JudgedRow,
} from './support/corpus.js';

// Lints every folder of the shared corpus (../shared/corpus) as one run with every rule, and holds
// stslint to the reviewer's verdicts in EXPECTED.tsv, except the reviewed disagreements listed in
// test/corpus-disagreements.tsv. The compact output of each folder is snapshotted so that a new
// finding (a false positive, most likely) shows up as a diff in review.

const DISAGREEMENTS_FILE = path.join(ROOT, 'test/corpus-disagreements.tsv');
const SNAPSHOTS = path.join(ROOT, 'test/corpus-snapshots');

const folders = corpusFolders();
const expected = readExpected();
const accepted = readDisagreements(DISAGREEMENTS_FILE);
const acceptedByKey = new Map<string, AcceptedDisagreement[]>();
for (const entry of accepted) acceptedByKey.set(rowKey(entry), [...(acceptedByKey.get(rowKey(entry)) ?? []), entry]);

function describeRow(row: JudgedRow): string {
  const actual = row.objectFound ? row.actual : 'no such StatefulSet';
  return `${row.file} ${row.namespace}/${row.statefulset} [${row.rule}]: expected ${row.expected}, stslint ${actual} (EXPECTED.tsv:${row.line}: ${row.reason})`;
}

describe('corpus-disagreements.tsv', () => {
  it('names only EXPECTED.tsv rows, each once, with a verdict and a reason', () => {
    const rowKeys = new Set(expected.map(rowKey));
    const problems: string[] = [];
    for (const entry of accepted) {
      const where = `corpus-disagreements.tsv:${entry.line}`;
      if (!rowKeys.has(rowKey(entry))) problems.push(`${where}: no EXPECTED.tsv row ${rowKey(entry).replaceAll('\t', ' ')}`);
      if ((acceptedByKey.get(rowKey(entry))?.length ?? 0) > 1) problems.push(`${where}: listed more than once`);
      if (entry.ourVerdict !== 'flag' && entry.ourVerdict !== 'no-flag') problems.push(`${where}: our-verdict "${entry.ourVerdict}" is not flag|no-flag`);
      if (entry.reason.trim() === '') problems.push(`${where}: no reason given`);
    }
    expect(problems).toEqual([]);
  });
});

describe.each(folders)('corpus › %s', (folder) => {
  let run: FolderRun | undefined;
  let error: unknown;

  beforeAll(async () => {
    try {
      run = await lintCorpusFolder(folder, ALL_RULES, expected);
    } catch (caught) {
      error = caught;
    }
  });

  function lintedRun(): FolderRun {
    if (!run) throw new Error(`linting ${folder} threw: ${String(error)}`);
    return run;
  }

  it('lints as one run without throwing and without internal-error findings', () => {
    expect(error).toBeUndefined();
    const internal = lintedRun().findings.filter((finding) => finding.ruleId === 'internal-error');
    expect(internal.map((finding) => `${path.basename(finding.file)}:${finding.range.line}: ${finding.message}`)).toEqual([]);
  });

  it('holds every StatefulSet that EXPECTED.tsv names, except in kustomize patches (not objects of their own)', () => {
    const { rows, directory, notObjects } = lintedRun();
    expect(rows.length, `EXPECTED.tsv has no row for ${folder}`).toBeGreaterThan(0);
    expect(rows.filter((row) => !row.objectFound && !notObjects.has(path.join(directory, row.file))).map(describeRow)).toEqual([]);
  });

  it('agrees with EXPECTED.tsv except the reviewed disagreements', () => {
    const unexpected = lintedRun().rows.filter((row) => row.actual !== row.expected && !acceptedByKey.has(rowKey(row)));
    expect(unexpected.map(describeRow)).toEqual([]);
  });

  it('has no stale entry in corpus-disagreements.tsv', () => {
    const rows = new Map(lintedRun().rows.map((row) => [rowKey(row), row]));
    const stale = accepted
      .filter((entry) => entry.folder === folder)
      .flatMap((entry) => {
        const row = rows.get(rowKey(entry));
        const where = `corpus-disagreements.tsv:${entry.line}: ${entry.file} ${entry.namespace}/${entry.statefulset} [${entry.rule}]`;
        if (!row) return [`${where}: no such EXPECTED.tsv row`];
        if (row.actual === row.expected) return [`${where}: stslint now agrees with EXPECTED.tsv (${row.actual}); remove the entry`];
        if (row.actual !== entry.ourVerdict) return [`${where}: our-verdict says ${entry.ourVerdict}, stslint says ${row.actual}`];
        return [];
      });
    expect(stale).toEqual([]);
  });

  it('matches the compact output snapshot', async () => {
    // Folders with kustomize trees end with the run's notices (one per tree not built).
    const output = formatCompact({ results: lintedRun().results, baseDirectory: CORPUS }) + lintedRun().notices.map((notice) => `# ${notice}\n`).join('');
    await expect(output).toMatchFileSnapshot(path.join(SNAPSHOTS, `${folder}.out`));
  });
});

// The corpus's kustomize patches (test/corpus-kustomize/SOURCES.tsv names the kustomizations that list them).
const CORPUS_PATCHES = [
  'Yolean__kubernetes-kafka/variants__scale-1-ephemeral__kafka.yaml',
  'Yolean__kubernetes-kafka/variants__scale-1-ephemeral__zookeeper.yaml',
  'rabbitmq__diy-kubernetes-examples/kind__overlays__dev-persistence__deployment.yaml',
];

reportKubectlSkip('the corpus kustomize trees with the real kubectl');

describe.skipIf(!KUBECTL.available).each(['Yolean__kubernetes-kafka', 'rabbitmq__diy-kubernetes-examples'])('corpus kustomize trees with the real kubectl › %s', (folder) => {
  it('gives no finding on a patch file, and build failures only on kustomization files', async () => {
    const builder = kustomizeBuilder({ runProcess, command: ['kubectl', 'kustomize'], cwd: os.tmpdir() });
    const run = await lintCorpusTree(folder, ALL_RULES, expected, builder);
    const patches = new Set(CORPUS_PATCHES.map((file) => path.join(CORPUS, file)));
    expect(run.findings.filter((finding) => patches.has(finding.file)).map((finding) => finding.message)).toEqual([]);
    const builds = run.findings.filter((finding) => finding.ruleId === 'kustomize-build');
    expect(builds.length).toBeGreaterThan(0);
    for (const finding of builds) expect(path.basename(finding.file)).toMatch(/(^|__)(kustomization\.yaml|Kustomization)$/);
  });
});
