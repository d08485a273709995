/**
 * Agreement between stslint and the reviewer's verdicts in the shared corpus (`EXPECTED.tsv`).
 *
 *   npx tsx scripts/corpus-agreement.ts [rule-id…] [--folder <folder>]… [--width <n>] [--json]
 *
 * Lints every corpus folder as one run with every rule, then prints, for the rules asked for (all
 * by default), a table of agreement per rule and every disagreement: folder, file, namespace,
 * StatefulSet, rule, expected, actual, and the reviewer's reason truncated to `--width` characters
 * (0 = no limit). Also prints `internal-error` findings and findings of the selected rules that no
 * `EXPECTED.tsv` row covers. A rule module that fails to load is skipped with a warning, so a rule
 * being edited does not stop the others from being measured.
 *
 * Exit code: 0 when everything selected agrees, 1 on disagreements or internal errors, 2 on bad
 * arguments or a missing corpus.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../src/engine/finding.js';
import type { Rule } from '../src/engine/rule.js';
import { relativePath } from '../src/formatters/relative-path.js';
import {
  CORPUS,
  ROOT,
  corpusFolders,
  isRowFile,
  lintCorpusFolder,
  readExpected,
  summarizeAgreement,
  type FolderRun,
  type JudgedRow,
} from '../test/support/corpus.js';

interface Options {
  rules: string[];
  folders: string[];
  width: number;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { rules: [], folders: [], width: 110, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) fail(`${arg} needs a value`);
      return next;
    };
    if (arg === '--folder') options.folders.push(value());
    else if (arg === '--width') options.width = Number(value());
    else if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npx tsx scripts/corpus-agreement.ts [rule-id…] [--folder <folder>]… [--width <n>] [--json]');
      process.exit(0);
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
    else options.rules.push(arg);
  }
  if (!Number.isInteger(options.width) || options.width < 0) fail('--width needs a whole number ≥ 0');
  return options;
}

function fail(message: string): never {
  console.error(`corpus-agreement: ${message}`);
  process.exit(2);
}

/** `rules/index.ts`, or, when it does not load (a rule mid-edit), every rule module that does. */
async function loadRules(): Promise<Rule[]> {
  try {
    const { ALL_RULES } = await import('../rules/index.js');
    return [...ALL_RULES];
  } catch (error) {
    console.error(`warning: rules/index.ts failed to load (${firstLine(error)}); loading rule modules one by one`);
  }
  const rules: Rule[] = [];
  const folder = path.join(ROOT, 'rules');
  for (const entry of readdirSync(folder).sort()) {
    if (!entry.endsWith('.ts') || entry === 'index.ts') continue;
    try {
      const module = (await import(path.join(folder, entry))) as { default?: Rule };
      if (module.default && typeof module.default.check === 'function') rules.push(module.default);
      else console.error(`warning: rules/${entry} has no default rule export; skipped`);
    } catch (error) {
      console.error(`warning: rules/${entry} failed to load (${firstLine(error)}); skipped`);
    }
  }
  return rules;
}

/** The start of an error message: two non-empty lines (esbuild puts the cause on the second). */
function firstLine(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n').filter((line) => line.trim() !== '');
  return truncate(lines.slice(0, 2).join(' ').replace(/\s+/g, ' '), 300);
}

