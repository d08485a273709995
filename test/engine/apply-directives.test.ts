import { describe, expect, it } from 'vitest';
import { applyDirectives } from '../../src/engine/apply-directives.js';
import type { Finding } from '../../src/engine/finding.js';
import { documentOfLineFor, parseDirectives } from '../../src/parser/parse-directives.js';

/** A finding of `ruleId` starting at `line:column`. */
function finding(ruleId: string, line: number, column = 3, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    message: `${ruleId} fired`,
    severity: 'error',
    file: '/m/app.yaml',
    range: { line, column, endLine: line, endColumn: column + 4 },
    related: [],
    ...extra,
  };
}

/** Parses `lines` for directives, applies them, and writes each outcome as a short string. */
function run(lines: string[], findings: [rule: string, line: number, column?: number][]) {
  const text = `${lines.join('\n')}\n`;
  const result = applyDirectives(
    findings.map(([rule, line, column]) => finding(rule, line, column)),
    parseDirectives(text),
    documentOfLineFor(text),
  );
  return {
    kept: result.kept.map((f) => `${f.ruleId}@${f.range.line}`),
    suppressed: result.suppressed.map((s) => `${s.finding.ruleId}@${s.finding.range.line}${s.justification ? ` (${s.justification})` : ''}`),
    unused: result.unused.map((u) => `${u.directive.line}:${u.directive.type}:${u.rule ?? '*'}`),
  };
}

type Case = [name: string, lines: string[], findings: [string, number, number?][], expected: ReturnType<typeof run>];

