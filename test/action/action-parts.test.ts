import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { actionRepositoryRoot } from '../../src/action/action-repository-root.js';
import { annotationLines } from '../../src/action/annotation-lines.js';
import { countFindings } from '../../src/action/count-findings.js';
import { jobSummary, STEP_SUMMARY_LIMIT_BYTES, type JobSummaryInput } from '../../src/action/job-summary.js';
import { markdownText } from '../../src/action/markdown-text.js';
import { orderFindings } from '../../src/action/order-findings.js';
import { outputLines } from '../../src/action/output-lines.js';
import { readActionInputs } from '../../src/action/read-action-inputs.js';
import type { Finding, Severity } from '../../src/engine/finding.js';
import type { FileResult } from '../../src/engine/lint.js';

const BASE = path.resolve('/repo');

function finding(severity: Severity, file: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'governing-service-missing',
    message: `finding at ${file}:${line}`,
    severity,
    file: path.join(BASE, file),
    range: { line, column: 3, endLine: line, endColumn: 9 },
    related: [],
    ...extra,
  };
}

function result(findings: Finding[]): FileResult {
  return { file: { path: findings[0]?.file ?? path.join(BASE, 'x.yaml'), text: '' }, findings, suppressed: [], objectCount: 1, unvalidatedKinds: [] };
}

function kinds(text: string): string[] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.slice(2, line.indexOf(' ')));
}

describe('orderFindings and countFindings', () => {
  it('orders errors (fatal ones included), then warnings, then info, each by file, line and column', () => {
    const results = [
      result([finding('info', 'b.yaml', 1), finding('warning', 'b.yaml', 9), finding('error', 'b.yaml', 12)]),
      result([finding('warning', 'a.yaml', 30), finding('info', 'a.yaml', 2, { fatal: true, ruleId: 'yaml-syntax' })]),
    ];
    const ordered = orderFindings(results, BASE).map((item) => `${item.fatal ? 'fatal' : item.severity} ${path.basename(item.file)}:${item.range.line}`);
    expect(ordered).toEqual(['fatal a.yaml:2', 'error b.yaml:12', 'warning a.yaml:30', 'warning b.yaml:9', 'info b.yaml:1']);
    expect(countFindings(results)).toEqual({ error: 2, warning: 2, info: 1 });
  });
});

describe('annotationLines', () => {
  it('writes every finding when no kind has more than 10', () => {
    const ordered = [...Array.from({ length: 10 }, (_, i) => finding('warning', 'w.yaml', i + 1)), ...Array.from({ length: 10 }, (_, i) => finding('info', 'i.yaml', i + 1))];
    const text = annotationLines(ordered, [], BASE);
    expect(kinds(text)).toEqual([...Array(10).fill('warning'), ...Array(10).fill('notice')]);
    expect(text).not.toContain('title=stslint::');
  });

  it('keeps a notice slot for the overflow notice when info findings overflow', () => {
    const ordered = Array.from({ length: 12 }, (_, i) => finding('info', 'i.yaml', i + 1));
    const lines = annotationLines(ordered, [], BASE).trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.slice(0, 9).every((line) => line.startsWith('::notice file=i.yaml,'))).toBe(true);
    expect(lines[9]).toBe('::notice title=stslint::3 more findings not annotated; see the job summary or SARIF');
  });

  it('puts fatal problems first, in the error slots, and says "1 more finding" in the singular', () => {
    const ordered = Array.from({ length: 9 }, (_, i) => finding('error', 'e.yaml', i + 1));
    const problems = [{ message: 'stslint: deploy/: No such file or directory' }, { message: 'bad, config: yes', file: path.join(BASE, '.stslint.yaml'), line: 2, column: 5 }];
    const lines = annotationLines(ordered, problems, BASE).trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '::error title=stslint::stslint: deploy/: No such file or directory',
      '::error file=.stslint.yaml,line=2,col=5,title=stslint::bad, config: yes',
    ]);
    expect(lines.filter((line) => line.startsWith('::error file=e.yaml'))).toHaveLength(8);
    expect(lines.at(-1)).toBe('::notice title=stslint::1 more finding not annotated; see the job summary or SARIF');
  });

  it('is empty when there is nothing to say', () => {
    expect(annotationLines([], [], BASE)).toBe('');
  });
});

