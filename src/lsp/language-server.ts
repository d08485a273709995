import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runProcess as realRunProcess } from '../cli/process-io.js';
import { VERSION } from '../cli/version.js';
import { escapeText } from '../text/escape-text.js';
import { CONFIG_FILE_NAME } from '../config/config.js';
import type { RunProcess } from '../kustomize/kustomize-build.js';
import { codeActions, FIX_ALL_KIND } from './code-actions.js';
import { configErrorDiagnostic } from './config-error-diagnostic.js';
import { guardedDocumentSync } from './document-sync-guard.js';
import { DEFAULT_DEBOUNCE_MS, debounceOption } from './debounce-option.js';
import type { ParsedFile } from '../parser/parse-documents.js';
import { documentPath } from './document-path.js';
import { KeyedDebounce } from './keyed-debounce.js';
import { lintDocument } from './lint-document.js';
import { toDiagnostic } from './to-diagnostic.js';
import { Workspace } from './workspace.js';
import { workspaceRoots } from './workspace-roots.js';

/** Options of {@link startLanguageServer}. */
export interface LanguageServerOptions {
  /** Runs kustomize (tests may replace it). */
  runProcess?: RunProcess;
  /**
   * Delay between a document's last change and its lint, in milliseconds, when the client's
   * `initializationOptions.debounceMs` sets none (`stslint lsp --debounce-ms <n>`); default 150.
   */
  debounceMs?: number;
}

/**
 * Serves stslint over an LSP connection (push diagnostics, LSP 3.17):
 * - documents are synchronised incrementally; each is linted on open and change (debounced per
 *   URI: `initializationOptions.debounceMs`, else `options.debounceMs`, else 150 ms), and at once
 *   on open and on save, and every publish carries the version that was linted; closing clears it. The server asks
 *   for the saved text (`save.includeText`): a client that sends its changes debounced (Neovim
 *   0.7 waits 150 ms, and sends `didSave` first) gets the saved text's diagnostics at once, published
 *   without a version since they are ahead of the changes the server has seen;
 * - a document is linted with the other manifests of its workspace folder as context (see
 *   {@link Workspace}), and in a git repository compared with its version at `HEAD` (read again
 *   after each save); when a document is changed, saved or closed, the other open documents whose
 *   StatefulSets depend on its objects, before or after the change (`findDependents`), are linted
 *   again;
 * - `workspace/didChangeWatchedFiles` re-reads manifests changed on disk, and reloads the
 *   configuration when a `.stslint.yaml` changes; an invalid one is shown as a diagnostic on it;
 * - a document of a kustomize tree is checked as built (`TreeChecks`): the builds that read it run
 *   from disk, once, and again after a file of their tree is saved or changes on disk, when the
 *   other open documents are re-checked; the findings are published in the files that wrote the
 *   fields, open or not.
 * Problems are logged to the client (`connection.console`); none stops the server.
 *
 * @param options - how kustomize runs and the default debounce (tests replace both)
 */
