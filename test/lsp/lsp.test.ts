import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/fixtures.js';
import { LspClient } from './lsp-client.js';

// Each test starts the real server as a child process and talks LSP to it over stdio.
const BUNDLE = path.join(ROOT, 'dist', 'stslint.cjs');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const SERVERS: [string, string[]][] = [
  ['dist/stslint.cjs lsp --stdio (the built bundle, as users run it)', [BUNDLE, 'lsp', '--stdio']],
  ['src/lsp/bin.ts --stdio (the sources, through tsx)', ['--import', TSX, path.join(ROOT, 'src', 'lsp', 'bin.ts'), '--stdio']],
];
const WORKSPACE = path.join(ROOT, 'test', 'lsp', 'workspace');
const DOCS = 'https://github.com/stslint/stslint/blob/main/docs/rules/';

const NOT_HEADLESS_MESSAGE = 'Governing Service "consul-server" is not headless: per-pod DNS names need clusterIP: None';

let folder: string;
let client: LspClient;

const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;
const codes = (publish: PublishDiagnosticsParams) => publish.diagnostics.map((diagnostic) => diagnostic.code);
const range = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

/** Each test of the calling `describe`: a copy of test/lsp/workspace and a fresh server, killed afterwards. */
function serveWorkspace(args: readonly string[]): void {
  beforeEach(() => {
    folder = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stslint-lsp-')));
    mkdirSync(path.join(folder, '.git')); // the configuration search stops here
    cpSync(WORKSPACE, folder, { recursive: true });
    client = new LspClient(process.execPath, args, folder);
  });
  afterEach(() => {
    client.dispose();
    rmSync(folder, { recursive: true, force: true });
  });
}

async function initialize(): Promise<InitializeResult> {
  const result = await client.request<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'workspace' }],
    capabilities: {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true } },
    },
    initializationOptions: { debounceMs: 0 },
  });
  await client.notify('initialized', {});
  return result;
}

async function open(name: string): Promise<void> {
  const text = readFileSync(path.join(folder, name), 'utf8');
  await client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'yaml', version: 1, text } });
}

/** Notifies a change on disk and waits for the StatefulSet's next publish. */
async function changeOnDisk(name: string, type: 1 | 2 | 3): Promise<PublishDiagnosticsParams> {
  const since = client.published.length;
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(name), type }] });
  return client.waitForPublish((publish) => publish.uri === uriOf('statefulset.yaml'), since, `statefulset.yaml after ${name} changed on disk`);
}


it('dist/stslint-lsp.cjs holds the language server (run `npm run build`)', () => {
  expect(readFileSync(path.join(ROOT, 'dist', 'stslint-lsp.cjs'), 'utf8')).not.toContain('not available in this build');
});

