import { DEFAULT_FILES, type StslintConfig } from '../config/config.js';

/**
 * The configuration of a run without a `.stslint.yaml` (what `loadConfig` returns when it finds
 * none): globs relative to `baseDirectory`, every manifest linted, every rule at its default
 * severity, no exemptions. The server falls back to it when a configuration cannot be loaded.
 */
export function defaultConfig(baseDirectory: string): StslintConfig {
  return { file: null, baseDirectory, namespace: undefined, files: DEFAULT_FILES, ignores: [], context: [], rules: new Map(), exemptions: [] };
}
