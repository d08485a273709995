import { describe, expect, it } from 'vitest';
import { sarifFingerprint } from '../../src/formatters/sarif-fingerprint.js';
import { DB_YAML } from './sample-input.js';

/** Every test vector of integrations.md §1.4 (github/codeql-action's own, plus deploy/db.yaml). */
const VECTORS: [name: string, text: string, hashes: string[]][] = [
  ['empty file', '', ['c129715d7a2bc9a3:1']],
  ['blanks and no final newline', ' a\nb\n  \t\tc\n d', ['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1']],
  ...(['\r\n', '\n', '\r'] as const).map((newline): [string, string, string[]] => [
    `greetings with ${JSON.stringify(newline)}`,
    ` hello; \t${newline}world!!!${newline}${newline}${newline}  \t\tGreetings${newline} End${newline}`,
    ['e9496ae3ebfced30:1', 'fb7c023a8b9ccb3f:1', 'ce8ba1a563dcdaca:1', 'e20e36e16fcb0cc8:1', 'b3edc88f2938467e:1', 'c8e28b0b4002a3a0:1', 'c129715d7a2bc9a3:1'],
  ]),
  [
    'ten equal lines',
    'Lorem ipsum dolor sit amet.\n'.repeat(10),
    [
      'a7f2ff13bc495cf2:1', 'a7f2ff13bc495cf2:2', 'a7f2ff13bc495cf2:3', 'a7f2ff13bc495cf2:4', 'a7f2ff13bc495cf2:5', 'a7f2ff13bc495cf2:6',
      'a7f2ff1481e87703:1', 'a9cf91f7bbf1862b:1', '55ec222b86bcae53:1', 'cc97dc7b1d7d8f7b:1', 'c129715d7a2bc9a3:1',
    ],
  ],
  [
    'python snippet',
    'x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n',
    ['e54938cc54b302f1:1', 'bb609acbe9138d60:1', '1131fd5871777f34:1', '5c482a0f8b35ea28:1', '54517377da7028d2:1', '2c644846cb18d53e:1', 'f1b89f20de0d133:1', 'c129715d7a2bc9a3:1'],
  ],
];

describe('sarifFingerprint (GitHub primaryLocationLineHash)', () => {
  it.each(VECTORS)('%s', (_name, text, hashes) => {
    expect(sarifFingerprint(text)).toEqual(hashes);
  });

  it('deploy/db.yaml of integrations.md §1.1: lines 5, 6 and 11', () => {
    const hashes = sarifFingerprint(DB_YAML);
    expect(hashes).toHaveLength(13);
    expect(hashes[4]).toBe('53a0ba170c1fc155:1');
    expect(hashes[5]).toBe('f90f4d5520c62c86:1');
    expect(hashes[10]).toBe('64dc9b69d6562957:1');
  });

  it('ignores blanks and the kind of newline, but not other characters', () => {
    expect(sarifFingerprint(DB_YAML.replace(/\n/g, '\r\n').replace(/: /g, ':\t '))).toEqual(sarifFingerprint(DB_YAML));
    expect(sarifFingerprint(DB_YAML.replace('replicas: 3', 'replicas: 4'))[4]).not.toBe('53a0ba170c1fc155:1');
  });
});
