import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineRule, type Rule } from '../../src/engine/rule.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintSources, type FileResult } from '../../src/engine/lint.js';
import type { KustomizeBuilder } from '../../src/kustomize/kustomize-build.js';
import { kustomizeRun } from '../../src/kustomize/kustomize-run.js';
import { readSourceFromDisk } from '../../src/kustomize/kustomize-trees.js';
import type { ObjectRef } from '../../src/parser/object-ref.js';
import { readInputs } from '../../src/parser/read-inputs.js';
import type { SourceFile } from '../../src/parser/source-file.js';
import { ROOT } from './fixtures.js';

export { ROOT };

/** Where the shared corpus lives: a sibling of the repository, never copied into it. */
export const CORPUS = path.resolve(ROOT, '../shared/corpus');

/** The corpus repositories' kustomization files that the corpus lacks (see its README.md). */
export const CORPUS_KUSTOMIZE = path.join(ROOT, 'test/corpus-kustomize');

/** A reviewer's (or stslint's) verdict on one StatefulSet and one rule. */
export type Verdict = 'flag' | 'no-flag';

/** One row of `EXPECTED.tsv`: a reviewer's verdict on one StatefulSet for one rule. */
export interface ExpectedRow {
  folder: string;
  /** File name relative to the folder, as the flattened corpus spells it (`a__b__c.yaml`). */
  file: string;
  namespace: string;
  statefulset: string;
  rule: string;
  expected: Verdict;
  confidence: string;
  reason: string;
  /** 1-based line in `EXPECTED.tsv`, for messages. */
  line: number;
}

/** An {@link ExpectedRow} with stslint's verdict. */
export interface JudgedRow extends ExpectedRow {
  actual: Verdict;
  /** False when the run held no such StatefulSet: the row names a file/namespace/name that does not exist. */
  objectFound: boolean;
  /** The findings that make `actual` a `flag`. */
  matches: Finding[];
}

/** One corpus folder linted as one run. */
export interface FolderRun {
  folder: string;
  /** Absolute path of the folder. */
  directory: string;
  files: SourceFile[];
  results: FileResult[];
  /** All findings of the run, of every rule, sorted by file. */
  findings: Finding[];
  /** Every StatefulSet the run saw (namespace defaulted), with its file. */
  statefulSets: Array<{ file: string; ref: ObjectRef }>;
  rows: JudgedRow[];
  /** The run's notices (kustomize trees not built), paths relative to the folder. */
  notices: string[];
  /** Files whose documents are not objects of their own (kustomize patches and kustomizations), absolute. */
  notObjects: ReadonlySet<string>;
}

/** Agreement between the reviewer and stslint for one rule. */
export interface RuleAgreement {
  rule: string;
  agree: number;
  total: number;
  /** Expected `flag`, stslint did not flag. */
  missed: number;
  /** Expected `no-flag`, stslint flagged. */
  extra: number;
  disagreements: JudgedRow[];
}

const EXPECTED_COLUMNS = ['folder', 'file', 'namespace', 'statefulset', 'rule', 'expected', 'confidence', 'reason'];

/** The corpus root; throws a message saying where it was looked for when it is absent. */
export function corpusRoot(): string {
  if (!existsSync(path.join(CORPUS, 'EXPECTED.tsv'))) {
    throw new Error(
      `stslint corpus not found: expected ${CORPUS}/EXPECTED.tsv (the shared corpus is a sibling of the repository, ` +
        `path.resolve(ROOT, '../shared/corpus')); it is never copied into the repository`,
    );
  }
  return CORPUS;
}

/** The corpus folders (one per source repository), sorted. */
export function corpusFolders(): string[] {
  const root = corpusRoot();
  return readdirSync(root)
    .filter((entry) => !entry.startsWith('.') && statSync(path.join(root, entry)).isDirectory())
    .sort();
}

/** Parses `EXPECTED.tsv`; throws on a malformed header, row or verdict, naming the line. */
export function readExpected(): ExpectedRow[] {
  const file = path.join(corpusRoot(), 'EXPECTED.tsv');
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const header = lines[0]?.split('\t') ?? [];
  if (header.join('\t') !== EXPECTED_COLUMNS.join('\t')) {
    throw new Error(`${file}:1: unexpected header "${header.join(' | ')}", want "${EXPECTED_COLUMNS.join(' | ')}"`);
  }
  const rows: ExpectedRow[] = [];
  lines.slice(1).forEach((text, i) => {
    const line = i + 2;
    if (text.trim() === '') return;
    const cells = text.split('\t');
    if (cells.length < 7) throw new Error(`${file}:${line}: ${cells.length} columns, want ${EXPECTED_COLUMNS.length}`);
    const [folder, fileName, namespace, statefulset, rule, expected, confidence, ...reason] = cells as [string, ...string[]];
    if (expected !== 'flag' && expected !== 'no-flag') throw new Error(`${file}:${line}: verdict "${expected}" is not flag|no-flag`);
    rows.push({
      folder,
      file: fileName!,
      namespace: namespace!,
      statefulset: statefulset!,
      rule: rule!,
      expected,
      confidence: confidence!,
      reason: reason.join('\t'),
      line,
    });
  });
  return rows;
}

