import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../src/engine/parse-options.js';
import { ObjectIndex } from '../src/index/object-index.js';
import { findPersistentVolumesForClaim } from '../src/index/claim-storage.js';
import { hasManagedEndpoints } from '../src/index/governing-service.js';
import { parseDocuments, type ParsedFile } from '../src/parser/parse-documents.js';
import { ROOT } from './support/fixtures.js';

// core-rules, "Terms and input handling": nothing is skipped silently. This walks every early
// return (and `continue`) of the parser and of the index's object filing: each either reports a
// problem, or does not apply, for the reason given, shown on an input that takes it. The table is
// checked against the sources, so that a new early return cannot be added without a row here.

const parse = (text: string, file = '/repo/app.yaml'): ParsedFile => parseDocuments({ path: file, text }, PARSE_OPTIONS);

const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
`;

/** What an early exit does with the input that takes it. */
type Outcome = { reports: string } | { notApplying: string };

interface EarlyExit {
  /** Text of the source line of the `return`/`continue` (trimmed, a unique part of it). */
  statement: string;
  outcome: Outcome;
  /** An input that takes this exit, and what must then hold. */
  check: () => void;
}

/** Codes of the parse problems of a text. */
const codes = (parsed: ParsedFile) => parsed.problems.map((problem) => problem.code);

const PARSER: Record<string, EarlyExit[]> = {
  parseDocuments: [
    {
      statement: 'return { file, documents, problems };\n  }\n  const limits',
      outcome: { reports: 'BINARY_FILE (yaml-syntax): a file with a NUL byte is not text' },
      check: () => expect(codes(parse(`${statefulSet}\u0000`))).toEqual(['BINARY_FILE']),
    },
    {
      statement: 'return { file, documents, problems };\n  }\n  const json',
      outcome: { reports: 'FILE_TOO_LARGE (input-limit): a file over --max-file-bytes' },
      check: () => {
        const parsed = parseDocuments({ path: '/repo/app.yaml', text: statefulSet }, { ...PARSE_OPTIONS, limits: { maxFileBytes: 10, maxDepth: 256, maxAliases: 10_000 } });
        expect(codes(parsed)).toEqual(['FILE_TOO_LARGE']);
      },
    },
    {
      statement: 'if (jsonProblem) return',
      outcome: { reports: 'JSON_SYNTAX (yaml-syntax) at the first error JSON.parse finds' },
      check: () => expect(codes(parse('{"apiVersion": "v1", "kind": "ConfigMap",}', '/repo/app.json'))).toEqual(['JSON_SYNTAX']),
    },
    {
      statement: 'return { file, documents, problems };\n  }\n  const recovered',
      outcome: { notApplying: 'a file of nothing but comments, blank lines or directives holds no document (errors the parser gives for it are reported)' },
      check: () => {
        expect(parse('# generated: nothing enabled\n')).toMatchObject({ documents: [], problems: [] });
        expect(parse('%YAML 1.1\n\n')).toMatchObject({ documents: [], problems: [] });
      },
    },
    {
      statement: 'if (fatal || doc.contents === null',
      outcome: { reports: 'a syntax error is reported (yaml-syntax, fatal); an empty or null document holds no object (kubectl skips it too)' },
      check: () => {
        expect(codes(parse(`${statefulSet}  replicas: [1\n`))).toContain('BAD_INDENT');
        expect(parse('---\n# nothing\n---\nnull\n')).toMatchObject({ documents: [], problems: [] });
      },
    },
    {
      statement: 'return;\n    }\n    const root',
      outcome: { reports: 'a document that cannot become a value: TOO_MANY_ALIASES or TOO_DEEP (input-limit), else TO_JS (yaml-syntax)' },
      check: () => {
        const bomb = ['a: &a [x, x]', ...Array.from({ length: 14 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)];
        expect(codes(parse(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n${bomb.join('\n')}\n`))).toEqual(['TOO_MANY_ALIASES']);
      },
    },
    {
      statement: 'if (!root.manifest) return;',
      outcome: { reports: 'the identity problem toManifest gives (schema-violation); other YAML is no object (see toManifest)' },
      check: () => expect(codes(parse('apiVersion: v1\nmetadata:\n  name: db\n'))).toEqual(['MISSING_KIND']),
    },
    {
      statement: 'return;\n    }\n    documents.push(root.manifest);',
      outcome: { notApplying: 'a List is replaced by its items, each kept or reported on its own' },
      check: () => {
        const parsed = parse('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n  - {metadata: {name: b}}\n');
        expect(parsed.documents.map((document) => document.name)).toEqual(['a']);
        expect(codes(parsed)).toEqual(['MISSING_KIND']);
      },
    },
  ],
  toManifest: [
    {
      statement: 'if (!item) return {};',
      outcome: { notApplying: 'a document that is a sequence or scalar is no Kubernetes object (a JSON patch, a list of settings)' },
      check: () => expect(parse('- op: replace\n  path: /spec/replicas\n  value: 3\n')).toMatchObject({ documents: [], problems: [] }),
    },
    {
      statement: "return { problem: { code: 'NOT_AN_OBJECT'",
      outcome: { reports: 'NOT_AN_OBJECT (schema-violation): a List item that is a sequence or scalar' },
      check: () => expect(codes(parse('apiVersion: v1\nkind: List\nitems:\n  - just-a-name\n'))).toEqual(['NOT_AN_OBJECT']),
    },
    {
      statement: 'return {};\n  const kind',
      outcome: { notApplying: 'YAML with none of apiVersion, kind and metadata is no Kubernetes object (Helm values, CI workflows)' },
      check: () => expect(parse('replicaCount: 3\nimage:\n  tag: "16"\n')).toMatchObject({ documents: [], problems: [] }),
    },
    {
      statement: "return { problem: { code: 'MISSING_KIND'",
      outcome: { reports: 'MISSING_KIND (schema-violation) at the first line' },
      check: () => expect(codes(parse('apiVersion: apps/v1\nmetadata:\n  name: db\n'))).toEqual(['MISSING_KIND']),
    },
    {
      statement: 'if (apiVersion === undefined) return { problem };',
      outcome: { reports: 'MISSING_API_VERSION (schema-violation); a kind stslint knows is kept as its current version instead' },
      check: () => {
        expect(codes(parse('kind: Cluster\nmetadata:\n  name: pg\n'))).toEqual(['MISSING_API_VERSION']);
        const known = parse('kind: StatefulSet\nmetadata:\n  name: db\n');
        expect(codes(known)).toEqual(['MISSING_API_VERSION']);
        expect(known.documents.map((document) => document.apiVersion)).toEqual(['apps/v1']);
      },
    },
  ],
  recoverForKubectl: [
    {
      statement: "if (!parsed.some(({ doc }) => doc.errors.some((error) => error.code !== 'DUPLICATE_KEY'))) return recovered;",
      outcome: { notApplying: 'no document has a syntax error: nothing to recover' },
      check: () => expect(parse(statefulSet)).toMatchObject({ problems: [] }),
    },
    {
      statement: 'if (!repaired) return recovered;',
      outcome: { reports: "the syntax errors (yaml-syntax, fatal), when nothing kubectl tolerates explains them" },
      check: () => expect(codes(parse(`${statefulSet}  replicas: "never closed\n`))).toContain('MISSING_CHAR'),
    },
    {
      statement: 'if (reparsed.length !== parsed.length) return recovered;',
      outcome: { reports: 'the syntax errors (yaml-syntax, fatal); a safeguard no input reaches, as no repair touches a document marker' },
      check: () => expect(codes(parse(`${statefulSet}  note: "one\n---\ntwo"\n`))).not.toContain('KUBECTL_LENIENT'),
    },
    {
      statement: "if (!broken || doc.errors.some((error) => error.code !== 'DUPLICATE_KEY')) return;",
      outcome: { reports: 'the syntax errors of a document the repairs did not make readable (yaml-syntax, fatal); a sound document is read as it was' },
      check: () => {
        const parsed = parse(`${statefulSet}  note: 'one\ntwo'\n---\n${statefulSet}  replicas: [1\n`);
        expect(codes(parsed)).toEqual(['KUBECTL_LENIENT', 'BAD_INDENT']);
        expect(parsed.documents).toHaveLength(1);
      },
    },
  ],
  composeDocuments: [
    {
      statement: 'continue;',
      outcome: { reports: 'TOO_DEEP (input-limit): a document nested deeper than --max-depth is never composed' },
      check: () => expect(codes(parse(`${statefulSet}  x: ${'['.repeat(300)}${']'.repeat(300)}\n`))).toEqual(['TOO_DEEP']),
    },
    {
      statement: 'if (docs.length === 0 && tooDeep.length === 0) return',
      outcome: { notApplying: 'a stream of no document (comments, directives): its errors are reported by parseDocuments' },
      check: () => expect(parse('# nothing\n')).toMatchObject({ documents: [], problems: [] }),
    },
  ],
};

