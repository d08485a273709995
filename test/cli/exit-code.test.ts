import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-code.js';
import type { Finding, Severity } from '../../src/engine/finding.js';
import type { FileResult } from '../../src/engine/lint.js';

function resultWith(...findings: Partial<Finding>[]): FileResult[] {
  const full = findings.map((finding) => ({
    ruleId: 'node-local-storage',
    message: 'm',
    severity: 'warning' as Severity,
    file: '/repo/db.yaml',
    range: { line: 1, column: 1, endLine: 1, endColumn: 2 },
    related: [],
    ...finding,
  }));
  return [{ file: { path: '/repo/db.yaml', text: '' }, findings: full, suppressed: [], objectCount: 1, unvalidatedKinds: [] }];
}

describe('exitCodeFor', () => {
  it('is 0 without findings and with warnings under the limit', () => {
    expect(exitCodeFor(resultWith(), -1)).toEqual({ code: 0 });
    expect(exitCodeFor(resultWith({}, {}), 2)).toEqual({ code: 0 });
  });

  it('is 1 for an error, a fatal parse error, or too many warnings', () => {
    expect(exitCodeFor(resultWith({ severity: 'error' }), -1)).toEqual({ code: 1 });
    expect(exitCodeFor(resultWith({ ruleId: 'yaml-syntax', severity: 'warning', fatal: true }), -1)).toEqual({ code: 1 });
    expect(exitCodeFor(resultWith({}, {}), 1)).toEqual({ code: 1, stderr: 'stslint found too many warnings (maximum: 1).' });
  });

  it('is 2 when a rule failed, since findings may be missing', () => {
    const verdict = exitCodeFor(resultWith({ severity: 'error' }, { ruleId: 'internal-error', severity: 'error' }), -1);
    expect(verdict.code).toBe(2);
    expect(verdict.stderr).toMatch(/^stslint: 1 internal error\(s\) while checking; the report may be incomplete/);
  });
});
