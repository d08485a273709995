/** Delay between the last change of a document and its lint when the client sets none. */
export const DEFAULT_DEBOUNCE_MS = 150;

/**
 * The lint delay in milliseconds from the `initialize` request's `initializationOptions`:
 * `{ "debounceMs": <number ≥ 0> }` (0 lints on the next tick; tests and benchmarks use it), else
 * `fallback` (`stslint lsp --debounce-ms`, else {@link DEFAULT_DEBOUNCE_MS}). A value of the wrong
 * type is reported through `log` and ignored.
 */
export function debounceOption(initializationOptions: unknown, log: (message: string) => void, fallback = DEFAULT_DEBOUNCE_MS): number {
  const value = typeof initializationOptions === 'object' && initializationOptions !== null ? (initializationOptions as { debounceMs?: unknown }).debounceMs : undefined;
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  log(`stslint: initializationOptions.debounceMs must be a number of milliseconds ≥ 0, got ${JSON.stringify(value)}; using ${fallback}`);
  return fallback;
}

/**
 * The `--debounce-ms <n>` (or `--debounce-ms=<n>`) argument of `stslint lsp`: a whole number of
 * milliseconds ≥ 0; `undefined` when absent. Throws a message for a value that is not one.
 */
export function debounceArgument(args: readonly string[]): number | undefined {
  const at = args.findIndex((arg) => arg === '--debounce-ms' || arg.startsWith('--debounce-ms='));
  if (at === -1) return undefined;
  const text = args[at]!.includes('=') ? args[at]!.slice('--debounce-ms='.length) : args[at + 1];
  if (text === undefined || !/^\d+$/.test(text)) throw new Error(`--debounce-ms needs a whole number of milliseconds ≥ 0, got ${JSON.stringify(text ?? '')}`);
  return Number(text);
}
