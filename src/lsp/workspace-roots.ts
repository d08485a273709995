import path from 'node:path';
import type { InitializeParams } from 'vscode-languageserver/node';
import { documentPath } from './document-path.js';

/**
 * The workspace folders of an `initialize` request as absolute paths: `workspaceFolders` when the
 * client sends them, else the deprecated `rootUri`, else `rootPath`. Folders that are not `file:`
 * URIs are left out; an empty list means documents are linted one by one.
 */
export function workspaceRoots(params: Pick<InitializeParams, 'workspaceFolders' | 'rootUri' | 'rootPath'>): string[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) {
    return params.workspaceFolders.flatMap((folder) => documentPath(folder.uri) ?? []);
  }
  const root = params.rootUri ? documentPath(params.rootUri) : params.rootPath ? path.resolve(params.rootPath) : undefined;
  return root === undefined ? [] : [root];
}
