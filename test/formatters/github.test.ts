import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/formatters/github.js';
import { at, finding, sampleInput } from './sample-input.js';

describe('github', () => {
  it('matches the expected file', async () => {
    await expect(formatGithub(sampleInput())).toMatchFileSnapshot('./expected/sample.github.txt');
  });

  it('prints one command per finding: error, warning, notice; repo-relative file; rule id as title', () => {
    const lines = formatGithub(sampleInput()).trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines).toContain(
      '::error file=deploy/db.yaml,line=6,endLine=6,col=16,endColumn=18,title=governing-service-not-found::StatefulSet "db" names governing Service "db", which is not in the input',
    );
    expect(lines).toContain(
      '::notice file=deploy/db.yaml,line=5,endLine=5,col=1,endColumn=5,title=pod-management-policy-missing::StatefulSet "db" does not set spec.podManagementPolicy',
    );
    // Columns only on single-line ranges (the runner drops them otherwise).
    expect(lines).toContain(
      '::warning file=deploy/db.yaml,line=7,endLine=12,title=replication-bootstrap-missing::StatefulSet "db" runs 3 replicas of "postgres:16" without a bootstrap',
    );
    // A fatal finding is an error; a file outside the base keeps its absolute path.
    expect(lines[0]).toMatch(/^::error file=deploy\/broken\.yaml,line=3,endLine=4,title=yaml-syntax::/);
    expect(lines).toContain('::error file=/elsewhere/other.yaml,line=2,endLine=2,col=1,endColumn=5,title=internal-error::Rule "governing-service-not-found" failed on StatefulSet "": boom');
    expect(lines.every((line) => line.startsWith('::'))).toBe(true);
  });

  it('prints nothing when there are no findings', () => {
    expect(formatGithub({ results: [{ file: { path: '/repo/a.yaml', text: '' }, findings: [], objectCount: 0, suppressed: [], unvalidatedKinds: [] }], baseDirectory: '/repo' })).toBe('');
  });

  it('escapes messages and properties so that nothing can inject a command (integrations.md §3.2)', () => {
    const file = '/repo/odd,name:x%.yaml';
    const message = '100% broken\r\n::error file=evil.yaml::injected\nlast';
    const output = formatGithub({
      results: [{ file: { path: file, text: '' }, findings: [finding(file, 'rule,with:odd%id', 'warning', message, at(1, 1, 3))], objectCount: 1, suppressed: [], unvalidatedKinds: [] }],
      baseDirectory: '/repo',
    });
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines.every((line) => line.startsWith('::'))).toBe(true);
    expect(output).not.toMatch(/\r/);
    expect(lines[0]).toBe(
      '::warning file=odd%2Cname%3Ax%25.yaml,line=1,endLine=1,col=1,endColumn=3,title=rule%2Cwith%3Aodd%25id::100%25 broken%0D%0A::error file=evil.yaml::injected%0Alast',
    );
  });
});
