import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DEFAULT_FILES, type StslintConfig } from './config.js';
import { ConfigError } from './config-error.js';
import { findConfigFile } from './find-config-file.js';
import { parseConfig } from './parse-config.js';

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** The working directory: where discovery starts, what relative paths and shown paths are relative to. */
  cwd: string;
  /** `--config <file>`: use this file and skip discovery. */
  configFile?: string;
  /** Reads a file's bytes (tests replace it to simulate unreadable files). */
  readFile?: (file: string) => Promise<Uint8Array>;
}

/**
 * The configuration of a run: the `--config` file when given, else the `.stslint.yaml` found by
 * {@link findConfigFile}, else the defaults (no file, globs relative to `cwd`, every rule at its
 * default severity, no exemptions).
 *
 * @throws ConfigError when the file cannot be read (no position: `.stslint.yaml: No such file or
 *   directory`) or is not a valid configuration (with its position, see `parseConfig`). Errors
 *   show the file relative to `cwd`.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<StslintConfig> {
  const cwd = path.resolve(options.cwd);
  const file = options.configFile === undefined ? findConfigFile(cwd) : path.resolve(cwd, options.configFile);
  if (file === undefined) return defaultConfig(cwd);
  const shownPath = (path.relative(cwd, file) || file).split(path.sep).join('/');
  const readFile = options.readFile ?? ((name: string) => fs.readFile(name));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ConfigError(file, shownPath, undefined, undefined, `cannot read the configuration file: ${describe(error)}`);
  }
  return parseConfig(new TextDecoder('utf-8').decode(bytes), { file, shownPath });
}

/**
 * The configuration of a run without a `.stslint.yaml`: globs relative to `cwd`, every manifest
 * linted, every rule at its default severity, kustomize trees built, no exemptions.
 */
export function defaultConfig(cwd: string): StslintConfig {
  return {
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
  };
}

function describe(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied';
    case 'EISDIR':
      return 'Is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