describe('jobSummary', () => {
  const input = (ordered: Finding[], maxBytes?: number): JobSummaryInput => ({
    ordered,
    results: [result(ordered)],
    linted: true,
    counts: countFindings([result(ordered)]),
    problems: [],
    notices: ['stslint: .stslint.yaml:9:5: the exemption of "node-local-storage" expired on 2026-01-01 and no longer applies'],
    failLevel: 'warning',
    exitCode: 1,
    sarifFile: 'stslint.sarif',
    baseDirectory: BASE,
    links: { docsUrls: new Map() },
    maxBytes,
  });

  it('drops the least severe rows beyond the size limit and says how many', () => {
    const ordered = [finding('error', 'a.yaml', 1), ...Array.from({ length: 49 }, (_, i) => finding('warning', 'b.yaml', i + 1))];
    const full = jobSummary(input(ordered));
    expect(full.split('\n').filter((line) => line.startsWith('| '))).toHaveLength(52);
    expect(full).toContain('### Notes\n\n- stslint: .stslint.yaml:9:5: the exemption of "node-local-storage" expired');
    const capped = jobSummary(input(ordered, 2000));
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(2000);
    const rows = capped.split('\n').filter((line) => /^\| (error|warning) \|/.test(line));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThan(50);
    expect(rows[0]).toMatch(/^\| error \| a\.yaml:1:3 \| governing-service-missing \| finding at /);
    expect(capped.trimEnd().endsWith(`_${50 - rows.length} more findings not shown: a step summary is limited to 1 MiB. See the console report and stslint.sarif._`)).toBe(true);
  });

  it('stays under GitHub\'s 1 MiB by default, however many findings there are', () => {
    const ordered = Array.from({ length: 8000 }, (_, i) => finding('warning', `deploy/${i}.yaml`, i + 1, { message: 'x'.repeat(200) }));
    const summary = jobSummary(input(ordered));
    expect(Buffer.byteLength(summary)).toBeLessThan(STEP_SUMMARY_LIMIT_BYTES);
    expect(summary).toMatch(/_\d+ more findings not shown/);
  });
});

describe('markdownText', () => {
  it('shows cell text literally: no table break, HTML, link, emphasis or line break', () => {
    expect(markdownText('a|b')).toBe('a\\|b');
    expect(markdownText('<img src=x> [x](http://y) *b* `c` ~d~ $e$ &amp;')).toBe('\\<img src=x\\> \\[x\\](http://y) \\*b\\* \\`c\\` \\~d\\~ \\$e\\$ \\&amp;');
    expect(markdownText('one\r\ntwo\nthree')).toBe('one<br>two<br>three');
    expect(markdownText('spec.volumeClaimTemplates[0].spec')).toBe('spec.volumeClaimTemplates\\[0\\].spec');
  });
});

describe('outputLines', () => {
  it('writes name=value lines, and the delimiter form for a value with a line break', () => {
    expect(outputLines({ 'error-count': 2, 'sarif-file': '' })).toBe('error-count=2\nsarif-file=\n');
    expect(outputLines({ 'sarif-file': 'a\nb' })).toMatch(/^sarif-file<<(ghadelimiter_[0-9a-f-]{36})\na\nb\n\1\n$/);
  });
});

describe('readActionInputs', () => {
  it('reads INPUT_<NAME> with dashes kept, trims, splits paths on spaces and newlines, defaults absent inputs', () => {
    const read = readActionInputs({ INPUT_PATHS: ' deploy/db.yaml\n  charts/*/rendered  \n', 'INPUT_FAIL-LEVEL': ' warning ', 'INPUT_SARIF-FILE': '', INPUT_NAMESPACE: 'shop', INPUT_BASE: ' origin/main ' });
    expect(read).toEqual({
      inputs: { paths: ['deploy/db.yaml', 'charts/*/rendered'], config: undefined, format: 'stylish', failLevel: 'warning', sarifFile: undefined, namespace: 'shop', workingDirectory: '.', base: 'origin/main' },
    });
    expect(readActionInputs({})).toMatchObject({ inputs: { paths: [], failLevel: 'error', sarifFile: 'stslint.sarif', workingDirectory: '.' } });
  });

  it('refuses standard input, machine formats and a base that is no revision, with a reason', () => {
    expect(readActionInputs({ INPUT_PATHS: 'a -', INPUT_FORMAT: 'sarif', INPUT_BASE: '--output=x' })).toEqual({
      problems: [
        'stslint: input "paths" cannot name standard input ("-") in the action',
        'stslint: input "format" must be stylish, compact, json or none, not "sarif" (SARIF goes to the file named by "sarif-file")',
        'stslint: input "base" must be a git revision (HEAD, origin/main, a commit) or none, not "--output=x"',
      ],
    });
  });
});

describe('actionRepositoryRoot', () => {
  const top = mkdtempSync(path.join(os.tmpdir(), 'stslint-root-'));
  afterAll(() => rmSync(top, { recursive: true, force: true }));

  it('finds a repository checked out into a subfolder of the workspace, and never looks above the workspace', () => {
    const workspace = path.join(top, 'work');
    mkdirSync(path.join(workspace, 'repo', '.git'), { recursive: true });
    mkdirSync(path.join(workspace, 'repo', 'deploy'), { recursive: true });
    mkdirSync(path.join(workspace, 'other'), { recursive: true });
    mkdirSync(path.join(top, '.git'));
    expect(actionRepositoryRoot(path.join(workspace, 'repo', 'deploy'), workspace)).toBe(path.join(workspace, 'repo'));
    expect(actionRepositoryRoot(path.join(workspace, 'other'), workspace)).toBe(workspace);
    expect(actionRepositoryRoot(workspace, workspace)).toBe(workspace);
  });
});
