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
      const name = isFolder ? entry : entry.replace(/\.(ya?ml|json)$/, '');
      scenarios.push({ ruleId, kind, name, input, out: path.join(folder, `${name}.out`) });
    }
  }
  return scenarios;
}

/** Lints a scenario with only the given rules, as one run. */
export async function lintScenario(scenario: Pick<Scenario, 'input'>, rules: readonly Rule[]): Promise<FileResult[]> {
  const { files, errors } = await readInputs([scenario.input], { cwd: ROOT });
  if (errors.length > 0) throw new Error(`cannot read ${scenario.input}: ${errors.map((e) => e.message).join(', ')}`);
  return lintSources(files, { rules });
}

/** Compact output with paths relative to the scenario's `valid/` or `invalid/` folder. */
export function compactRelativeTo(results: readonly FileResult[], scenario: Pick<Scenario, 'input'>): string {
  return formatCompact({ results, baseDirectory: path.dirname(scenario.input) });
}

/** Reads a fixture file's text. */
export function readFixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}