describe.each(SERVERS)('stslint language server: %s', (_, args) => {
  serveWorkspace(args);

  it('publishes versioned diagnostics on open and change, re-checks dependents, clears on close', async () => {
    const init = await initialize();
    expect(init.capabilities.textDocumentSync).toEqual({ openClose: true, change: 2, save: { includeText: true } });
    expect(init.serverInfo?.name).toBe('stslint');

    // Open: the governing Service is found in service.yaml, which is not open (read from disk).
    const statefulSet = uriOf('statefulset.yaml');
    await open('statefulset.yaml');
    const opened = await client.waitForPublish((publish) => publish.uri === statefulSet && publish.version === 1);
    expect(opened.diagnostics).toEqual<Diagnostic[]>([
      {
        range: range(6, 0, 6, 4),
        severity: 2,
        code: 'volume-claim-templates-missing',
        codeDescription: { href: `${DOCS}volume-claim-templates-missing.md` },
        source: 'stslint',
        message: 'spec.volumeClaimTemplates is missing: Consul data in the container layer is lost with its pod',
        relatedInformation: [{ location: { uri: statefulSet, range: range(21, 17, 21, 38) }, message: 'container "consul" runs Consul ("hashicorp/consul:1.20")' }],
      },
      {
        range: range(7, 15, 7, 28),
        severity: 1,
        code: 'governing-service-not-headless',
        codeDescription: { href: `${DOCS}governing-service-not-headless.md` },
        source: 'stslint',
        message: NOT_HEADLESS_MESSAGE,
        relatedInformation: [{ location: { uri: uriOf('service.yaml'), range: range(7, 13, 7, 24) }, message: 'clusterIP "10.96.12.40" is set here' }],
      },
    ]);
    expect(client.published.filter((publish) => publish.uri === statefulSet)).toHaveLength(1); // open is linted once

    // An incremental change that introduces a mistake: replicas "3" → "three".
    await client.notify('textDocument/didChange', {
      textDocument: { uri: statefulSet, version: 2 },
      contentChanges: [{ range: range(8, 12, 8, 13), text: 'three' }],
    });
    const changed = await client.waitForPublish((publish) => publish.uri === statefulSet && publish.version === 2);
    const schemaViolation = changed.diagnostics.find((diagnostic) => diagnostic.code === 'schema-violation');
    expect(schemaViolation).toMatchObject({ range: range(8, 12, 8, 17), severity: 1, source: 'stslint' });
    expect(codes(changed)).toContain('governing-service-not-headless');

    // The Service is opened and made headless: the StatefulSet's diagnostics are published again.
    const service = uriOf('service.yaml');
    await open('service.yaml');
    await client.waitForPublish((publish) => publish.uri === service && publish.version === 1);
    const beforeFix = client.published.length;
    await client.notify('textDocument/didChange', {
      textDocument: { uri: service, version: 2 },
      contentChanges: [{ range: range(7, 13, 7, 24), text: 'None' }],
    });
    const rechecked = await client.waitForPublish((publish) => publish.uri === statefulSet, beforeFix, 'statefulset.yaml re-checked');
    expect(rechecked.version).toBe(2);
    expect(codes(rechecked)).toEqual(['volume-claim-templates-missing', 'schema-violation']);

    // The Service is closed without saving: its file on disk (not headless) counts again.
    const beforeServiceClose = client.published.length;
    await client.notify('textDocument/didClose', { textDocument: { uri: service } });
    const reverted = await client.waitForPublish((publish) => publish.uri === statefulSet, beforeServiceClose, 'statefulset.yaml re-checked after the Service closed');
    expect(codes(reverted)).toEqual(['volume-claim-templates-missing', 'governing-service-not-headless', 'schema-violation']);

    // Close: the diagnostics are cleared.
    const beforeClose = client.published.length;
    await client.notify('textDocument/didClose', { textDocument: { uri: statefulSet } });
    const closed = await client.waitForPublish((publish) => publish.uri === statefulSet, beforeClose, 'the clearing publish');
    expect(closed).toEqual({ uri: statefulSet, diagnostics: [] });

    expect(await client.stop()).toBe(0);
  });
});

