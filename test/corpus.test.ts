import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCompact } from '../src/formatters/compact.js';
import { ALL_RULES } from '../rules/index.js';
import {
  CORPUS,
  ROOT,
  corpusFolders,
  lintCorpusFolder,
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

  it('holds every StatefulSet that EXPECTED.tsv names', () => {
    const { rows } = lintedRun();
    expect(rows.length, `EXPECTED.tsv has no row for ${folder}`).toBeGreaterThan(0);
    expect(rows.filter((row) => !row.objectFound).map(describeRow)).toEqual([]);
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
    const output = formatCompact({ results: lintedRun().results, baseDirectory: CORPUS });
    await expect(output).toMatchFileSnapshot(path.join(SNAPSHOTS, `${folder}.out`));
  });
});