/** Identity of a row (or disagreement entry): folder, file, namespace, StatefulSet, rule. */
export function rowKey(row: Pick<ExpectedRow, 'folder' | 'file' | 'namespace' | 'statefulset' | 'rule'>): string {
  return [row.folder, row.file, row.namespace, row.statefulset, row.rule].join('\t');
}

/** Reads a corpus folder's files into memory (the CLI's folder walk); throws when a file cannot be read. */
export async function readCorpusFolder(folder: string): Promise<SourceFile[]> {
  const directory = path.join(corpusRoot(), folder);
  const { files, errors } = await readInputs([directory], { cwd: ROOT });
  if (errors.length > 0) throw new Error(`cannot read ${directory}: ${errors.map((e) => `${e.path}: ${e.message}`).join(', ')}`);
  return files;
}

/**
 * Lints one corpus folder as one run (`readInputs([folder])` then `lintSources` with `rules`) and
 * judges every `EXPECTED.tsv` row of the folder: `flag` when a finding of the row's rule is on a
 * StatefulSet with the row's namespace and name, in the row's file.
 *
 * @param expected - all rows of `EXPECTED.tsv` (other folders' rows are ignored)
 * @param files - the folder's files when already read (the benchmark reads them once)
 */
export async function lintCorpusFolder(
  folder: string,
  rules: readonly Rule[],
  expected: readonly ExpectedRow[],
  files?: SourceFile[],
): Promise<FolderRun> {
  const directory = path.join(corpusRoot(), folder);
  if (existsSync(path.join(CORPUS_KUSTOMIZE, folder))) return lintCorpusTree(folder, rules, expected, CORPUS_NOT_BUILT);
  const sources = files ?? (await readCorpusFolder(folder));
  const statefulSets: FolderRun['statefulSets'] = [];
  const results = lintSources(sources, { rules: [...rules, statefulSetProbe(statefulSets)] });
  const findings = results.flatMap((result) => result.findings);
  const rows = expected
    .filter((row) => row.folder === folder)
    .map((row) => judgeRow(row, directory, findings, statefulSets));
  return { folder, directory, files: sources, results, findings, statefulSets, rows, notices: [], notObjects: new Set() };
}

/** The corpus trees are partial (the corpus holds part of each repository): they are linted as without kustomize. */
export const CORPUS_NOT_BUILT: KustomizeBuilder = async () => ({ status: 'unavailable', reason: 'the corpus holds part of the tree' });

/**
 * Lints a corpus folder that holds kustomize trees as `stslint .` lints the repository: its files
 * laid out at their original paths (`SOURCES.tsv`) with the repository's kustomization files
 * (`test/corpus-kustomize/<folder>/`), in a temporary folder, with `builder` building the tops.
 * Every path of the result is the flattened corpus path again (`a/b/c.yaml` → `<folder>/a__b__c.yaml`).
 */
