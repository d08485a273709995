import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { lintSources, type FileResult } from '../../src/engine/lint.js';
import type { Rule } from '../../src/engine/rule.js';
import { formatCompact } from '../../src/formatters/compact.js';
import { readInputs } from '../../src/parser/read-inputs.js';

/** Root of the repository. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Root of the rule fixtures. */
export const FIXTURES = path.join(ROOT, 'fixtures');

/** One fixture scenario: a manifest file, or a folder of files linted together. */
export interface Scenario {
  ruleId: string;
  kind: 'valid' | 'invalid';
  /** File or folder name without extension. */
  name: string;
  /** Absolute path of the `.yaml`/`.yml`/`.json` file or the folder. */
  input: string;
  /** Absolute path of the golden output (`<name>.out`). */
  out: string;
}

/** The label fixtures give their base version in messages (`was \`10Gi\` at HEAD`). */
export const FIXTURE_BASE_LABEL = 'HEAD';

/**
 * Where a scenario's version at the base lives, if it has one: `<name>.base.yaml` beside a file
 * scenario (same extension), `<name>.base/` beside a folder scenario (same relative paths). Rules
 * that compare with a base (`immutable-field-changed`) are linted with it, under the label `HEAD`.
 */
export function basePathOf(input: string): string {
  const extension = /\.(ya?ml|json)$/.exec(input)?.[0] ?? '';
  return `${input.slice(0, input.length - extension.length)}.base${extension}`;
}

/** The scenarios of one rule's fixtures, valid first, sorted by name. */
export function scenariosOf(ruleId: string): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const kind of ['valid', 'invalid'] as const) {
    const folder = path.join(FIXTURES, ruleId, kind);
    if (!existsSync(folder)) continue;
    for (const entry of readdirSync(folder).sort()) {
      const input = path.join(folder, entry);
      const isFolder = statSync(input).isDirectory();
      if (!isFolder && !/\.(ya?ml|json)$/.test(entry)) continue;
      if (/\.base(\.(ya?ml|json))?$/.test(entry)) continue; // a scenario's base version (basePathOf)
      const name = isFolder ? entry : entry.replace(/\.(ya?ml|json)$/, '');
      scenarios.push({ ruleId, kind, name, input, out: path.join(folder, `${name}.out`) });
    }
  }
  return scenarios;
}

/**
 * Lints a scenario with only the given rules, as one run; with its base version ({@link basePathOf})
 * when it has one, each base file under the path of the scenario file it is the earlier version of.
 */
export async function lintScenario(scenario: Pick<Scenario, 'input'>, rules: readonly Rule[]): Promise<FileResult[]> {
  const { files, errors } = await readInputs([scenario.input], { cwd: ROOT });
  if (errors.length > 0) throw new Error(`cannot read ${scenario.input}: ${errors.map((e) => e.message).join(', ')}`);
  const basePath = basePathOf(scenario.input);
  if (!existsSync(basePath)) return lintSources(files, { rules });
  const base = await readInputs([basePath], { cwd: ROOT });
  const baseFiles = base.files.map((file) => ({ ...file, path: path.join(scenario.input, path.relative(basePath, file.path)) }));
  return lintSources(files, { rules, base: { label: FIXTURE_BASE_LABEL, files: baseFiles } });
}

/** Compact output with paths relative to the scenario's `valid/` or `invalid/` folder. */
export function compactRelativeTo(results: readonly FileResult[], scenario: Pick<Scenario, 'input'>): string {
  return formatCompact({ results, baseDirectory: path.dirname(scenario.input) });
}

/** Reads a fixture file's text. */
export function readFixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}
