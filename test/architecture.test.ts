import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The data flow of style.md §8: imports point one way, `cli → formatters, engine → index → k8s`, with the
// parser below the index; rules read the engine, the index and the domain layer, never the parser.

const root = path.resolve(__dirname, '..');

function sources(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join(folder, file));
}

/** The project folders (`src/<layer>` or `rules`) a source file imports from. */
function importedLayers(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const layers = new Set<string>();
  for (const [, specifier] of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gm)) {
    const target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier!));
    const [top, layer] = target.split(path.sep);
    layers.add(top === 'src' ? `src/${layer}` : top!);
  }
  return [...layers];
}

const ALLOWED: Record<string, readonly string[]> = {
  'src/k8s': ['src/k8s'],
  'src/parser': ['src/parser', 'src/text'],
  'src/git': ['src/git', 'src/parser'],
  'src/index': ['src/index', 'src/k8s', 'src/parser'],
  rules: ['rules', 'src/engine', 'src/index', 'src/k8s', 'src/schema', 'src/text'],
};

describe('imports point down the data flow', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it.each(sources(layer))(`${layer}: %s`, (file) => {
      const outside = importedLayers(file).filter((imported) => !allowed.includes(imported));
      expect(outside, `${file} imports ${outside.join(', ')}`).toEqual([]);
    });
  }

  it('the engine and the index never import rules, formatters or the CLI', () => {
    const offenders = [...sources('src/engine'), ...sources('src/index'), ...sources('src/k8s')].filter((file) =>
      importedLayers(file).some((layer) => ['rules', 'src/formatters', 'src/cli', 'src/lsp', 'src/action'].includes(layer)),
    );
    expect(offenders).toEqual([]);
  });
});
