import { createConnection } from 'vscode-languageserver/node';
import { VERSION } from '../cli/version.js';
import { startLanguageServer } from './language-server.js';

// `stslint lsp` (dist/stslint-lsp.cjs, run by the launcher): the language server's only contact
// with the process. Transport: `--stdio` (the default), `--node-ipc`, `--socket=<port>` or
// `--pipe=<name>`, read from argv by vscode-languageserver.
const args = process.argv.slice(2).filter((arg) => arg !== 'lsp');
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('usage: stslint lsp [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]\n\nStarts the stslint language server (default transport: --stdio).\n');
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // Without a transport argument, serve over stdio (and let the library redirect console output).
  if (!args.some((arg) => /^--(stdio|node-ipc|socket|pipe)\b/.test(arg))) process.argv.push('--stdio');
  startLanguageServer(createConnection());
}