export async function lintCorpusTree(folder: string, rules: readonly Rule[], expected: readonly ExpectedRow[], builder: KustomizeBuilder): Promise<FolderRun> {
  const directory = path.join(corpusRoot(), folder);
  const tree = mkdtempSync(path.join(os.tmpdir(), `stslint-corpus-${folder}-`));
  try {
    for (const [flat, original] of originalPaths(folder)) {
      mkdirSync(path.dirname(path.join(tree, original)), { recursive: true });
      cpSync(path.join(directory, flat), path.join(tree, original));
    }
    cpSync(path.join(CORPUS_KUSTOMIZE, folder), tree, { recursive: true });
    const flatten = (file: string): string => {
      const relative = path.relative(tree, file);
      return relative.startsWith('..') || path.isAbsolute(relative) ? file : path.join(directory, relative.split(path.sep).join('__'));
    };
    const { files } = await readInputs([tree], { cwd: tree, patterns: ['**/*.{yaml,yml,json}', '**/Kustomization'] });
    const kustomize = await kustomizeRun({ walked: files, named: [], repository: [] }, { builder, read: readSourceFromDisk, cwd: tree });
    const statefulSets: FolderRun['statefulSets'] = [];
    const results = lintSources(files, { rules: [...rules, statefulSetProbe(statefulSets)], kustomize }).map((result) => ({
      ...result,
      file: { ...result.file, path: flatten(result.file.path) },
      findings: result.findings.map((finding) => flattenFinding(finding, flatten)),
      suppressed: result.suppressed.map((finding) => flattenFinding(finding, flatten)),
    }));
    for (const entry of statefulSets) entry.file = flatten(entry.file);
    const findings = results.flatMap((result) => result.findings);
    const rows = expected.filter((row) => row.folder === folder).map((row) => judgeRow(row, directory, findings, statefulSets));
    const sources = files.map((file) => ({ ...file, path: flatten(file.path) }));
    const notObjects = new Set([...kustomize.notObjects].map(flatten));
    return { folder, directory, files: sources, results, findings, statefulSets, rows, notices: kustomize.notices, notObjects };
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

function flattenFinding(finding: Finding, flatten: (file: string) => string): Finding {
  return { ...finding, file: flatten(finding.file), related: finding.related.map((related) => ({ ...related, file: flatten(related.file) })) };
}

/** The corpus files of a folder with their path in the repository (`SOURCES.tsv`): `[flat file name, original path]`. */
function originalPaths(folder: string): [string, string][] {
  const lines = readFileSync(path.join(corpusRoot(), 'SOURCES.tsv'), 'utf8').split(/\r?\n/).slice(1);
  return lines.flatMap((line) => {
    const [localFile, , original] = line.split('\t');
    if (!localFile?.startsWith(`${folder}/`) || !original) return [];
    return [[localFile.slice(folder.length + 1), original] as [string, string]];
  });
}

/** Whether `file` (absolute) is the row's file: the path relative to the folder, `/` or `__` separated. */
export function isRowFile(file: string, directory: string, rowFile: string): boolean {
  const relative = path.relative(directory, file).split(path.sep);
  return relative.join('/') === rowFile || relative.join('__') === rowFile;
}

function judgeRow(row: ExpectedRow, directory: string, findings: readonly Finding[], statefulSets: FolderRun['statefulSets']): JudgedRow {
  const isTarget = (file: string, ref: ObjectRef | undefined): boolean =>
    ref !== undefined &&
    ref.kind === 'StatefulSet' &&
    ref.name === row.statefulset &&
    ref.namespace === row.namespace &&
    isRowFile(file, directory, row.file);
  const matches = findings.filter((finding) => finding.ruleId === row.rule && isTarget(finding.file, finding.object));
  const objectFound = statefulSets.some((entry) => isTarget(entry.file, entry.ref));
  return { ...row, actual: matches.length > 0 ? 'flag' : 'no-flag', objectFound, matches };
}

/** A rule that reports nothing and records every StatefulSet the engine hands to rules. */
function statefulSetProbe(seen: FolderRun['statefulSets']): Rule {
  return defineRule({
    id: 'corpus-probe',
    title: 'Records StatefulSets for the corpus test',
    severity: 'info',
    kinds: ['StatefulSet'],
    rationale: '',
    remediation: '',
    messages: {},
    examples: { good: '', bad: '' },
    references: [],
    check(context) {
      seen.push({ file: context.document.file.path, ref: context.ref });
    },
  });
}

/** Agreement per rule over judged rows, in the order rules first appear. Missing objects count as disagreements. */
export function summarizeAgreement(rows: readonly JudgedRow[]): RuleAgreement[] {
  const byRule = new Map<string, RuleAgreement>();
  for (const row of rows) {
    let entry = byRule.get(row.rule);
    if (!entry) {
      entry = { rule: row.rule, agree: 0, total: 0, missed: 0, extra: 0, disagreements: [] };
      byRule.set(row.rule, entry);
    }
    entry.total += 1;
    if (row.objectFound && row.actual === row.expected) {
      entry.agree += 1;
      continue;
    }
    entry.disagreements.push(row);
    if (row.expected === 'flag' && row.actual === 'no-flag') entry.missed += 1;
    if (row.expected === 'no-flag' && row.actual === 'flag') entry.extra += 1;
  }
  return [...byRule.values()];
}

/** One row of `test/corpus-disagreements.tsv`: a reviewed disagreement the corpus test accepts. */
export interface AcceptedDisagreement {
  folder: string;
  file: string;
  namespace: string;
  statefulset: string;
  rule: string;
  /** stslint's verdict, which the reviewer's `expected` contradicts. */
  ourVerdict: string;
  reason: string;
  /** 1-based line in the file, for messages. */
  line: number;
}

const DISAGREEMENT_COLUMNS = ['folder', 'file', 'namespace', 'statefulset', 'rule', 'our-verdict', 'reason'];

/**
 * Parses the reviewed-disagreements file (tab-separated, header
 * `folder file namespace statefulset rule our-verdict reason`; blank and `#` lines ignored).
 * Throws on a wrong header or a row with too few columns, naming the line.
 */
export function readDisagreements(file: string): AcceptedDisagreement[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const header = lines[0]?.split('\t') ?? [];
  if (header.join('\t') !== DISAGREEMENT_COLUMNS.join('\t')) {
    throw new Error(`${file}:1: unexpected header "${header.join(' | ')}", want "${DISAGREEMENT_COLUMNS.join(' | ')}" (tab-separated)`);
  }
  const entries: AcceptedDisagreement[] = [];
  lines.slice(1).forEach((text, i) => {
    const line = i + 2;
    if (text.trim() === '' || text.startsWith('#')) return;
    const cells = text.split('\t');
    if (cells.length < 6) throw new Error(`${file}:${line}: ${cells.length} tab-separated columns, want ${DISAGREEMENT_COLUMNS.length}`);
    const [folder, fileName, namespace, statefulset, rule, ourVerdict, ...reason] = cells as [string, ...string[]];
    entries.push({
      folder,
      file: fileName!,
      namespace: namespace!,
      statefulset: statefulset!,
      rule: rule!,
      ourVerdict: ourVerdict!,
      reason: reason.join('\t'),
      line,
    });
  });
  return entries;
}