const cases: Case[] = [
  [
    'disable-next-line: the listed rules on the next line only',
    ['kind: StatefulSet', '# stslint-disable-next-line rule-a -- reviewed', 'spec:', '  replicas: 3'],
    [['rule-a', 3], ['rule-b', 3], ['rule-a', 4], ['rule-a', 1]],
    { kept: ['rule-b@3', 'rule-a@4', 'rule-a@1'], suppressed: ['rule-a@3 (reviewed)'], unused: [] },
  ],
  [
    'disable-next-line without rules: every rule, and only the very next line (a comment there wastes it)',
    ['kind: StatefulSet', '# stslint-disable-next-line', '# a note', 'spec: {}'],
    [['rule-a', 4], ['rule-b', 4]],
    { kept: ['rule-a@4', 'rule-b@4'], suppressed: [], unused: ['2:disable-next-line:*'] },
  ],
  [
    'disable-line: its own line, rules with and without spaces',
    ['kind: StatefulSet', 'spec:', '  serviceName: db  # stslint-disable-line rule-a,rule-b ,rule-c', '  replicas: 3'],
    [['rule-a', 3, 16], ['rule-b', 3], ['rule-d', 3], ['rule-a', 4]],
    { kept: ['rule-d@3', 'rule-a@4'], suppressed: ['rule-a@3', 'rule-b@3'], unused: ['3:disable-line:rule-c'] },
  ],
  [
    'disable/enable: findings in between, of the listed rule',
    ['kind: StatefulSet', '# stslint-disable rule-a -- legacy', 'spec:', '  replicas: 3', '# stslint-enable rule-a', 'status: {}'],
    [['rule-a', 1], ['rule-a', 3], ['rule-b', 4], ['rule-a', 4], ['rule-a', 6]],
    { kept: ['rule-a@1', 'rule-b@4', 'rule-a@6'], suppressed: ['rule-a@3 (legacy)', 'rule-a@4 (legacy)'], unused: [] },
  ],
  [
    'disable as a trailing comment: not what precedes it on its line',
    ['kind: StatefulSet', 'spec:  # stslint-disable', '  replicas: 3'],
    [['rule-a', 2, 1], ['rule-b', 3]],
    { kept: ['rule-a@2'], suppressed: ['rule-b@3'], unused: [] },
  ],
  [
    'enable as a trailing comment: still covers what precedes it on its line',
    ['# stslint-disable', 'kind: StatefulSet', 'spec: {}  # stslint-enable', 'status: {}'],
    [['rule-a', 3, 1], ['rule-a', 4, 1]],
    { kept: ['rule-a@4'], suppressed: ['rule-a@3'], unused: [] },
  ],
  [
    'disable without enable: to the end of its document, not past ---',
    ['kind: StatefulSet', '# stslint-disable rule-a', 'spec: {}', '---', 'kind: Service', 'spec: {}'],
    [['rule-a', 3], ['rule-a', 5], ['rule-a', 6]],
    { kept: ['rule-a@5', 'rule-a@6'], suppressed: ['rule-a@3'], unused: [] },
  ],
  [
    'disable just before ---: covers nothing, so unused; enable in another document changes nothing',
    ['kind: StatefulSet', 'spec: {}', '# stslint-disable rule-a', '---', 'kind: Service', '# stslint-enable rule-a', 'spec: {}'],
    [['rule-a', 2], ['rule-a', 5], ['rule-a', 7]],
    { kept: ['rule-a@2', 'rule-a@5', 'rule-a@7'], suppressed: [], unused: ['3:disable:rule-a'] },
  ],
  [
    'comment before a leading ---: belongs to the first document',
    ['# stslint-disable rule-a', '---', 'kind: StatefulSet', '---', 'kind: Service'],
    [['rule-a', 3], ['rule-a', 5]],
    { kept: ['rule-a@5'], suppressed: ['rule-a@3'], unused: [] },
  ],
  [
    'comment after ...: belongs to the next document',
    ['kind: StatefulSet', '...', '# stslint-disable rule-a', 'kind: Service', 'spec: {}'],
    [['rule-a', 1], ['rule-a', 4]],
    { kept: ['rule-a@1'], suppressed: ['rule-a@4'], unused: [] },
  ],
  [
    'disable rule-a, then blanket disable, then blanket enable: everything is back',
    ['kind: StatefulSet', '# stslint-disable rule-a', 'a: 1', '# stslint-disable', 'b: 1', '# stslint-enable', 'c: 1'],
    [['rule-a', 3], ['rule-a', 5], ['rule-b', 5], ['rule-a', 7], ['rule-b', 7]],
    { kept: ['rule-a@7', 'rule-b@7'], suppressed: ['rule-a@3', 'rule-a@5', 'rule-b@5'], unused: [] },
  ],
  [
    'disable rule-a and rule-b separately, one blanket enable ends both',
    ['kind: StatefulSet', '# stslint-disable rule-a', '# stslint-disable rule-b', 'a: 1', '# stslint-enable', 'b: 1'],
    [['rule-a', 4], ['rule-b', 4], ['rule-a', 6], ['rule-b', 6]],
    { kept: ['rule-a@6', 'rule-b@6'], suppressed: ['rule-a@4', 'rule-b@4'], unused: [] },
  ],
  [
    'blanket disable, then enable rule-a: only rule-a is back',
    ['kind: StatefulSet', '# stslint-disable', '# stslint-enable rule-a', 'a: 1'],
    [['rule-a', 4], ['rule-b', 4]],
    { kept: ['rule-a@4'], suppressed: ['rule-b@4'], unused: [] },
  ],
  [
    'disable-file anywhere: the listed rule in every document, and enable does not end it',
    ['kind: StatefulSet', 'a: 1', '---', 'kind: Service', '# stslint-enable', '# stslint-disable-file rule-a -- vendored'],
    [['rule-a', 1], ['rule-b', 2], ['rule-a', 4]],
    { kept: ['rule-b@2'], suppressed: ['rule-a@1 (vendored)', 'rule-a@4 (vendored)'], unused: [] },
  ],
  [
    'disable-file without rules: every rule',
    ['# stslint-disable-file', 'kind: StatefulSet', '---', 'kind: Service'],
    [['rule-a', 2], ['rule-b', 4]],
    { kept: [], suppressed: ['rule-a@2', 'rule-b@4'], unused: [] },
  ],
  [
    'unused is reported per listed rule (a rule listed twice once), a blanket one without a rule, enable never',
    ['# stslint-disable-next-line rule-a, rule-b, rule-c', 'kind: StatefulSet', '# stslint-disable-line', '# stslint-disable rule-d, rule-d', '# stslint-enable rule-d', '# stslint-enable'],
    [['rule-b', 2]],
    { kept: [], suppressed: ['rule-b@2'], unused: ['1:disable-next-line:rule-a', '1:disable-next-line:rule-c', '3:disable-line:*', '4:disable:rule-d'] },
  ],
  [
    'a line directive inside a range of the same rule is redundant (credit to the range), as in ESLint',
    ['kind: StatefulSet', '# stslint-disable rule-a', 'a: 1  # stslint-disable-line rule-a -- line reason', 'b: 1  # stslint-disable-line rule-b'],
    [['rule-a', 3], ['rule-b', 4]],
    { kept: [], suppressed: ['rule-a@3 (line reason)', 'rule-b@4'], unused: ['3:disable-line:rule-a'] },
  ],
  [
    'two open disables of a rule: the later is credited, the earlier unused until it alone covers one',
    ['kind: StatefulSet', '# stslint-disable rule-a -- outer', '# stslint-disable rule-a', 'a: 1'],
    [['rule-a', 4]],
    { kept: [], suppressed: ['rule-a@4 (outer)'], unused: ['2:disable:rule-a'] },
  ],
  [
    'the credited directive gives its own reason before an outer one',
    ['# stslint-disable-file rule-a -- vendored', 'kind: StatefulSet', '# stslint-disable rule-a -- inner', 'a: 1'],
    [['rule-a', 2], ['rule-a', 4]],
    { kept: [], suppressed: ['rule-a@2 (vendored)', 'rule-a@4 (inner)'], unused: [] },
  ],
  [
    'text that looks like a directive in a block scalar or string suppresses nothing',
    ['kind: ConfigMap', 'data:', '  script: |', '    # stslint-disable', '  note: "# stslint-disable-next-line"', '  other: x'],
    [['rule-a', 5], ['rule-a', 6]],
    { kept: ['rule-a@5', 'rule-a@6'], suppressed: [], unused: [] },
  ],
];

