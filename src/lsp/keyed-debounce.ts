/**
 * Per-key debouncing: `schedule(key, delayMs, run)` runs `run` once, `delayMs` milliseconds after
 * the last `schedule` call for that key; a newer call replaces the pending one (its `run` is
 * dropped). The language server keys it by document URI, as yaml-language-server does with its
 * validation delay.
 */
export class KeyedDebounce {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Replaces any pending run for `key` with `run`, due in `delayMs` (≥ 0) milliseconds. */
  schedule(key: string, delayMs: number, run: () => void): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      run();
    }, delayMs);
    this.timers.set(key, timer);
  }

  /** Drops the pending run for `key`, if any. */
  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  /** Drops every pending run. */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
