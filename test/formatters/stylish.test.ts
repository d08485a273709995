import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import type { FormatInput } from '../../src/formatters/format-input.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import { at, finding, sampleInput, SAMPLE_RULES } from './sample-input.js';
import { terminalText } from '../../src/formatters/terminal-text.js';

/** A terminal of `columns` columns. */
const tty = (columns: number) => ({ columns, text: terminalText });

const DB = '/repo/deploy/db.yaml';

/** The three rows of integrations.md §6.3 (ESLint 10.15.0, colour off). */
function eslintExampleFindings(): Finding[] {
  return [
    // ESLint removes a final period; the §1.1 message has one.
    finding(DB, 'pod-management-policy-missing', 'warning', 'StatefulSet "db" does not set spec.podManagementPolicy.', at(5, 1, 5)),
    finding(DB, 'governing-service-not-found', 'error', 'StatefulSet "db" names governing Service "db", which is not in the input', at(6, 16, 18)),
    // Fatal: printed as an error whatever its severity, as ESLint does.
    finding(DB, 'yaml-syntax', 'warning', 'Parsing error: bad indentation of a mapping entry', at(40, 1), { fatal: true }),
  ];
}

function input(findings: Finding[], overrides: Partial<FormatInput> = {}): FormatInput {
  return {
    results: [{ file: { path: DB, text: '' }, findings, objectCount: 1, suppressed: [], unvalidatedKinds: [] }],
    rules: SAMPLE_RULES,
    baseDirectory: '/elsewhere',
    version: '0.1.0',
    color: false,
    ...overrides,
  };
}

describe('stylish', () => {
  it('reproduces ESLint 10 byte for byte (integrations.md §6.3; ESLint prints no rule id for a parse error, we print yaml-syntax)', () => {
    const expected = [
      '',
      '/repo/deploy/db.yaml',
      '   5:1   warning  StatefulSet "db" does not set spec.podManagementPolicy                    pod-management-policy-missing',
      '   6:16  error    StatefulSet "db" names governing Service "db", which is not in the input  governing-service-not-found',
      '  40:1   error    Parsing error: bad indentation of a mapping entry                         yaml-syntax',
      '',
      '\u2716 3 problems (2 errors, 1 warning)',
      '',
    ].join('\n');
    expect(formatStylish(input(eslintExampleFindings()))).toBe(expected);
  });

  it('shows paths relative to the base directory', () => {
    const output = formatStylish(input(eslintExampleFindings(), { baseDirectory: '/repo' }));
    expect(output.split('\n')[1]).toBe('deploy/db.yaml');
  });

  it('prints nothing at all when there are no findings', () => {
    expect(formatStylish(input([]))).toBe('');
    expect(formatStylish(input([], { color: true }))).toBe('');
  });

  it('uses singular words for one problem and keeps a period that follows a space', () => {
    const output = formatStylish(input([finding(DB, 'governing-service-not-found', 'error', 'Ends with a lone .', at(1, 1))]));
    expect(output).toBe('\n/repo/deploy/db.yaml\n  1:1  error  Ends with a lone .  governing-service-not-found\n\n\u2716 1 problem (1 error, 0 warnings)\n');
  });

  it('prints info as "info" and counts it in the summary only when there is some', () => {
    const output = formatStylish(input([finding(DB, 'pod-management-policy-missing', 'info', 'Note this', at(2, 3))]));
    expect(output).toBe('\n/repo/deploy/db.yaml\n  2:3  info  Note this  pod-management-policy-missing\n\n\u2716 1 problem (0 errors, 0 warnings, 1 info)\n');
  });

  it('matches the expected file for the sample run', async () => {
    await expect(formatStylish(sampleInput())).toMatchFileSnapshot('./expected/sample.stylish.txt');
  });

  it('colours with picocolors when asked, and the text without the codes is the plain output', () => {
    const plain = formatStylish(input(eslintExampleFindings()));
    const colored = formatStylish(input(eslintExampleFindings(), { color: true }));
    expect(colored).not.toBe(plain);
    expect(stripVTControlCharacters(colored)).toBe(plain);
    expect(colored).toContain('\x1b[4m/repo/deploy/db.yaml\x1b[24m');
    expect(colored).toContain('\x1b[2m5:1\x1b[22m');
    expect(colored).toContain('\x1b[31merror\x1b[39m');
    expect(colored).toContain('\x1b[33mwarning\x1b[39m');
    expect(colored).toContain('\x1b[2mgoverning-service-not-found\x1b[22m');
    // Bold red summary when there is an error; bold yellow otherwise.
    expect(colored).toContain('\x1b[1m\x1b[31m\u2716 3 problems (2 errors, 1 warning)\n\x1b[39m\x1b[22m');
    const warningsOnly = formatStylish(input(eslintExampleFindings().slice(0, 1), { color: true }));
    expect(warningsOnly).toContain('\x1b[1m\x1b[33m\u2716 1 problem (0 errors, 1 warning)\n');
  });
});

describe('stylish summary facts', () => {
  it('counts suppressed findings and objects the schema check skipped under the summary', () => {
    const missing: Finding = {
      ruleId: 'governing-service-missing',
      message: 'Governing Service "db" was not among the linted manifests',
      severity: 'error',
      file: '/repo/db.yaml',
      range: { line: 6, column: 16, endLine: 6, endColumn: 18 },
      related: [],
    };
    const output = formatStylish({
      results: [
        {
          file: { path: '/repo/db.yaml', text: '' },
          findings: [missing],
          suppressed: [{ ...missing, suppressions: [{ kind: 'directive', justification: '' }] }],
          objectCount: 4,
          unvalidatedKinds: ['Certificate', 'Secret', 'Certificate'],
        },
      ],
      rules: new Map(),
      baseDirectory: '/repo',
      version: '0.0.0',
      color: false,
    });
    expect(output.endsWith('✖ 1 problem (1 error, 0 warnings)\n  1 more suppressed by comments, annotations or exemptions\n  3 objects skipped by the schema check (no schema for Certificate, Secret)\n')).toBe(true);
  });
});

