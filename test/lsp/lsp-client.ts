import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';

/** How long any single wait on the server may take before the test fails. */
export const LSP_TIMEOUT_MS = 10_000;

/**
 * A minimal LSP client for tests and benchmarks: spawns a language server as a child process,
 * speaks JSON-RPC over its stdio (`vscode-jsonrpc/node`), answers `client/registerCapability`,
 * and records every `textDocument/publishDiagnostics` in arrival order. Every wait is bounded,
 * and {@link LspClient.stop} always ends the child process.
 */
export class LspClient {
  /** Every publish received, in order; `published.length` marks "from now on" for {@link waitForPublish}. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** The server's log messages and stderr, shown when a wait times out. */
  readonly log: string[] = [];
  /** Registrations the server asked for (`client/registerCapability` params). */
  readonly registrations: unknown[] = [];
  /** Everything the server wrote to standard output, raw (to see replies the client library drops). */
  readonly stdout: string[] = [];
  private readonly child: ChildProcess;
  private readonly connection: MessageConnection;
  private readonly waiters = new Set<() => void>();
  private readonly exited: Promise<number | null>;

  constructor(command: string, args: readonly string[], cwd: string) {
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.stdout!.on('data', (chunk: Buffer) => this.stdout.push(chunk.toString('utf8')));
    this.child.stderr!.on('data', (chunk: Buffer) => this.log.push(`stderr: ${chunk.toString('utf8')}`));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (const wake of this.waiters) wake();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => void this.log.push(params.message));
    this.connection.onRequest('client/registerCapability', (params: unknown) => {
      this.registrations.push(params);
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  /** Sends a request and waits (bounded) for its answer. */
  request<Result>(method: string, params?: unknown): Promise<Result> {
    return this.bounded(this.connection.sendRequest<Result>(method, params), `the answer to ${method}`);
  }

  /** Writes bytes to the server's standard input as they are (malformed messages). */
  writeRaw(text: string): void {
    this.child.stdin!.write(text);
  }

  /** Sends a notification. */
  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /**
   * The first publish at index `since` or later (see `published.length`) that `match` accepts,
   * waiting for it if needed.
   */
  waitForPublish(match: (publish: PublishDiagnosticsParams) => boolean, since = 0, what = 'a matching publishDiagnostics'): Promise<PublishDiagnosticsParams> {
    let wake = () => {};
    const found = new Promise<PublishDiagnosticsParams>((resolve) => {
      wake = () => {
        const publish = this.published.slice(since).find(match);
        if (publish) resolve(publish);
      };
      this.waiters.add(wake);
      wake();
    });
    return this.bounded(found, what).finally(() => this.waiters.delete(wake));
  }

  /** `shutdown` then `exit`; resolves with the exit code. The child is killed if it does not exit in time. */
  async stop(): Promise<number | null> {
    try {
      await this.request('shutdown');
      await this.notify('exit', undefined);
      return await this.bounded(this.exited, 'the server to exit');
    } finally {
      this.dispose();
    }
  }

  /** Ends the connection and kills the child process if it still runs. */
  dispose(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private bounded<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const seen = this.published.map((publish) => `${publish.uri} v${publish.version ?? '-'}: ${publish.diagnostics.map((d) => d.code).join(', ')}`);
        reject(new Error(`timed out after ${LSP_TIMEOUT_MS} ms waiting for ${what}\npublished:\n${seen.join('\n')}\nlog:\n${this.log.join('\n')}`));
      }, LSP_TIMEOUT_MS);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}
