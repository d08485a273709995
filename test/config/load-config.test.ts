import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { DEFAULT_FILES } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/load-config.js';

const TMP = realpathSync(mkdtempSync(path.join(tmpdir(), 'stslint-load-config-')));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function write(file: string, text: string): string {
  const full = path.join(TMP, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

async function errorOf(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
  return error;
}

describe('loadConfig', () => {
  mkdirSync(path.join(TMP, 'repo/.git'), { recursive: true });
  mkdirSync(path.join(TMP, 'repo/deploy/prod'), { recursive: true });
  const found = write('repo/.stslint.yaml', 'namespace: prod\nrules:\n  node-local-storage: off\n');

  it('uses the file found upward, with globs relative to its folder', async () => {
    const config = await loadConfig({ cwd: path.join(TMP, 'repo/deploy/prod') });
    expect(config.file).toBe(found);
    expect(config.baseDirectory).toBe(path.join(TMP, 'repo'));
    expect(config.namespace).toBe('prod');
    expect(config.rules).toEqual(new Map([['node-local-storage', 'off']]));
  });

  it('gives the defaults, relative to the working directory, when there is no file', async () => {
    mkdirSync(path.join(TMP, 'bare/.git'), { recursive: true });
    const cwd = path.join(TMP, 'bare');
    expect(await loadConfig({ cwd })).toEqual({
      file: null,
      baseDirectory: cwd,
      namespace: undefined,
      files: DEFAULT_FILES,
      ignores: [],
      context: [],
      rules: new Map(),
      kustomize: { enabled: true, command: undefined },
      helmChartRoot: undefined,
      exemptions: [],
    });
  });

  it('uses --config instead of discovery, relative to the working directory', async () => {
    const other = write('elsewhere/strict.yaml', 'rules:\n  node-local-storage: error\n');
    const config = await loadConfig({ cwd: path.join(TMP, 'repo'), configFile: '../elsewhere/strict.yaml' });
    expect(config.file).toBe(other);
    expect(config.baseDirectory).toBe(path.join(TMP, 'elsewhere'));
    expect(config.rules.get('node-local-storage')).toBe('error');
  });

  it('fails on a missing --config file, without a position', async () => {
    const error = await errorOf(loadConfig({ cwd: path.join(TMP, 'repo'), configFile: 'missing.yaml' }));
    expect(error.message).toBe('missing.yaml: cannot read the configuration file: No such file or directory');
    expect(error.file).toBe(path.join(TMP, 'repo/missing.yaml'));
    expect(error.line).toBeUndefined();
  });

  it('fails on a --config that is a folder', async () => {
    const error = await errorOf(loadConfig({ cwd: TMP, configFile: 'repo' }));
    expect(error.message).toBe('repo: cannot read the configuration file: Is a directory');
  });

  it('fails on an unreadable discovered file', async () => {
    const readFile = async (): Promise<Uint8Array> => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    const error = await errorOf(loadConfig({ cwd: path.join(TMP, 'repo/deploy'), readFile }));
    expect(error.message).toBe('../.stslint.yaml: cannot read the configuration file: Permission denied');
  });

  it('shows the file relative to the working directory in validation errors', async () => {
    write('bad/.git/HEAD', 'ref: refs/heads/main\n');
    write('bad/.stslint.yaml', 'rules:\n  node-local-storage: warn\n');
    mkdirSync(path.join(TMP, 'bad/sub'), { recursive: true });
    const error = await errorOf(loadConfig({ cwd: path.join(TMP, 'bad/sub') }));
    expect(error.message).toBe('../.stslint.yaml:2:23: unknown severity "warn" for rule "node-local-storage"; did you mean "warning"?');
    expect(error.file).toBe(path.join(TMP, 'bad/.stslint.yaml'));
  });
});