describe('stslint language server: a save ahead of the changes (Neovim 0.7 sends didSave before its debounced didChange)', () => {
  serveWorkspace([...SERVERS[0]![1], '--debounce-ms', '60000']);

  it('lints the saved text at once and publishes it without a version; the change, when it comes, is linted as usual', async () => {
    const result = await client.request<InitializeResult>('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {} });
    expect(result.capabilities.textDocumentSync).toMatchObject({ save: { includeText: true } });
    await client.notify('initialized', {});
    await open('statefulset.yaml');
    const opened = await client.waitForPublish((publish) => publish.uri === uriOf('statefulset.yaml') && publish.version === 1);
    expect(codes(opened)).toContain('governing-service-not-headless');
    // The client saved text it has not sent yet: serviceName now names no Service.
    const saved = readFileSync(path.join(folder, 'statefulset.yaml'), 'utf8').replace('serviceName: consul-server', 'serviceName: consul-typo');
    const since = client.published.length;
    const started = performance.now();
    await client.notify('textDocument/didSave', { textDocument: { uri: uriOf('statefulset.yaml') }, text: saved });
    const publish = await client.waitForPublish((candidate) => candidate.uri === uriOf('statefulset.yaml'), since, 'the saved text\'s diagnostics');
    // Not after the 60 s debounce given on the command line: the save is linted at once.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(publish.version).toBeUndefined();
    expect(codes(publish)).toContain('governing-service-missing');
    expect(codes(publish)).not.toContain('governing-service-not-headless');
  });
});

describe('stslint language server: configuration and files changed on disk', () => {
  serveWorkspace(SERVERS[0]![1]);

  it('follows .stslint.yaml and the manifests on disk', async () => {
    const config = path.join(folder, '.stslint.yaml');
    writeFileSync(config, 'rules:\n  volume-claim-templates-missing: off\n');
    await initialize();
    await open('statefulset.yaml');
    const opened = await client.waitForPublish((publish) => publish.uri === uriOf('statefulset.yaml') && publish.version === 1);
    expect(codes(opened)).toEqual(['governing-service-not-headless']);
    expect(JSON.stringify(client.registrations)).toContain('workspace/didChangeWatchedFiles');

    // An exemption hides the finding: suppressed findings are not published.
    writeFileSync(
      config,
      'rules:\n  volume-claim-templates-missing: off\nexemptions:\n  - rule: governing-service-not-headless\n    name: consul\n    reason: The mesh gives each pod its own name.\n',
    );
    expect(codes(await changeOnDisk('.stslint.yaml', 2))).toEqual([]);

    // An invalid configuration is shown on the file; the last good one stays in use.
    const since = client.published.length;
    writeFileSync(config, 'rule:\n  volume-claim-templates-missing: off\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('.stslint.yaml'), type: 2 }] });
    const configPublish = await client.waitForPublish((publish) => publish.uri === uriOf('.stslint.yaml'), since, 'the configuration error');
    expect(configPublish.diagnostics).toEqual([
      { range: range(0, 0, 0, 0), severity: 1, source: 'stslint', message: 'unknown key "rule"; did you mean "rules"?' },
    ]);
    const lastGood = await client.waitForPublish((publish) => publish.uri === uriOf('statefulset.yaml'), since, 'statefulset.yaml re-checked');
    expect(codes(lastGood)).toEqual([]);

    // Without a configuration every rule is back at its default severity, and the error is cleared.
    unlinkSync(config);
    const sinceDelete = client.published.length;
    expect(codes(await changeOnDisk('.stslint.yaml', 3))).toEqual(['volume-claim-templates-missing', 'governing-service-not-headless']);
    const cleared = await client.waitForPublish((publish) => publish.uri === uriOf('.stslint.yaml'), sinceDelete, 'the configuration error cleared');
    expect(cleared.diagnostics).toEqual([]);

    // The Service file, not open, is made headless on disk.
    const serviceFile = path.join(folder, 'service.yaml');
    writeFileSync(serviceFile, readFileSync(serviceFile, 'utf8').replace('clusterIP: 10.96.12.40', 'clusterIP: None'));
    expect(codes(await changeOnDisk('service.yaml', 2))).toEqual(['volume-claim-templates-missing']);
    expect(existsSync(config)).toBe(false);

    expect(await client.stop()).toBe(0);
  });
});

describe('stslint language server: bad input', () => {
  serveWorkspace(SERVERS[0]![1]);

  it('reports broken documents, lints unsaved buffers alone, and keeps serving', async () => {
    await initialize();
    const untitled = 'untitled:Untitled-1';
    const broken = uriOf('broken.json');
    const remote = 'file://build-host/share/statefulset.yaml';
    await client.notify('textDocument/didChange', { textDocument: { uri: uriOf('never-opened.yaml'), version: 7 }, contentChanges: [{ text: 'x' }] });
    await client.notify('textDocument/didOpen', { textDocument: { uri: broken, languageId: 'json', version: 1, text: '{"apiVersion": "v1", "kind": ' } });
    await client.notify('textDocument/didOpen', { textDocument: { uri: remote, languageId: 'yaml', version: 1, text: '\u0000\u0001' } });
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: untitled, languageId: 'yaml', version: 1, text: readFileSync(path.join(WORKSPACE, 'statefulset.yaml'), 'utf8') },
    });
    const brokenPublish = await client.waitForPublish((publish) => publish.uri === broken && publish.version === 1);
    expect(new Set(codes(brokenPublish))).toEqual(new Set(['yaml-syntax']));
    expect(brokenPublish.diagnostics.every((diagnostic) => diagnostic.severity === 1)).toBe(true);
    const remotePublish = await client.waitForPublish((publish) => publish.uri === remote && publish.version === 1);
    expect(codes(remotePublish)).toEqual(['yaml-syntax']);
    // Not a file: linted alone, so its governing Service is missing.
    const untitledPublish = await client.waitForPublish((publish) => publish.uri === untitled && publish.version === 1);
    expect(codes(untitledPublish)).toEqual(['volume-claim-templates-missing', 'governing-service-missing']);
    expect(client.published.some((publish) => publish.uri === uriOf('never-opened.yaml'))).toBe(false);
    expect(await client.stop()).toBe(0);
  });
});

