import { createConnection, ErrorCodes, StreamMessageReader, StreamMessageWriter, type ResponseMessage } from 'vscode-languageserver/node';
import { VERSION } from '../cli/version.js';
import { debounceArgument } from './debounce-option.js';
import { startLanguageServer } from './language-server.js';

// `stslint lsp` (dist/stslint-lsp.cjs, run by the launcher): the language server's only contact
// with the process. Transport: `--stdio` (the default), `--node-ipc`, `--socket=<port>` or
// `--pipe=<name>`, read from argv by vscode-languageserver.
const args = process.argv.slice(2).filter((arg) => arg !== 'lsp');
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'usage: stslint lsp [--stdio | --node-ipc | --socket=<port> | --pipe=<name>] [--debounce-ms <n>]\n\n' +
      'Starts the stslint language server (default transport: --stdio).\n' +
      '--debounce-ms <n>  lint a document n milliseconds after its last change (default 150; the\n' +
      '                   client\'s initializationOptions.debounceMs wins). Saves are linted at once.\n',
  );
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  serve();
}

function serve(): void {
  let debounceMs: number | undefined;
  try {
    debounceMs = debounceArgument(args);
  } catch (error) {
    process.stderr.write(`stslint lsp: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const otherTransport = args.some((arg) => /^--(node-ipc|socket|pipe)\b/.test(arg));
  startLanguageServer(otherTransport ? createConnection() : stdioConnection(), { debounceMs });
}

/**
 * The connection over stdio (the default transport), whose reader answers a message that is not
 * JSON with the JSON-RPC "Parse error" response (code -32700, `id: null`), as the JSON-RPC 2.0
 * specification (§5.1) asks, instead of dropping it silently; the server goes on reading.
 */
function stdioConnection() {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    const message = `Parse error: ${error.message.split('\n')[0]}`;
    void writer.write({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message } } as ResponseMessage);
  });
  return createConnection(reader, writer);
}
