import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/fixtures.js';
import { KUBECTL, reportKubectlSkip } from '../support/kubectl.js';
import { LspClient } from './lsp-client.js';

// The language server on a kustomize tree (examples/kustomize-postgres): the overlay is built with
// the real kubectl, findings are published in the files that wrote the fields, and saving a patch
// builds the overlay again. Skipped, with the reason printed, where kubectl cannot run.
reportKubectlSkip('the language server kustomize tests');

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const SERVERS: [string, string[]][] = [
  ['dist/stslint.cjs lsp --stdio', [path.join(ROOT, 'dist', 'stslint.cjs'), 'lsp', '--stdio']],
  ['src/lsp/bin.ts --stdio', ['--import', TSX, path.join(ROOT, 'src', 'lsp', 'bin.ts'), '--stdio']],
];

let folder: string;
let client: LspClient;
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;
const codes = (publish: PublishDiagnosticsParams) => publish.diagnostics.map((diagnostic) => diagnostic.code);

async function open(name: string): Promise<void> {
  const text = readFileSync(path.join(folder, name), 'utf8');
  await client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'yaml', version: 1, text } });
}

describe.skipIf(!KUBECTL.available).each(SERVERS)('stslint language server on a kustomize tree: %s', (_, args) => {
  beforeEach(() => {
    folder = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stslint-lsp-kustomize-')));
    mkdirSync(path.join(folder, '.git'));
    cpSync(path.join(ROOT, 'examples/kustomize-postgres'), folder, { recursive: true });
    client = new LspClient(process.execPath, args, folder);
  });
  afterEach(() => {
    client.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes the overlay\'s findings where the fields were written, and rebuilds on save', async () => {
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'example' }],
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } } },
      initializationOptions: { debounceMs: 0 },
    });
    await client.notify('initialized', {});

    // The base is opened: nothing is wrong in it, but the overlay that uses it is built, and the
    // patch, which is not open, gets the finding on its line 6.
    await open('base/postgres.yaml');
    const base = await client.waitForPublish((publish) => publish.uri === uriOf('base/postgres.yaml') && publish.version === 1);
    expect(base.diagnostics).toEqual([]);
    const patch = await client.waitForPublish((publish) => publish.uri === uriOf('overlays/prod/replicas.yaml'), 0, 'the patch, not open');
    expect(patch.diagnostics).toMatchObject([
      { code: 'replication-bootstrap-missing', range: { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } }, severity: 2 },
    ]);

    // The patch is opened: the same finding, and no error for the patch as a whole object.
    await open('overlays/prod/replicas.yaml');
    const opened = await client.waitForPublish((publish) => publish.uri === uriOf('overlays/prod/replicas.yaml') && publish.version === 1);
    expect(codes(opened)).toEqual(['replication-bootstrap-missing']);

    // One replica, saved: the overlay is built again and the finding goes away.
    const patchFile = path.join(folder, 'overlays/prod/replicas.yaml');
    const text = readFileSync(patchFile, 'utf8').replace('replicas: 3', 'replicas: 1');
    writeFileSync(patchFile, text);
    await client.notify('textDocument/didChange', { textDocument: { uri: uriOf('overlays/prod/replicas.yaml'), version: 2 }, contentChanges: [{ text }] });
    const since = client.published.length;
    await client.notify('textDocument/didSave', { textDocument: { uri: uriOf('overlays/prod/replicas.yaml') } });
    const saved = await client.waitForPublish((publish) => publish.uri === uriOf('overlays/prod/replicas.yaml') && publish.version === 2 && publish.diagnostics.length === 0, since, 'the patch after the save');
    expect(saved.diagnostics).toEqual([]);

    expect(await client.stop()).toBe(0);
  });
});