describe.each(SERVERS)('stslint language server: code actions (%s)', (_name, args) => {
  serveWorkspace(args);

  it('offers fixes and suggestions as quick fixes and fixes everything on source.fixAll.stslint', async () => {
    const initialized = await initialize();
    expect(initialized.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.stslint'] });
    const text = readFileSync(path.join(ROOT, 'fixtures/service-name-mismatch/fix/typo-with-comments.yaml'), 'utf8');
    const uri = uriOf('zk.yaml');
    const since = client.published.length;
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const publish = await client.waitForPublish((candidate) => candidate.uri === uri, since, 'zk.yaml diagnostics');
    const diagnostic = publish.diagnostics.find((candidate) => candidate.code === 'service-name-mismatch')!;
    type Action = { title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, { range: unknown; newText: string }[]> } };
    const quickFixes = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    expect(quickFixes).toHaveLength(1);
    expect(quickFixes[0]!.isPreferred).toBe(true);
    expect(quickFixes[0]!.edit.changes[uri]).toEqual([{ range: range(18, 15, 18, 26), newText: 'zk-hs' }]);
    const fixAll = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: range(0, 0, 0, 0), context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(fixAll.map((action) => action.kind)).toEqual(['source.fixAll.stslint']);
    expect(fixAll[0]!.edit.changes[uri]![0]!.newText).toBe(readFileSync(path.join(ROOT, 'fixtures/service-name-mismatch/fix/typo-with-comments.fixed.yaml'), 'utf8'));
  });
});

describe.each(SERVERS)('stslint language server: bad requests (%s)', (_name, args) => {
  serveWorkspace(args);

  it('answers or ignores them with one log line, never a stack, and keeps serving', async () => {
    await initialize();
    const uri = uriOf('statefulset.yaml');
    // didOpen without text: ignored, one line.
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: null } });
    // A change for a document never opened, a change without contentChanges.
    await client.notify('textDocument/didChange', { textDocument: { uri: uriOf('never.yaml'), version: 2 }, contentChanges: [{ text: 'a: 1' }] });
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 } });
    // Malformed JSON, then an unknown request.
    client.writeRaw('Content-Length: 11\r\n\r\n{"jsonrpc":');
    client.writeRaw('Content-Length: 2\r\n\r\n{}');
    await expect(client.request('stslint/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    expect(client.stdout.join('')).toContain('"id":null,"error":{"code":-32700');
    // A burst of changes: the last version is published, and the server still answers.
    const text = readFileSync(path.join(folder, 'statefulset.yaml'), 'utf8');
    const since = client.published.length;
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    for (let version = 2; version <= 10_001; version++) {
      void client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    await client.waitForPublish((publish) => publish.uri === uri && publish.version === 10_001, since, 'the publish of version 10001');
    const actions = await client.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: range(0, 0, 0, 0), context: { diagnostics: [] } });
    expect(Array.isArray(actions)).toBe(true);
    const lines = client.log.join('\n');
    expect(lines).toContain('stslint: ignored textDocument/didOpen: textDocument.text must be a string');
    expect(lines).toContain('stslint: ignored textDocument/didChange: contentChanges must be a list');
    expect(lines).not.toMatch(/\n\s+at /);
    expect(lines).not.toContain('TypeError');
  });
});

