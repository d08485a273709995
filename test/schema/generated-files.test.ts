import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { generateSchema } from '../../scripts/gen-schema.js';
import { SCHEMA_FILE, VALIDATORS_DTS, VALIDATORS_JS, generateValidators } from '../../scripts/gen-validators.js';
import { ROOT } from '../support/fixtures.js';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

// The schema and validators are generated and committed (`npm run gen:schema`); these tests fail
// when the committed files no longer match what the generators make from the installed packages.
// kubernetes-models is installed in scripts/schema-source/ (the first run installs it with `npm ci`,
// a few seconds), not among the devDependencies: see scripts/gen-schema.ts.
describe('generated schema files', () => {
  it('schema and Kubernetes version match kubernetes-models as scripts/schema-source pins it (run `npm run gen:schema`)', () => {
    const generated = generateSchema();
    expect(generated.schemaFile).toBe(SCHEMA_FILE);
    expect(read(generated.schemaFile) === generated.schemaText, `${generated.schemaFile} is stale`).toBe(true);
    expect(read(generated.versionFile)).toBe(generated.versionText);
  });

  it('validators match the committed schema (run `npm run gen:schema`)', () => {
    const { js, dts } = generateValidators(read(SCHEMA_FILE));
    expect(read(VALIDATORS_JS) === js, `${VALIDATORS_JS} is stale`).toBe(true);
    expect(read(VALIDATORS_DTS)).toBe(dts);
  });

  it('validators import nothing and bundle into CommonJS with esbuild', async () => {
    expect(read(VALIDATORS_JS)).not.toMatch(/\brequire\(|^\s*import\s/m);
    const contents = [
      "import { StatefulSet } from './src/schema/generated/validators.js';",
      "StatefulSet({ apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { replicas: '3' } });",
      'module.exports = StatefulSet.errors.map((error) => error.instancePath + " " + error.keyword);',
    ].join('\n');
    const result = await build({ stdin: { contents, resolveDir: ROOT }, bundle: true, write: false, platform: 'node', format: 'cjs', logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/require\(/);
    const sandbox = { module: { exports: undefined as unknown } };
    runInNewContext(code, sandbox);
    expect(sandbox.module.exports).toEqual(['/spec required', '/spec required', '/spec/replicas type']);
  });
});