describe('applyDirectives', () => {
  it.each(cases)('%s', (_name, lines, findings, expected) => {
    expect(run(lines, findings)).toEqual(expected);
  });

  it('treats a CRLF file as its LF twin', () => {
    const lines = ['kind: StatefulSet', '# stslint-disable rule-a', 'a: 1  # stslint-disable-line rule-b', '---', 'kind: Service'];
    const findings = [finding('rule-a', 3), finding('rule-b', 3), finding('rule-a', 5)];
    const lf = `${lines.join('\n')}\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const outcome = (text: string) => applyDirectives(findings, parseDirectives(text), documentOfLineFor(text));
    expect(outcome(crlf)).toEqual(outcome(lf));
    expect(outcome(crlf).kept).toEqual([findings[2]]);
  });

  it('always keeps fatal findings: a document that did not parse was not linted', () => {
    const text = '# stslint-disable-file\nkind: [\n';
    const fatal = finding('yaml-syntax', 2, 7, { fatal: true });
    const duplicateKey = finding('yaml-syntax', 2, 1);
    const result = applyDirectives([fatal, duplicateKey], parseDirectives(text), documentOfLineFor(text));
    expect(result.kept).toEqual([fatal]);
    expect(result.suppressed.map((s) => s.finding)).toEqual([duplicateKey]);
  });

  it('returns the findings and directives it was given, credits one directive, and mutates nothing', () => {
    const text = '# stslint-disable-next-line rule-a -- why\nkind: StatefulSet\n# stslint-disable-line rule-b\n';
    const directives = parseDirectives(text);
    const findings = [finding('rule-a', 2), finding('rule-c', 2)];
    const before = structuredClone({ directives, findings });
    const result = applyDirectives(Object.freeze([...findings]), Object.freeze([...directives].reverse()), documentOfLineFor(text));
    expect({ directives, findings }).toEqual(before);
    expect(result.kept[0]).toBe(findings[1]);
    expect(result.suppressed).toEqual([{ finding: findings[0], justification: 'why', directive: directives[0] }]);
    expect(result.suppressed[0]!.finding).toBe(findings[0]);
    expect(result.unused).toEqual([{ directive: directives[1], rule: 'rule-b' }]);
    expect(result.unused[0]!.directive).toBe(directives[1]);
  });

  it('gives an empty justification when no covering directive has a reason', () => {
    const text = '# stslint-disable-next-line\nkind: StatefulSet\n';
    const [suppressed] = applyDirectives([finding('rule-a', 2)], parseDirectives(text), documentOfLineFor(text)).suppressed;
    expect(suppressed?.justification).toBe('');
  });

  it('keeps everything and reports nothing without directives', () => {
    const findings = [finding('rule-a', 1), finding('rule-b', 9)];
    const result = applyDirectives(findings, [], () => {
      throw new Error('not needed without range directives');
    });
    expect(result).toEqual({ kept: findings, suppressed: [], unused: [] });
  });
});
