import { describe, expect, it } from 'vitest';
import { locate } from '../../src/parser/locate.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';

// YAML that kubectl's decoder (go-yaml, a libyaml port) reads and YAML 1.2 rejects is linted as
// kubectl reads it, with a KUBECTL_LENIENT warning (core-rules, "lenient YAML"). Each value below is
// what `kubectl create --dry-run=client` printed for the same text; test/kubectl-acceptance.test.ts
// checks the fixtures and the corpus against kubectl itself.

const parse = (text: string) => parseDocuments({ path: '/repo/app.yaml', text });

const header = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('parseDocuments: YAML that kubectl reads', () => {
  it.each([
    [
      'a single-quoted annotation whose closing line is indented less than its key',
      `${header('annotated')}  annotations:\n    description: 'a long\n   value'\ndata:\n  mode: primary\n`,
      { metadata: { name: 'annotated', annotations: { description: 'a long value' } }, data: { mode: 'primary' } },
      ['quoted value continues on a line indented less than its key', 7, 1, 7, 4],
    ],
    [
      'a double-quoted value continued at column 0',
      `${header('col0')}data:\n  motd: "hello\nworld"\n  mode: primary\n`,
      { data: { motd: 'hello world', mode: 'primary' } },
      ['quoted value continues on a line indented less than its key', 7, 1, 7, 1],
    ],
    [
      'a quoted list item continued at the list indentation',
      `${header('list')}data:\n  note: x\nitems:\n  - "first\n  continued"\n`,
      { items: ['first continued'] },
      ['quoted value continues on a line indented less than its key', 9, 1, 9, 3],
    ],
    [
      'a double-quoted value continued on a tab-indented line',
      `${header('tabbed')}data:\n  a: "one\n\ttwo"\n`,
      { data: { a: 'one two' } },
      ['quoted value continues on a line indented with a tab', 7, 1, 7, 2],
    ],
    [
      'a single-quoted value inside a flow mapping continued at column 0',
      `${header('flow-quoted')}data: {a: 'one\ntwo'}\n`,
      { data: { a: 'one two' } },
      ['quoted value continues on a line indented less than its key', 6, 1, 6, 1],
    ],
    [
      'a flow sequence (command) continued at column 0',
      `${header('command')}data:\n  cmd: [ "sh", "-c",\n"echo hi" ]\n  after: kept\n`,
      { data: { cmd: ['sh', '-c', 'echo hi'], after: 'kept' } },
      ['flow sequence or mapping continues on a line indented less than its key', 7, 1, 7, 1],
    ],
    [
      'a flow mapping continued less indented than its key',
      `${header('labels')}  labels: {\n  app: db,\n tier: data }\n`,
      { metadata: { name: 'labels', labels: { app: 'db', tier: 'data' } } },
      ['flow sequence or mapping continues on a line indented less than its key', 6, 1, 6, 3],
    ],
    [
      'a flow sequence whose lines are indented with tabs',
      `${header('tabs')}data:\n  list: [\n\t"a",\n\t"b"\n  ]\n`,
      { data: { list: ['a', 'b'] } },
      ['flow sequence or mapping continues on a line indented with a tab', 7, 1, 7, 2],
    ],
    [
      'a comment right after a closing quote',
      `${header('comment')}data:\n  a: "x"# the mode\n  b: y2\n`,
      { data: { a: 'x', b: 'y2' } },
      ['no space between a closing quote or bracket and a comment', 6, 9, 6, 10],
    ],
  ])('%s', (_name, text, object, [message, line, column, endLine, endColumn]) => {
    const { documents, problems } = parse(text);
    expect(problems).toEqual([{ code: 'KUBECTL_LENIENT', message, range: { line, column, endLine, endColumn } }]);
    expect(documents).toHaveLength(1);
    expect(documents[0]!.object).toMatchObject(object);
  });

  it('keeps the positions of the file: fields after a repaired line are located where they are written', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  annotations:
    owner: 'platform team,
 on call'
spec:
  serviceName: db
  template:
    spec:
      containers:
        - name: db
          command: ["postgres", "-c",
"max_connections=200"]
          image: postgres:16
`;
    const [document] = parse(text).documents;
    expect(document!.object).toMatchObject({ spec: { template: { spec: { containers: [{ command: ['postgres', '-c', 'max_connections=200'] }] } } } });
    const at = (path: (string | number)[]) => {
      const range = locate(document!, path);
      return text.split('\n')[range.line - 1]!.slice(range.column - 1, range.endColumn - 1);
    };
    expect(locate(document!, ['metadata', 'annotations', 'owner'])).toMatchObject({ line: 6, column: 12, endLine: 7, endColumn: 10 });
    expect(at(['spec', 'serviceName'])).toBe('db');
    expect(at(['spec', 'template', 'spec', 'containers', 0, 'command', 2])).toBe('"max_connections=200"');
    expect(at(['spec', 'template', 'spec', 'containers', 0, 'image'])).toBe('postgres:16');
  });

  it('recovers only the document kubectl reads; the others of the file are untouched', () => {
    const good = `${header('good')}data:\n  a: "1"\n`;
    const lenient = `${header('lenient')}data:\n  a: 'one\ntwo'\n`;
    const { documents, problems } = parse(`${good}---\n${lenient}---\n${good}`);
    expect(documents.map((document) => [document.documentIndex, document.name])).toEqual([
      [0, 'good'],
      [1, 'lenient'],
      [2, 'good'],
    ]);
    expect(problems.map((problem) => [problem.code, problem.range.line])).toEqual([['KUBECTL_LENIENT', 14]]);
  });

  it.each([
    ['a block scalar line indented less than its first line', `${header('block')}data:\n  script: |\n      line one\n    line two\n`],
    ['a value on the next line indented less than its key', `${header('next-line')}data:\n  key:\n "value"\n`],
    ['tab indentation in block context', `${header('tab')}data:\n\tkey: value\n`],
    ['an unclosed quote', `${header('unclosed')}data:\n  a: "never closed\n`],
    ['a document marker inside a quoted value', `${header('marker')}data:\n  a: "one\n---\ntwo"\n`],
  ])('still rejects %s, as kubectl does', (_name, text) => {
    const { documents, problems } = parse(text);
    expect(documents).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.code !== 'KUBECTL_LENIENT')).toBe(true);
  });
});
