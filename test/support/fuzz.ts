// The fuzz target: hostile manifests built from the corpus and from generated objects of every kind
// stslint indexes, run through the whole pipeline (parse, index, rules, fixes, every formatter).
// Used by test/fuzz.test.ts (a seeded sample in `npm test`) and scripts/fuzz.ts (`npm run fuzz`).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { ALL_RULES } from '../../rules/index.js';
import { REPORTED_RULES } from '../../src/cli/main.js';
import { exitCodeFor } from '../../src/cli/exit-code.js';
import { applyFixes } from '../../src/engine/apply-fixes.js';
import { lintSources, type FileResult } from '../../src/engine/lint.js';
import { FORMATTERS } from '../../src/formatters/index.js';
import { CORPUS, corpusFolders } from './corpus.js';

/** One generated input: a file name (its extension decides YAML or JSON) and its text. */
export interface FuzzCase {
  file: string;
  text: string;
}

/** Characters a terminal must never receive raw (escapeText's set). */
const UNSAFE_OUTPUT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HOSTILE_CHARACTERS = ['\u001b', '\u0007', '\u0000', '\r', '\u009b', '\u202e', '\u2066', '\u200f', '\u2028', '\t', '\uFEFF', '\uD800'];

/** The corpus's documents of at most 4 KB (larger ones make cases slow without adding shapes). */
function corpusDocuments(): string[] {
  const documents: string[] = [];
  for (const folder of corpusFolders()) {
    for (const name of readdirSync(path.join(CORPUS, folder)).filter((entry) => /\.ya?ml$/.test(entry)).sort()) {
      const text = readFileSync(path.join(CORPUS, folder, name), 'utf8');
      for (const part of text.split(/^---[^\n]*\n/m)) if (part.trim() !== '' && part.length <= 4096) documents.push(part);
    }
  }
  return documents;
}

let seedDocuments: string[] | undefined;

/** Generated manifests of every kind the index knows, with values of any shape in their fields. */
function generatedManifest(): fc.Arbitrary<string> {
  const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('None', 'Delete', 'Parallel', '0%', '100%', 'web'));
  const value = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('tree'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('app', 'name', 'spec', 'selector', 'matchLabels', 'replicas', 'items', '__proto__'), tie('tree'), { maxKeys: 3 })),
  })).tree;
  const kinds: [string, string][] = [
    ['apps/v1', 'StatefulSet'], ['v1', 'Service'], ['v1', 'PersistentVolume'], ['v1', 'PersistentVolumeClaim'], ['storage.k8s.io/v1', 'StorageClass'],
    ['policy/v1', 'PodDisruptionBudget'], ['v1', 'ConfigMap'], ['apps/v1', 'Deployment'], ['v1', 'Endpoints'], ['discovery.k8s.io/v1', 'EndpointSlice'],
  ];
  return fc.record({ kind: fc.constantFrom(...kinds), name: fc.oneof(fc.constant('db'), fc.string({ maxLength: 70 })), spec: value, extra: value }).map(({ kind, name, spec, extra }) =>
    stringify({ apiVersion: kind[0], kind: kind[1], metadata: { name, labels: { app: 'db' } }, spec, data: extra }, { version: '1.1' }),
  );
}

/** A mutation of a text, as a function of random choices. */
type Mutation = (text: string, at: number, pick: number) => string;

const MUTATIONS: Record<string, Mutation> = {
  byteFlip: (text, at, pick) => text.slice(0, at) + String.fromCharCode(pick % 256) + text.slice(at + 1),
  truncate: (text, at) => text.slice(0, at),
  hostileCharacter: (text, at, pick) => text.slice(0, at) + HOSTILE_CHARACTERS[pick % HOSTILE_CHARACTERS.length] + text.slice(at),
  duplicateLine: (text, at) => {
    const start = text.lastIndexOf('\n', at) + 1;
    const end = text.indexOf('\n', at);
    const line = text.slice(start, end === -1 ? text.length : end + 1);
    return text.slice(0, start) + line + line + text.slice(end === -1 ? text.length : end + 1);
  },
  protoKey: (text, at, pick) => {
    const start = text.lastIndexOf('\n', at) + 1;
    return text.slice(0, start).concat(text.slice(start).replace(/^(\s*(?:- )?)[\w.-]+:/, `$1${['__proto__', 'constructor', 'prototype'][pick % 3]}:`));
  },
  hugeString: (text, at, pick) => `${text.slice(0, at)}${'a'.repeat(1000 + (pick % 20_000))}${text.slice(at)}`,
  deepNesting: (text, _at, pick) => `${text}\ndeep: ${'['.repeat(1 + (pick % 1000))}${']'.repeat(1 + (pick % 1000))}\n`,
  deepBlockNesting: (text, _at, pick) => `${text}\nnest:\n${Array.from({ length: 1 + (pick % 400) }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} x\n`,
  aliases: (text, _at, pick) => {
    const levels = 2 + (pick % 6);
    const lines = ['bomb0: &b0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < levels; i++) lines.push(`bomb${i}: &b${i} [${Array(10).fill(`*b${i - 1}`).join(', ')}]`);
    return `${text}\n${lines.join('\n')}\n`;
  },
  bom: (text) => `\uFEFF${text}`,
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  typeConfusion: (text, at, pick) => {
    const documents = parseAllDocuments(text);
    const document = Array.isArray(documents) ? documents[0] : undefined;
    if (!document || document.errors.length > 0) return text;
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, prefix: (string | number)[]) => {
      paths.push(prefix);
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...prefix, i]));
      else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...prefix, key]);
    };
    try {
      walk(document.toJS({ maxAliasCount: 100 }), []);
    } catch {
      return text;
    }
    const target = paths[at % paths.length]!;
    if (target.length === 0) return text;
    const replacements = [null, 0, -1, 3.5, true, 'yes', '', 'x'.repeat(300), [], {}, [{ a: 1 }], { a: [1] }];
    try {
      document.setIn(target, replacements[pick % replacements.length]);
      return document.toString();
    } catch {
      return text;
    }
  },
};

