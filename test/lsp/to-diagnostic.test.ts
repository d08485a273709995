import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { toDiagnostic } from '../../src/lsp/to-diagnostic.js';

const finding: Finding = {
  ruleId: 'node-local-storage',
  message: 'Claim template "data" uses storage class "local-path"',
  severity: 'info',
  file: '/repo/db.yaml',
  range: { line: 12, column: 27, endLine: 12, endColumn: 37 },
  related: [{ file: '/repo/classes.yaml', range: { line: 3, column: 1, endLine: 4, endColumn: 1 }, message: 'StorageClass "local-path" is here' }],
};

describe('toDiagnostic', () => {
  it('moves 1-based positions to 0-based ones and maps severity, code, docs page and related locations', () => {
    expect(toDiagnostic(finding, (file) => `file://${file}`)).toEqual({
      range: { start: { line: 11, character: 26 }, end: { line: 11, character: 36 } },
      severity: 3,
      code: 'node-local-storage',
      codeDescription: { href: 'https://github.com/stslint/stslint/blob/main/docs/rules/node-local-storage.md' },
      source: 'stslint',
      message: 'Claim template "data" uses storage class "local-path"',
      relatedInformation: [
        { location: { uri: 'file:///repo/classes.yaml', range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } } }, message: 'StorageClass "local-path" is here' },
      ],
    });
  });

  it('links reserved ids to their documentation page too, and gives findings without related locations no relatedInformation', () => {
    const diagnostic = toDiagnostic({ ...finding, ruleId: 'internal-error', severity: 'error', related: [] }, String);
    expect(diagnostic.codeDescription).toEqual({ href: 'https://github.com/stslint/stslint/blob/main/docs/rules/internal-error.md' });
    expect(diagnostic).not.toHaveProperty('relatedInformation');
    expect(diagnostic).toMatchObject({ code: 'internal-error', severity: 1 });
  });
});
