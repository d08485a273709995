/** Delay between the last change of a document and its lint when the client sets none. */
export const DEFAULT_DEBOUNCE_MS = 150;

/**
 * The lint delay in milliseconds from the `initialize` request's `initializationOptions`:
 * `{ "debounceMs": <number ≥ 0> }` (0 lints on the next tick; tests and benchmarks use it), else
 * {@link DEFAULT_DEBOUNCE_MS}. A value of the wrong type is reported through `log` and ignored.
 */
export function debounceOption(initializationOptions: unknown, log: (message: string) => void): number {
  const value = typeof initializationOptions === 'object' && initializationOptions !== null ? (initializationOptions as { debounceMs?: unknown }).debounceMs : undefined;
  if (value === undefined) return DEFAULT_DEBOUNCE_MS;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  log(`stslint: initializationOptions.debounceMs must be a number of milliseconds ≥ 0, got ${JSON.stringify(value)}; using ${DEFAULT_DEBOUNCE_MS}`);
  return DEFAULT_DEBOUNCE_MS;
}
