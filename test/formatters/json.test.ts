import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/formatters/json.js';
import { DB_YAML, sampleInput } from './sample-input.js';

interface ParsedResult {
  filePath: string;
  messages: Record<string, unknown>[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  source?: string;
}

describe('json', () => {
  const output = formatJson(sampleInput());
  const parsed = JSON.parse(output) as ParsedResult[];

  it('is one line of JSON followed by a newline (ALE reads line by line)', () => {
    expect(output.endsWith('\n')).toBe(true);
    expect(output.slice(0, -1)).not.toMatch(/[\r\n]/);
  });

  it('matches the expected file', async () => {
    await expect(output).toMatchFileSnapshot('./expected/sample.json');
  });

  it('lists every linted file in input order with absolute paths, <stdin> kept', () => {
    expect(parsed.map((result) => result.filePath)).toEqual([
      '/repo/deploy/broken.yaml',
      '/repo/deploy/clean.yaml',
      '/repo/deploy/db.yaml',
      '/repo/deploy/my app.yaml',
      '/elsewhere/other.yaml',
      '<stdin>',
    ]);
  });

  it('has the exact keys of ESLint LintResult, source only where there are messages', () => {
    const clean = parsed[1]!;
    expect(Object.keys(clean)).toEqual([
      'filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount',
      'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules',
    ]);
    expect(clean.messages).toEqual([]);
    expect(parsed[2]!.source).toBe(DB_YAML);
    expect(Object.keys(parsed[2]!)).toContain('source');
  });

  it('maps severities (error and fatal → 2, warning and info → 1) and counts them', () => {
    const [broken, , db] = parsed;
    expect(broken!.messages[0]).toEqual({
      ruleId: 'yaml-syntax', severity: 2, message: 'YAML syntax error: Flow map must end with a }',
      line: 3, column: 8, messageId: 'syntax', endLine: 4, endColumn: 1, fatal: true,
    });
    expect(broken!.messages[1]).not.toHaveProperty('fatal');
    expect([broken!.errorCount, broken!.fatalErrorCount, broken!.warningCount]).toEqual([2, 1, 0]);
    expect(db!.messages.map((message) => message.severity)).toEqual([1, 2, 1]);
    expect([db!.errorCount, db!.fatalErrorCount, db!.warningCount]).toEqual([1, 0, 2]);
    expect(db!.messages[0]).not.toHaveProperty('messageId');
  });

  it('prints an empty array for no input', () => {
    expect(formatJson({ results: [] })).toBe('[]\n');
  });
});
