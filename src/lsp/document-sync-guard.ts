import type { Connection } from 'vscode-languageserver/node';

/** The part of a connection `TextDocuments.listen` registers its document-sync handlers on. */
type SyncConnection = Pick<
  Connection,
  | 'onDidOpenTextDocument'
  | 'onDidChangeTextDocument'
  | 'onDidCloseTextDocument'
  | 'onWillSaveTextDocument'
  | 'onWillSaveTextDocumentWaitUntil'
  | 'onDidSaveTextDocument'
>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isPosition = (value: unknown) => isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.character);

/**
 * What is wrong with a document-sync notification's parameters, or `undefined` when they have the
 * shape LSP 3.17 gives them: a `textDocument` with a string `uri`; for `didOpen` also a string
 * `languageId`, an integer `version` and a string `text`; for `didChange` an integer `version` and
 * `contentChanges`, each a string `text` with an optional `range` of two positions.
 */
export function syncProblem(method: string, params: unknown): string | undefined {
  if (!isObject(params) || !isObject(params.textDocument)) return 'params.textDocument must be an object';
  const document = params.textDocument;
  if (typeof document.uri !== 'string') return 'textDocument.uri must be a string';
  if (method === 'textDocument/didOpen') {
    if (typeof document.text !== 'string') return 'textDocument.text must be a string';
    if (typeof document.languageId !== 'string') return 'textDocument.languageId must be a string';
    if (!Number.isInteger(document.version)) return 'textDocument.version must be an integer';
  }
  if (method === 'textDocument/didChange') {
    if (!Number.isInteger(document.version)) return 'textDocument.version must be an integer';
    if (!Array.isArray(params.contentChanges)) return 'contentChanges must be a list';
    for (const change of params.contentChanges) {
      if (!isObject(change) || typeof change.text !== 'string') return 'each content change needs a string text';
      if (change.range !== undefined && !(isObject(change.range) && isPosition(change.range.start) && isPosition(change.range.end))) {
        return 'a content change range needs start and end positions';
      }
    }
  }
  return undefined;
}

/**
 * The connection as `TextDocuments.listen` should see it: each document-sync notification is
 * checked (`syncProblem`) before the library's handler runs, and one that is malformed, or whose
 * handling throws, is dropped with one log line naming the method and what was wrong (no stack):
 * a client's bad notification must never stop the server or flood its log. Notifications get no
 * reply in JSON-RPC; unknown requests are answered by the library (`MethodNotFound`).
 */
export function guardedDocumentSync(connection: Connection, log: (line: string) => void): SyncConnection {
  const guard = <P, R>(method: string, handler: (params: P, ...rest: never[]) => R) => (params: P, ...rest: never[]): R | undefined => {
    const problem = syncProblem(method, params);
    if (problem) {
      log(`stslint: ignored ${method}: ${problem}`);
      return undefined;
    }
    try {
      return handler(params, ...rest);
    } catch (error) {
      log(`stslint: ignored ${method}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return undefined;
    }
  };
  return {
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(guard('textDocument/didOpen', handler)),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(guard('textDocument/didChange', handler)),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(guard('textDocument/didClose', handler)),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(guard('textDocument/willSave', handler)),
    onWillSaveTextDocumentWaitUntil: (handler) =>
      connection.onWillSaveTextDocumentWaitUntil((params, token) => guard('textDocument/willSaveWaitUntil', handler)(params, token as never) ?? []),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(guard('textDocument/didSave', handler)),
  };
}