function truncate(text: string, width: number): string {
  return width > 0 && text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Findings of the selected rules that no row judges: another kind, or a StatefulSet without rows. */
function unreviewedFindings(run: FolderRun, selected: (rule: string) => boolean): Finding[] {
  return run.findings.filter((finding) => {
    if (!selected(finding.ruleId) || finding.ruleId === 'yaml-syntax' || finding.ruleId === 'internal-error') return false;
    return !run.rows.some(
      (row) =>
        row.rule === finding.ruleId &&
        finding.object?.kind === 'StatefulSet' &&
        finding.object.name === row.statefulset &&
        finding.object.namespace === row.namespace &&
        isRowFile(finding.file, run.directory, row.file),
    );
  });
}

function describeRow(row: JudgedRow, width: number): string {
  const actual = row.objectFound ? row.actual : 'NO SUCH STATEFULSET';
  const lines = [
    `  ${row.folder}  ${row.file}  ${row.namespace}/${row.statefulset}  [${row.rule}]  expected ${row.expected} (${row.confidence}), stslint ${actual}`,
    `      reason: ${truncate(row.reason, width)}`,
  ];
  for (const finding of row.matches) lines.push(`      stslint: ${finding.range.line}:${finding.range.column}: ${finding.message}`);
  return lines.join('\n');
}

function formatFinding(finding: Finding): string {
  return `  ${relativePath(finding.file, CORPUS)}:${finding.range.line}:${finding.range.column}: ${finding.message} [${finding.ruleId}]`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  let folders: string[];
  let expected;
  try {
    folders = corpusFolders();
    expected = readExpected();
  } catch (error) {
    fail(firstLine(error));
  }
  const rules = await loadRules();
  const loaded = new Set(rules.map((rule) => rule.id));
  const known = new Set([...loaded, ...expected.map((row) => row.rule)]);
  for (const id of options.rules) if (!known.has(id)) fail(`unknown rule "${id}"; known: ${[...known].sort().join(', ')}`);
  for (const folder of options.folders) if (!folders.includes(folder)) fail(`unknown folder "${folder}"; known: ${folders.join(', ')}`);
  const selected = (rule: string): boolean => options.rules.length === 0 || options.rules.includes(rule);
  const runFolders = options.folders.length > 0 ? options.folders : folders;

  const runs: FolderRun[] = [];
  const crashes: string[] = [];
  for (const folder of runFolders) {
    try {
      runs.push(await lintCorpusFolder(folder, rules, expected));
    } catch (error) {
      crashes.push(`  ${folder}: lint threw: ${firstLine(error)}`);
    }
  }
  const rows = runs.flatMap((run) => run.rows).filter((row) => selected(row.rule));
  const summary = summarizeAgreement(rows).sort((a, b) => a.rule.localeCompare(b.rule));
  const internalErrors = runs.flatMap((run) => run.findings.filter((f) => f.ruleId === 'internal-error'));
  const unreviewed = runs.flatMap((run) => unreviewedFindings(run, selected));
  const unloaded = [...new Set(rows.map((row) => row.rule))].filter((id) => !loaded.has(id));

  if (options.json) {
    const strip = (row: JudgedRow) => ({ ...row, matches: row.matches.map((f) => ({ line: f.range.line, column: f.range.column, message: f.message })) });
    const output = {
      summary: summary.map((entry) => ({ ...entry, disagreements: entry.disagreements.map(strip) })),
      internalErrors: internalErrors.map(formatFinding).map((s) => s.trim()),
      unreviewed: unreviewed.map(formatFinding).map((s) => s.trim()),
      crashes,
      unloadedRules: unloaded,
    };
    console.log(JSON.stringify(output, null, 2));
  } else {
    const percent = (agree: number, total: number) => (total === 0 ? '-' : `${((100 * agree) / total).toFixed(1)}%`);
    const tableRows = summary.map((s) => [s.rule, `${s.agree}/${s.total}`, percent(s.agree, s.total), String(s.missed), String(s.extra)]);
    const agree = summary.reduce((n, s) => n + s.agree, 0);
    const total = summary.reduce((n, s) => n + s.total, 0);
    tableRows.push(['TOTAL', `${agree}/${total}`, percent(agree, total), String(summary.reduce((n, s) => n + s.missed, 0)), String(summary.reduce((n, s) => n + s.extra, 0))]);
    console.log(`Corpus ${CORPUS}: ${runs.length} folder(s), ${rows.length} row(s)\n`);
    console.log(table(['rule', 'agree', '%', 'missed (flag→no-flag)', 'extra (no-flag→flag)'], tableRows));
    for (const entry of summary) {
      if (entry.disagreements.length === 0) continue;
      console.log(`\n${entry.rule}: ${entry.disagreements.length} disagreement(s)`);
      for (const row of entry.disagreements) console.log(describeRow(row, options.width));
    }
    if (unloaded.length > 0) console.log(`\nRules with rows that did not load (all rows judged no-flag): ${unloaded.join(', ')}`);
    if (internalErrors.length > 0) console.log(`\ninternal-error findings (a rule threw):\n${internalErrors.map(formatFinding).join('\n')}`);
    if (crashes.length > 0) console.log(`\nFolders whose lint threw:\n${crashes.join('\n')}`);
    if (unreviewed.length > 0) console.log(`\nFindings no EXPECTED.tsv row covers:\n${unreviewed.map(formatFinding).join('\n')}`);
  }
  const disagreements = summary.reduce((n, s) => n + s.disagreements.length, 0);
  process.exitCode = disagreements > 0 || internalErrors.length > 0 || crashes.length > 0 ? 1 : 0;
}

await main();