/** Makes the test folder a git repository with everything committed. */
function commitAll(message: string): void {
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_'))), GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1' };
  const git = (...args: string[]) => {
    const result = spawnSync('git', args, { cwd: folder, encoding: 'utf8', env });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  };
  if (!existsSync(path.join(folder, '.git', 'HEAD'))) {
    rmSync(path.join(folder, '.git'), { recursive: true, force: true });
    git('init', '--quiet', '--initial-branch', 'main');
    git('config', 'user.name', 'Test User');
    git('config', 'user.email', 'test@example.com');
    git('config', 'commit.gpgsign', 'false');
  }
  git('add', '--all');
  git('commit', '--quiet', '--message', message);
}

describe.each(SERVERS)('stslint language server in a git repository: %s', (_, args) => {
  serveWorkspace(args);

  it('compares the buffer with HEAD, and again after a save', async () => {
    commitAll('Consul');
    await initialize();
    const statefulSet = uriOf('statefulset.yaml');
    await open('statefulset.yaml');
    const opened = await client.waitForPublish((publish) => publish.uri === statefulSet && publish.version === 1);
    expect(codes(opened)).not.toContain('immutable-field-changed');

    // podManagementPolicy added in the buffer: the API server would refuse the update.
    await client.notify('textDocument/didChange', {
      textDocument: { uri: statefulSet, version: 2 },
      contentChanges: [{ range: range(8, 0, 8, 0), text: '  podManagementPolicy: Parallel\n' }],
    });
    const changed = await client.waitForPublish((publish) => publish.uri === statefulSet && publish.version === 2);
    expect(changed.diagnostics.find((diagnostic) => diagnostic.code === 'immutable-field-changed')).toMatchObject({
      range: range(8, 23, 8, 31),
      severity: 1,
      message: 'spec.podManagementPolicy is immutable (was unset)',
    });

    // The change is saved and committed: HEAD now has it, and the next save compares with that.
    const text = readFileSync(path.join(folder, 'statefulset.yaml'), 'utf8').replace('  replicas: 3\n', '  podManagementPolicy: Parallel\n  replicas: 3\n');
    writeFileSync(path.join(folder, 'statefulset.yaml'), text);
    commitAll('Parallel pod management');
    const beforeSave = client.published.length;
    await client.notify('textDocument/didSave', { textDocument: { uri: statefulSet } });
    const saved = await client.waitForPublish((publish) => publish.uri === statefulSet, beforeSave, 'statefulset.yaml after the save');
    expect(saved.version).toBe(2);
    expect(codes(saved)).not.toContain('immutable-field-changed');
    expect(await client.stop()).toBe(0);
  });

  it('re-checks only the open documents whose StatefulSets depend on the changed one', async () => {
    writeFileSync(path.join(folder, 'settings.yaml'), '# Settings of another application.\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-settings\n  namespace: infra\ndata:\n  mode: fast\n');
    await initialize();
    const statefulSet = uriOf('statefulset.yaml');
    const settings = uriOf('settings.yaml');
    await open('statefulset.yaml');
    await open('settings.yaml');
    await client.waitForPublish((publish) => publish.uri === statefulSet && publish.version === 1);
    await client.waitForPublish((publish) => publish.uri === settings && publish.version === 1);
    const before = client.published.filter((publish) => publish.uri === statefulSet).length;
    await client.notify('textDocument/didChange', { textDocument: { uri: settings, version: 2 }, contentChanges: [{ range: range(7, 8, 7, 12), text: 'slow' }] });
    await client.waitForPublish((publish) => publish.uri === settings && publish.version === 2);
    // The Service it does depend on: changing it re-checks the StatefulSet (after the ConfigMap's lint, had it been scheduled).
    await open('service.yaml');
    const service = uriOf('service.yaml');
    await client.waitForPublish((publish) => publish.uri === service && publish.version === 1);
    const sinceService = client.published.length;
    await client.notify('textDocument/didChange', { textDocument: { uri: service, version: 2 }, contentChanges: [{ range: range(7, 13, 7, 24), text: 'None' }] });
    await client.waitForPublish((publish) => publish.uri === statefulSet, sinceService, 'statefulset.yaml re-checked after the Service changed');
    expect(client.published.filter((publish) => publish.uri === statefulSet).length).toBe(before + 1);
    expect(await client.stop()).toBe(0);
  });
});
