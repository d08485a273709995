import { assertNoPoisoning } from '@fast-check/poisoning';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCase, fuzzCase } from './support/fuzz.js';

// A seeded sample of the fuzz target (`npm run fuzz -- --runs <N>` runs any number): hostile
// manifests through the whole pipeline, with no escaping exception, no internal error, positions
// inside the file, no raw control character in text output, and no prototype touched.

describe('fuzz (seeded sample)', () => {
  it('2,000 hostile cases pass every check', () => {
    fc.assert(
      fc.property(fuzzCase(), (fuzz) => {
        const problem = checkCase(fuzz);
        expect(problem, `${fuzz.file}:\n${fuzz.text.slice(0, 2000)}`).toBeUndefined();
      }),
      { numRuns: 2000, seed: 20261204 },
    );
  }, 120_000);

  it('leaves every built-in prototype untouched', () => {
    const cases = fc.sample(fuzzCase().filter((fuzz) => fuzz.text.includes('__proto__')), { numRuns: 50, seed: 7 });
    for (const fuzz of cases) checkCase(fuzz);
    // The built-ins objects from YAML could reach; Node defines some other globals lazily.
    assertNoPoisoning({ ignoredRootRegex: /^(?!(?:Object|Array|Function|String|Number|Boolean|Map|Set|JSON|Reflect|Symbol|Promise|RegExp)$)/ });
  });
});
