import path from 'node:path';
import { LineCounter, parseDocument, type ParsedNode } from 'yaml';
import { fieldAt } from '../k8s/plain-value.js';
import {
  DEFAULT_FILES,
  type ConfigFileContent,
  type Exemption,
  type RuleSetting,
  type RuleSeverity,
  type StslintConfig,
} from './config.js';
import { ConfigError } from './config-error.js';
import { configPosition } from './config-position.js';
import { configProblems } from './config-problems.js';
import validateConfig from './generated/validate-config.js';

/** Where the text came from, for positions in errors and for globs. */
export interface ConfigSource {
  /** Absolute path of the file; its folder becomes `baseDirectory`. */
  file: string;
  /** The path as shown in errors (e.g. relative to the working directory). */
  shownPath: string;
}

/**
 * Reads the text of a `.stslint.yaml` into a {@link StslintConfig}, defaults applied.
 *
 * The text is parsed as one YAML 1.2 document (core schema: `off` is a string, an unquoted
 * `2027-01-31` is the string `"2027-01-31"`; JSON content works) with duplicate keys refused, then
 * checked with the precompiled schema validator (`generated/validate-config.js`) and for
 * calendar dates. An empty file (or comments only) is the default configuration.
 *
 * @throws ConfigError at the first problem in file order: a YAML syntax error, an unknown key
 *   (at the key, with "did you mean"), a bad value (at the value), a missing `reason` (at the
 *   exemption)
 */
export function parseConfig(text: string, source: ConfigSource): StslintConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, lineCounter });
  const fail = (offset: number, detail: string): never => {
    const { line, col } = lineCounter.linePos(offset);
    throw new ConfigError(source.file, source.shownPath, line, col, detail);
  };
  const [syntax] = document.errors;
  if (syntax) fail(syntax.pos[0], syntaxMessage(syntax.code, syntax.message, text.slice(syntax.pos[0])));
  const root = document.contents as ParsedNode | null;
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    fail(0, `cannot be read: ${(error as Error).message}`);
  }
  const valid = validateConfig(value);
  const problems = configProblems(value, valid ? [] : (validateConfig.errors ?? []));
  const located = problems.map((problem) => {
    // An empty value (`rules:`) has no text of its own: point at its key.
    const target = fieldAt(value, problem.path) === null ? 'key' : problem.target;
    return { ...configPosition(root, lineCounter, problem.path, target), message: problem.message };
  });
  located.sort((a, b) => a.line - b.line || a.column - b.column);
  const [first] = located;
  if (first) throw new ConfigError(source.file, source.shownPath, first.line, first.column, first.message);
  if (!valid) throw new ConfigError(source.file, source.shownPath, 1, 1, 'does not match the configuration schema');
  return toConfig(value as ConfigFileContent, source.file, (index) => configPosition(root, lineCounter, ['exemptions', index], 'value'));
}

function toConfig(content: ConfigFileContent, file: string, exemptionAt: (index: number) => { line: number; column: number }): StslintConfig {
  const exemptions: Exemption[] = (content.exemptions ?? []).map((entry, index) => ({ ...entry, ...exemptionAt(index) }));
  const rules = new Map<string, RuleSeverity>(Object.entries(content.rules ?? {}).map(([id, setting]) => [id, severityOf(setting)]));
  return {
    file,
    baseDirectory: path.dirname(file),
    namespace: content.namespace,
    files: content.files ?? DEFAULT_FILES,
    ignores: content.ignores ?? [],
    context: content.context ?? [],
    rules,
    kustomize: content.kustomize === 'off' ? { enabled: false, command: undefined } : { enabled: true, command: content.kustomize?.command },
    helmChartRoot: content.helm?.chartRoot === undefined ? undefined : path.resolve(path.dirname(file), content.helm.chartRoot),
    exemptions,
  };
}

function severityOf(setting: RuleSetting): RuleSeverity {
  return typeof setting === 'string' ? setting : setting[0];
}

function syntaxMessage(code: string, message: string, rest: string): string {
  if (code === 'MULTIPLE_DOCS') return 'invalid YAML: a configuration file holds one document, this one has several (remove the "---")';
  if (code === 'DUPLICATE_KEY') {
    const key = /^(?:"[^"\n]*"|'[^'\n]*'|[^:\n#]*?)(?=\s*:(?:\s|$))/.exec(rest)?.[0]?.replace(/^["']|["']$/g, '');
    return key ? `duplicate key "${key}"` : 'duplicate key';
  }
  return `invalid YAML: ${message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
}