/** The index files every object it is given; the only exits in filing are these. */
const INDEX: Record<string, EarlyExit[]> = {
  persistentVolumesByBinding: [
    {
      statement: 'continue;',
      outcome: { notApplying: 'a PersistentVolume pre-bound by claimRef binds only that claim, so it is filed by the claim, never by class or name' },
      check: () => {
        const volume = (claimRef: string) =>
          parse(`apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-${claimRef || 'none'}\nspec:\n  storageClassName: fast\n  claimRef: {name: "${claimRef}", namespace: default}\n  hostPath: {path: /data}\n`).documents;
        const db = parse(`${statefulSet}  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec: {storageClassName: fast}\n`).documents[0]!;
        const index = new ObjectIndex([db, ...volume('data-db-0'), ...volume('other')]);
        const claimTemplate = (db.object.spec as { volumeClaimTemplates: unknown[] }).volumeClaimTemplates[0];
        expect(findPersistentVolumesForClaim(index, { statefulSet: db, claimTemplate, storageClassName: 'fast' }).map((volume) => volume.name)).toEqual(['pv-data-db-0']);
      },
    },
  ],
  slicedServices: [],
  ObjectIndex: [],
};

/** The source of a function declared in `file` (found by `declaration`): from there to the end of its body. */
function functionSource(file: string, declaration: string): string {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const start = text.indexOf(declaration);
  if (start === -1) throw new Error(`${declaration} not found in ${file}`);
  let i = text.indexOf('(', start);
  for (let parens = 0; i < text.length; i++) {
    if (text[i] === '(') parens++;
    else if (text[i] === ')' && --parens === 0) break;
  }
  // The body's brace ends its line; a return type such as `: { a: number }` does not.
  let depth = 0;
  for (i = text.indexOf('{\n', i); i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`${declaration} in ${file} does not end`);
}

