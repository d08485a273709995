import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileWhole } from '../../src/cli/process-io.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'stslint-write-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('writeFileWhole (-o and --fix)', () => {
  it('replaces the file through a temporary file in the same folder and leaves none behind', async () => {
    const file = path.join(folder, 'report.json');
    writeFileSync(file, 'old');
    await writeFileWhole(file, 'new report');
    expect(readFileSync(file, 'utf8')).toBe('new report');
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('keeps the mode of the file it replaces', async () => {
    const file = path.join(folder, 'db.yaml');
    writeFileSync(file, 'a: 1\n');
    chmodSync(file, 0o640);
    await writeFileWhole(file, 'a: 2\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('leaves the previous file whole when the write fails', async () => {
    const file = path.join(folder, 'report.json');
    writeFileSync(file, 'previous');
    await expect(writeFileWhole(path.join(file, 'not-a-folder'), 'x')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('previous');
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('creates missing folders', async () => {
    await writeFileWhole(path.join(folder, 'a', 'b', 'out.sarif'), '{}');
    expect(readFileSync(path.join(folder, 'a', 'b', 'out.sarif'), 'utf8')).toBe('{}');
  });
});