export function startLanguageServer(connection: Connection, options: LanguageServerOptions = {}): void {
  const runProcess = options.runProcess ?? realRunProcess;
  const documents = new TextDocuments(TextDocument);
  const debounce = new KeyedDebounce();
  let opening: string | undefined; // the document whose didOpen is being handled
  const changed = new Set<string>(); // changed or saved since its last lint: re-check its dependents after it
  const lastLinted = new Map<string, { parsed: ParsedFile; namespace: string | undefined }>(); // the text of its last lint
  let configErrorUris = new Set<string>();
  let debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const savedText = new Map<string, string>(); // the text of a didSave, until its handler runs
  let watchFiles = false;
  let workspace: Workspace | undefined;
  const treePublished = new Map<string, string>(); // closed files given kustomize diagnostics: uri → what was published

  const log = (message: string) => connection.console.error(escapeText(message, { keepNewlines: true }));
  const report = (error: unknown) => log(`stslint: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  const publish = (params: PublishDiagnosticsParams) => void connection.sendDiagnostics(params).catch(report);
  const isConfigFile = (uri: string) => path.basename(documentPath(uri) ?? '') === CONFIG_FILE_NAME;
  const schedule = (uri: string, delayMs = debounceMs) => debounce.schedule(uri, delayMs, () => void lintAndPublish(uri).catch(report));
  const scheduleOthers = (uri?: string) => documents.keys().filter((other) => other !== uri).forEach((other) => schedule(other));
  /** Lints again the other open documents whose StatefulSets depend on an object of these versions of `uri`. */
  const scheduleDependents = (uri: string, versions: readonly (ParsedFile | undefined)[], namespace: string | undefined) => {
    for (const other of documents.all()) {
      if (other.uri !== uri && workspace?.dependsOn(other, versions, namespace)) schedule(other.uri);
    }
  };

  async function lintAndPublish(uri: string): Promise<void> {
    if (!workspace || isConfigFile(uri)) return;
    const file = documentPath(uri);
    const setup = await workspace.setupFor(file);
    const document = documents.get(uri);
    if (!document) return;
    // No `await` from here on: the diagnostics are those of `document.version`.
    const diagnostics = lintDocument(document, file, setup);
    publish({ uri, version: document.version, diagnostics });
    const previous = lastLinted.get(uri)?.parsed;
    const parsed = workspace.parsed(document);
    lastLinted.set(uri, { parsed, namespace: setup.config.namespace });
    if (changed.delete(uri)) scheduleDependents(uri, [previous, parsed], setup.config.namespace);
    await publishTreeDiagnostics();
  }

  /**
   * Lints the text a client saved when the server has not seen all of its changes yet, and
   * publishes the diagnostics without a version (they belong to no version the server knows).
   */
  async function lintSavedText(uri: string, text: string): Promise<void> {
    if (!workspace) return;
    const file = documentPath(uri);
    const setup = await workspace.setupFor(file);
    const document = documents.get(uri);
    if (!document) return;
    publish({ uri, diagnostics: lintDocument(TextDocument.create(uri, document.languageId, document.version, text), file, setup) });
  }

  /** Publishes the kustomize findings of the files that are not open (the open ones get them when linted). */
  async function publishTreeDiagnostics(): Promise<void> {
    if (!workspace) return;
    const open = new Set(documents.keys());
    const reported = new Set<string>();
    for (const file of await workspace.treeChecks.reportedFiles()) {
      const uri = pathToFileURL(file).href;
      if (open.has(uri)) continue;
      reported.add(uri);
      const diagnostics = (await workspace.treeChecks.findingsIn(file)).map((finding) => toDiagnostic(finding, (other) => pathToFileURL(other).href));
      const text = JSON.stringify(diagnostics);
      if (treePublished.get(uri) === text) continue;
      treePublished.set(uri, text);
      publish({ uri, diagnostics });
    }
    for (const uri of treePublished.keys()) {
      if (reported.has(uri)) continue;
      treePublished.delete(uri);
      if (!open.has(uri)) publish({ uri, diagnostics: [] });
    }
  }

  /** After a file changed on disk: forget the kustomize builds that read it, and check the open documents again. */
  async function treeFileChanged(file: string): Promise<boolean> {
    if (!workspace) return false;
    const affected = await workspace.treeChecks.invalidate(file);
    return affected.size > 0 || documents.keys().some((uri) => documentPath(uri) === file);
  }

  async function reloadConfiguration(): Promise<void> {
    workspace?.reload();
    await publishConfigErrors();
    scheduleOthers();
  }

  async function publishConfigErrors(): Promise<void> {
    const uris = new Set<string>();
    for (const error of (await workspace?.configErrors()) ?? []) {
      log(`stslint: ${error.message}`);
      const uri = pathToFileURL(error.file).href;
      uris.add(uri);
      publish({ uri, diagnostics: [configErrorDiagnostic(error)] });
    }
    for (const uri of configErrorUris) if (!uris.has(uri)) publish({ uri, diagnostics: [] });
    configErrorUris = uris;
  }

  connection.onInitialize((params) => {
    debounceMs = debounceOption(params.initializationOptions, log, options.debounceMs);
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    workspace = new Workspace(workspaceRoots(params), () => documents.all(), log, runProcess);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: true } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'stslint', version: VERSION },
    };
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!workspace || !document || isConfigFile(document.uri)) return [];
    const file = documentPath(document.uri);
    return codeActions(document, file, await workspace.setupFor(file), params);
  });

  connection.onInitialized(() => {
    if (watchFiles) {
      const watchers = [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: `**/${CONFIG_FILE_NAME}` }];
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(report);
    }
    publishConfigErrors().catch(report);
  });

  // onDidChangeContent fires on open too, right after onDidOpen: one lint per open, no separate
  // open handler. Opening a file changes nothing for the others (they saw its disk text).
  documents.onDidOpen(({ document }) => (opening = document.uri));
  // A document just opened is linted at once: there are no keystrokes to wait for.
  documents.onDidChangeContent(({ document }) => {
    const opened = opening === document.uri;
    if (!opened) changed.add(document.uri);
    opening = undefined;
    schedule(document.uri, opened ? 0 : debounceMs);
  });

  documents.onDidSave(({ document }) => {
    const file = documentPath(document.uri);
    const text = savedText.get(document.uri);
    savedText.delete(document.uri);
    if (isConfigFile(document.uri)) return void reloadConfiguration().catch(report);
    // Changes the client has not sent yet: show the saved text's diagnostics now; the changes, when they come, are linted as usual.
    if (text !== undefined && text !== document.getText()) lintSavedText(document.uri, text).catch(report);
    // Clients without file watching: keep the disk copy, used once the document is closed, current.
    if (file !== undefined) workspace?.fileChanged(file, false).catch(report);
    // A save may follow a commit: compare with HEAD as it is now.
    workspace?.forgetBases();
    // A saved file of a kustomize tree: its builds run again, and every open document is re-checked.
    const rebuild = file === undefined ? Promise.resolve(false) : treeFileChanged(file);
    rebuild
      .then((rebuilt) => {
        changed.add(document.uri);
        schedule(document.uri, 0);
        if (rebuilt) scheduleOthers(document.uri);
      })
      .catch(report);
  });

  documents.onDidClose(({ document }) => {
    const { uri } = document;
    debounce.cancel(uri);
    changed.delete(uri);
    workspace?.forget(uri);
    if (!isConfigFile(uri)) publish({ uri, diagnostics: [] });
    // Its disk text now stands in for its in-memory text.
    const last = lastLinted.get(uri);
    if (last) scheduleDependents(uri, [last.parsed], last.namespace);
    lastLinted.delete(uri);
    // Its kustomize findings stay published, as for every file that is not open.
    treePublished.delete(uri);
    publishTreeDiagnostics().catch(report);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const apply = async () => {
      let configChanged = false;
      workspace?.forgetBases();
      for (const change of changes) {
        const file = documentPath(change.uri);
        if (file === undefined) continue;
        if (path.basename(file) === CONFIG_FILE_NAME) configChanged = true;
        else {
          await workspace?.fileChanged(file, change.type === FileChangeType.Deleted);
          await treeFileChanged(file);
        }
      }
      if (configChanged) await reloadConfiguration();
      else scheduleOthers();
    };
    apply().catch(report);
  });

  connection.onShutdown(() => debounce.dispose());
  // `__textDocumentSync` is what `listen` sets on the connection; the guard forwards the handlers.
  const sync = guardedDocumentSync(connection, log);
  const keepSavedText: typeof sync = {
    ...sync,
    onDidSaveTextDocument: (handler) =>
      sync.onDidSaveTextDocument((params) => {
        if (typeof params.text === 'string') savedText.set(params.textDocument.uri, params.text);
        return handler(params);
      }),
  };
  documents.listen(Object.assign(keepSavedText, { __textDocumentSync: undefined }) as unknown as Connection);
  connection.listen();
}