/** The `return` and `continue` statements of a function, except its last statement, one line each. */
function earlyExits(source: string): string[] {
  const lines = source.split('\n');
  let last = lines.length - 1;
  while (last >= 0 && !/^\s*return\b/.test(lines[last]!)) last--;
  return lines.flatMap((line, i) => (/\b(return|continue)\b/.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*') && i !== last ? [line.trim()] : []));
}

/** Where each walked function is declared. */
const SOURCES: Record<string, [file: string, declaration: string]> = {
  parseDocuments: ['src/parser/parse-documents.ts', 'export function parseDocuments('],
  toManifest: ['src/parser/parse-documents.ts', 'function toManifest('],
  recoverForKubectl: ['src/parser/parse-documents.ts', 'function recoverForKubectl('],
  composeDocuments: ['src/parser/parse-documents.ts', 'function composeDocuments('],
  persistentVolumesByBinding: ['src/index/claim-storage.ts', 'function persistentVolumesByBinding('],
  slicedServices: ['src/index/governing-service.ts', 'function slicedServices('],
  ObjectIndex: ['src/index/object-index.ts', 'constructor(documents'],
};

describe.each(Object.entries({ ...PARSER, ...INDEX }))('every early exit of %s reports or does not apply', (name, exits) => {
  const source = functionSource(...SOURCES[name]!);

  it('is walked here, one row per exit, in source order', () => {
    const found = earlyExits(source);
    expect(found).toHaveLength(exits.length);
    exits.forEach((exit, i) => {
      const firstLine = exit.statement.split('\n')[0]!.trim();
      expect(found[i], `row ${i} of ${name}`).toContain(firstLine);
      expect(source).toContain(exit.statement);
    });
  });

  it.each(exits.map((exit, i) => [i, 'reports' in exit.outcome ? `reports ${exit.outcome.reports}` : `does not apply: ${exit.outcome.notApplying}`, exit] as const))(
    'exit %i %s',
    (_i, _what, exit) => {
      exit.check();
    },
  );
});

describe('what the index is given', () => {
  it('files every object it is given, whatever its kind or group', () => {
    const parsed = parse(`${statefulSet}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n---\nkind: Service\nmetadata: {name: db}\n`);
    const index = new ObjectIndex(parsed.documents);
    expect(index.all.map((document) => `${document.apiVersion} ${document.kind}`)).toEqual(['apps/v1 StatefulSet', 'example.com/v1 Widget', 'v1 Service']);
  });

  it('does not count an EndpointSlice without the service-name label for any Service (it belongs to none)', () => {
    const parsed = parse('apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: db-leader\naddressType: IPv4\nendpoints: []\n');
    expect(hasManagedEndpoints(new ObjectIndex(parsed.documents), 'default', 'db-leader')).toBe(false);
  });
});
