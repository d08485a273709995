import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyedDebounce } from '../../src/lsp/keyed-debounce.js';

describe('KeyedDebounce (fake timers)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs only the last scheduled run of a key, after its delay', () => {
    const debounce = new KeyedDebounce();
    const runs: string[] = [];
    debounce.schedule('a', 150, () => runs.push('a1'));
    vi.advanceTimersByTime(100);
    debounce.schedule('a', 150, () => runs.push('a2'));
    debounce.schedule('b', 0, () => runs.push('b'));
    vi.advanceTimersByTime(149);
    expect(runs).toEqual(['b']);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual(['b', 'a2']);
  });

  it('drops cancelled and disposed runs', () => {
    const debounce = new KeyedDebounce();
    const runs: string[] = [];
    debounce.schedule('a', 10, () => runs.push('a'));
    debounce.schedule('b', 10, () => runs.push('b'));
    debounce.cancel('a');
    vi.advanceTimersByTime(10);
    debounce.schedule('c', 10, () => runs.push('c'));
    debounce.dispose();
    vi.advanceTimersByTime(10);
    expect(runs).toEqual(['b']);
  });
});