describe('stylish at a terminal width', () => {
  const LONG = 'spec.volumeClaimTemplates is missing: Elasticsearch/OpenSearch data on an ephemeral volume is lost with its pod';
  const findings = (): Finding[] => [
    finding(DB, 'volume-claim-templates-missing', 'warning', LONG, at(12, 1, 5)),
    finding(DB, 'persistent-volume-claim-retention-deletes-data', 'warning', 'whenScaled: Delete drops the claims on scale-down, even to 0', at(104, 17)),
    finding(DB, 'governing-service-not-headless', 'error', 'Governing Service "db" is not headless: per-pod DNS names need clusterIP: None', at(6, 16, 18), {
      suggestions: [{ desc: 'Add headless Service "db-headless" and name it in spec.serviceName (a Service\'s clusterIP cannot change in place)', edits: [] }],
    }),
  ];

  it('wraps messages under the message column at 80 columns, keeping words and rule ids whole', () => {
    const output = formatStylish(input(findings(), { terminal: tty(80) }));
    const lines = output.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(output).toBe(
      [
        '',
        '/repo/deploy/db.yaml',
        '   12:1   warning  spec.volumeClaimTemplates is missing:',
        '                   Elasticsearch/OpenSearch data on an ephemeral volume is lost',
        '                   with its pod  volume-claim-templates-missing',
        '  104:17  warning  whenScaled: Delete drops the claims on scale-down, even to 0',
        '                   persistent-volume-claim-retention-deletes-data',
        '    6:16  error    Governing Service "db" is not headless: per-pod DNS names',
        '                   need clusterIP: None  governing-service-not-headless',
        '                   suggestion: Add headless Service "db-headless" and name it in',
        '                   spec.serviceName (a Service\'s clusterIP cannot change in',
        '                   place)',
        '',
        '\u2716 3 problems (1 error, 2 warnings)',
        '',
      ].join('\n'),
    );
    // The words are the same as without wrapping.
    const words = (text: string) => text.split(/\s+/).filter(Boolean).sort();
    expect(words(output)).toEqual(words(formatStylish(input(findings()))));
  });

  it('keeps ESLint\'s layout when the table fits, and wraps nothing without a width (not a terminal)', () => {
    const plain = formatStylish(input(eslintExampleFindings()));
    expect(Math.max(...plain.split('\n').map((line) => line.length))).toBe(121);
    expect(formatStylish(input(eslintExampleFindings(), { terminal: tty(121) }))).toBe(plain);
    expect(formatStylish(input(eslintExampleFindings(), { terminal: tty(120) }))).not.toBe(plain);
    const unwrapped = formatStylish(input(findings()));
    expect(unwrapped.split('\n').some((line) => line.length > 120)).toBe(true);
    expect(unwrapped).toContain(`  ${LONG}  `);
  });

  it('wraps coloured output the same way (colour codes take no columns)', () => {
    const colored = formatStylish(input(findings(), { terminal: tty(80), color: true }));
    expect(stripVTControlCharacters(colored)).toBe(formatStylish(input(findings(), { terminal: tty(80) })));
  });

  it('shows a suggestion on its own line under the message, also without a width', () => {
    const output = formatStylish(input(findings().slice(2)));
    expect(output).toContain(
      '\n  6:16  error  Governing Service "db" is not headless: per-pod DNS names need clusterIP: None  governing-service-not-headless\n' +
        '               suggestion: Add headless Service "db-headless" and name it in spec.serviceName (a Service\'s clusterIP cannot change in place)\n',
    );
  });
});

describe('stylish on a clean run', () => {
  const clean = (overrides: Partial<FormatInput['results'][number]> = {}): FormatInput => ({
    ...input([]),
    results: [
      { file: { path: '/repo/a.yaml', text: '' }, findings: [], suppressed: [], objectCount: 3, unvalidatedKinds: [], ...overrides },
      { file: { path: '/repo/b.yaml', text: '' }, findings: [], suppressed: [], objectCount: 1, unvalidatedKinds: [] },
    ],
  });

  it('says so in one line with the file and object counts when asked (a terminal)', () => {
    expect(formatStylish({ ...clean(), cleanSummary: true })).toBe('\u2714 No problems in 2 files, 4 objects\n');
    expect(formatStylish(clean())).toBe('');
  });

  it('adds the suppressed and skipped counts', () => {
    const missing = finding(DB, 'governing-service-missing', 'error', 'Governing Service "db" is not in the inputs', at(6, 16), { suppressions: [{ kind: 'directive', justification: '' }] });
    const output = formatStylish({ ...clean({ suppressed: [missing], unvalidatedKinds: ['Certificate'] }), cleanSummary: true });
    expect(output).toBe('\u2714 No problems in 2 files, 4 objects; 1 suppressed, 1 object skipped by the schema check (no schema for Certificate)\n');
    const colored = formatStylish({ ...clean(), cleanSummary: true, color: true });
    expect(colored).toContain('\x1b[32m');
    expect(stripVTControlCharacters(colored)).toBe('\u2714 No problems in 2 files, 4 objects\n');
  });
});