/** An arbitrary hostile case: a corpus document or a generated manifest, with one to three mutations. */
export function fuzzCase(): fc.Arbitrary<FuzzCase> {
  seedDocuments ??= corpusDocuments();
  const seeds = seedDocuments;
  const base = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: seeds.length - 1 }).map((i) => seeds[i]!) }, { weight: 1, arbitrary: generatedManifest() });
  const mutation = fc.record({ name: fc.constantFrom(...Object.keys(MUTATIONS)), at: fc.nat(), pick: fc.nat() });
  return fc.record({ text: base, mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }), json: fc.boolean() }).map(({ text, mutations, json }) => {
    let result = text;
    for (const { name, at, pick } of mutations) result = MUTATIONS[name]!(result, result.length === 0 ? 0 : at % result.length, pick);
    if (json) {
      // The same object as JSON, when it still parses (JSON has its own parser path).
      const documents = parseAllDocuments(result, { logLevel: 'error' }); // quiet: a collection key warns
      const first = Array.isArray(documents) ? documents[0] : undefined;
      if (first && first.errors.length === 0) {
        try {
          return { file: 'case.json', text: JSON.stringify(first.toJS({ maxAliasCount: 100 })) ?? 'null' };
        } catch {
          // fall through to YAML
        }
      }
    }
    return { file: 'case.yaml', text: result };
  });
}

/** Longest a case may take (the pipeline's work is bounded by the input limits; a hang fails). */
export const CASE_TIME_LIMIT_MS = 10_000;

/**
 * Runs one case through the whole pipeline and returns what is wrong, or `undefined`: an
 * exception escaping, an `internal-error` finding, an exit code other than 0 or 1, a finding or
 * related location outside the file, a raw control or bidirectional character in a text output,
 * JSON or SARIF output that does not parse, fixes that break, a warning emitted on the process
 * (stderr), or a case slower than the limit.
 */
export function checkCase(fuzz: FuzzCase): string | undefined {
  const started = performance.now();
  const file = { path: `/fuzz/${fuzz.file}`, text: fuzz.text.replace(/^\uFEFF/, '') };
  let results: FileResult[];
  // A library warning on the process (`yaml` warns through process.emitWarning) would print raw
  // input on stderr: record any, synchronously, while the case runs.
  const warnings: string[] = [];
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error) => void warnings.push(String(warning))) as typeof process.emitWarning;
  try {
    results = lintSources([file], { rules: ALL_RULES });
  } catch (error) {
    return `lintSources threw: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    process.emitWarning = emitWarning;
  }
  if (warnings.length > 0) return `a process warning was emitted: ${warnings[0]!.slice(0, 200)}`;
  const findings = results.flatMap((result) => [...result.findings, ...result.suppressed]);
  const internal = findings.find((finding) => finding.ruleId === 'internal-error');
  if (internal) return `internal-error: ${internal.message}`;
  const code = exitCodeFor(results, -1).code;
  if (code !== 0 && code !== 1) return `exit code ${code}`;
  const lines = file.text.split('\n');
  for (const finding of findings) {
    for (const place of [{ file: finding.file, range: finding.range }, ...finding.related]) {
      if (place.file !== file.path) continue;
      const { line, column, endLine, endColumn } = place.range;
      const inside = (l: number, c: number) => l >= 1 && l <= lines.length && c >= 1 && c <= lines[l - 1]!.length + 1;
      if (!inside(line, column) || !inside(endLine, endColumn)) return `${finding.ruleId} at ${line}:${column}-${endLine}:${endColumn} is outside the file (${lines.length} lines)`;
    }
  }
  const input = { results, rules: REPORTED_RULES, baseDirectory: '/fuzz', version: '0.0.0', color: false, includeSuppressed: true };
  for (const [name, format] of FORMATTERS) {
    let output: string;
    try {
      output = format(input);
    } catch (error) {
      return `formatter ${name} threw: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (name === 'json' || name === 'sarif' || (name as string) === 'json-with-metadata') {
      try {
        JSON.parse(output);
      } catch {
        return `${name} output is not JSON`;
      }
    } else if (UNSAFE_OUTPUT.test(output)) {
      return `${name} output holds a raw control character (U+${output.charCodeAt(output.search(UNSAFE_OUTPUT)).toString(16).padStart(4, '0')})`;
    }
  }
  const fixes = results[0]!.findings.flatMap((finding) => (finding.fix ? [finding.fix] : []));
  if (fixes.length > 0) {
    try {
      const { output } = applyFixes(file.text, fixes);
      lintSources([{ ...file, text: output }], { rules: ALL_RULES });
    } catch (error) {
      return `fixing threw: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const elapsed = performance.now() - started;
  if (elapsed > CASE_TIME_LIMIT_MS) return `took ${Math.round(elapsed)} ms (limit ${CASE_TIME_LIMIT_MS})`;
  return undefined;
}
