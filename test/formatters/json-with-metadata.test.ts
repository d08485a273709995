import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORTING_RULES } from '../../rules/index.js';
import { DOCS_BASE_URL } from '../../src/engine/docs-url.js';
import { ROOT } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

// `--format json-with-metadata` as ESLint defines it, rendered by ESLint's own formatters and by
// eslint-formatter-html (both devDependencies), the way docs/eslint-formatters.md shows.
const require = createRequire(import.meta.url);
type EslintFormatter = (results: unknown[], data: unknown) => string | Promise<string>;
/** ESLint's built-in formatters, by file: `eslint` exports no subpath for them (docs/eslint-formatters.md). */
const eslintFormatter = (name: string) => require(path.join(path.dirname(require.resolve('eslint/package.json')), 'lib/cli-engine/formatters', `${name}.js`)) as EslintFormatter;

interface Output {
  results: { filePath: string; messages: { ruleId: string; message: string }[]; suppressedMessages: { ruleId: string }[] }[];
  metadata: { cwd: string; rulesMeta: Record<string, { type: string; docs: { description: string; url: string; recommended: boolean }; messages: Record<string, string>; schema: [] }>; maxWarningsExceeded?: unknown };
}

const FIXTURES = ['fixtures/governing-service-not-headless/invalid', 'fixtures/node-local-storage/invalid', 'fixtures/schema-violation/invalid'];

async function lint(args: string[] = []): Promise<{ output: Output; stdout: string }> {
  const run = await runCli([...FIXTURES, '--format', 'json-with-metadata', ...args]);
  expect(run.stderr).toBe('');
  return { output: JSON.parse(run.stdout) as Output, stdout: run.stdout };
}

/** The rule ids of the messages, once each. */
const ruleIds = (output: Output) => [...new Set(output.results.flatMap((result) => result.messages.map((message) => message.ruleId)))].sort();

describe('--format json-with-metadata', () => {
  it("is byte for byte what ESLint's json-with-metadata formatter prints for the same results and metadata", async () => {
    const { output, stdout } = await lint();
    expect(stdout).toBe(`${eslintFormatter('json-with-metadata')(output.results, output.metadata) as string}\n`);
    expect(stdout.trimEnd()).not.toContain('\n');
  });

  it('has the results of --format json and, per rule id used, ESLint rule meta linking to its docs page', async () => {
    const { output } = await lint();
    const json = JSON.parse((await runCli([...FIXTURES, '--format', 'json'])).stdout) as unknown;
    expect(output.results).toEqual(json);
    expect(output.metadata.cwd).toBe(ROOT);
    expect(Object.keys(output.metadata.rulesMeta).sort()).toEqual(ruleIds(output));
    expect(ruleIds(output).length).toBeGreaterThanOrEqual(3);
    for (const [id, meta] of Object.entries(output.metadata.rulesMeta)) {
      const rule = REPORTING_RULES.get(id)!;
      expect(meta).toEqual({ type: 'problem', docs: { description: rule.title, recommended: true, url: `${DOCS_BASE_URL}${id}.md` }, messages: rule.messages, schema: [] });
      expect(existsSync(path.join(ROOT, 'docs/rules', `${id}.md`))).toBe(true);
    }
  });

  it('adds maxWarningsExceeded as ESLint does when there are more warnings than --max-warnings', async () => {
    const { output } = await lint(['--max-warnings', '0']);
    const warnings = output.results.flatMap((result) => result.messages).filter((message) => (message as { severity?: number }).severity === 1).length;
    expect(warnings).toBeGreaterThan(0);
    expect(output.metadata.maxWarningsExceeded).toEqual({ maxWarnings: 0, foundWarnings: warnings });
    expect((await lint()).output.metadata.maxWarningsExceeded).toBeUndefined();
  });

  it("renders with ESLint's html formatter, every rule id linked to its stslint docs page", async () => {
    const { output } = await lint();
    const html = eslintFormatter('html')(output.results, output.metadata) as string;
    const messages = output.results.flatMap((result) => result.messages);
    const links = [...html.matchAll(/<a href="([^"]*)" target="_blank" rel="noopener noreferrer">([^<]*)<\/a>/g)].map((match) => [match[2], match[1]]);
    expect(links).toHaveLength(messages.length);
    for (const [ruleId, href] of links) expect(href).toBe(`${DOCS_BASE_URL}${ruleId}.md`);
  });

  it('renders with eslint-formatter-html, which reads each rule meta (docs.url, description)', async () => {
    const { output } = await lint();
    const formatter = require('eslint-formatter-html') as EslintFormatter;
    const html = await formatter(structuredClone(output.results), structuredClone(output.metadata));
    expect(html).toContain('<html');
    // The page carries the rule meta deflated (pako) as a list of byte values; its script renders the links from docs.url.
    const packed = /window\.EslintRulesMeta = '([^']*)'/.exec(html)![1]!;
    const pako = createRequire(require.resolve('eslint-formatter-html'))('pako') as { inflateRaw(data: Uint8Array, options: { to: 'string' }): string };
    const rulesMeta = JSON.parse(pako.inflateRaw(Uint8Array.from(packed.split(',').map(Number)), { to: 'string' })) as Output['metadata']['rulesMeta'];
    expect(Object.keys(rulesMeta).sort()).toEqual(ruleIds(output));
    for (const [id, meta] of Object.entries(rulesMeta)) {
      expect(meta.docs.url).toBe(`${DOCS_BASE_URL}${id}.md`);
      expect(meta.docs.description).toBe(REPORTING_RULES.get(id)!.title);
    }
  });
});

describe('docs/eslint-formatters.md', () => {
  it('its script, run as written, renders the report with eslint-formatter-html and with ESLint\'s stylish', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const doc = readFileSync(path.join(ROOT, 'docs/eslint-formatters.md'), 'utf8');
    const script = /```js\n(\/\/ Renders stslint[^]*?)```/.exec(doc)![1]!;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'stslint-eslint-format-')), 'eslint-format.mjs');
    writeFileSync(file, script);
    const { stdout } = await lint();
    // Run from the repository, where eslint and eslint-formatter-html are installed.
    const html = execFileSync(process.execPath, [file, 'html'], { cwd: ROOT, input: stdout, encoding: 'utf8' });
    expect(html).toContain('window.EslintRulesMeta');
    const stylish = execFileSync(process.execPath, [file, 'stylish'], { cwd: ROOT, input: stdout, encoding: 'utf8' });
    expect(stylish).toMatch(/governing-service-not-headless/);
    expect(stylish).toMatch(/\u2716 \d+ problems/);
  });
});
