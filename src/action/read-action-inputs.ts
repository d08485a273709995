/** When the action fails the step (exit 1): on an error, on a warning or error, or never. */
export type FailLevel = 'error' | 'warning' | 'never';

/** The report printed in the log besides the annotations. */
export type ConsoleFormat = 'stylish' | 'compact' | 'json' | 'none';

/** The action's inputs, checked. Paths are as given (relative to `workingDirectory`). */
export interface ActionInputs {
  /** Operands as for the CLI; empty: the configuration's `files`. */
  paths: string[];
  /** Configuration file; `undefined`: discovery from the working directory. */
  config?: string;
  format: ConsoleFormat;
  failLevel: FailLevel;
  /** Where to write SARIF; `undefined`: nowhere. */
  sarifFile?: string;
  namespace?: string;
  workingDirectory: string;
  /**
   * The `base` input: `''` for the default (the pull request's base commit on pull request events,
   * else none), `none` for no comparison, or a git revision.
   */
  base: string;
}

/**
 * Defaults of the inputs, used when the runner passes no `INPUT_*` variable (running outside
 * Actions). They must equal `action.yml`'s, from which the runner fills them; a test checks it.
 */
export const ACTION_INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  paths: '',
  config: '',
  format: 'stylish',
  'fail-level': 'error',
  'sarif-file': 'stslint.sarif',
  namespace: '',
  'working-directory': '.',
  base: '',
};

const FAIL_LEVELS: readonly FailLevel[] = ['error', 'warning', 'never'];
const CONSOLE_FORMATS: readonly ConsoleFormat[] = ['stylish', 'compact', 'json', 'none'];

/**
 * Reads and checks the inputs from the environment as `@actions/core`'s `getInput` does: the
 * variable `INPUT_<NAME>`, with the name upper-cased and spaces (not dashes) replaced by `_`
 * (`INPUT_FAIL-LEVEL`), and the value trimmed. An absent variable takes the default of
 * {@link ACTION_INPUT_DEFAULTS}; a present empty one stays empty. `paths` is split on any
 * whitespace (spaces and newlines; match a name with spaces by a glob such as `my?dir`).
 *
 * @returns the inputs, or one message per bad input (`stslint: input "fail-level" must be …`)
 */
export function readActionInputs(env: Readonly<Record<string, string | undefined>>): { inputs: ActionInputs } | { problems: string[] } {
  const input = (name: string): string => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? ACTION_INPUT_DEFAULTS[name] ?? '').trim();
  const problems: string[] = [];
  const oneOf = <T extends string>(name: string, allowed: readonly T[], hint = ''): T => {
    const value = input(name);
    if (!allowed.includes(value as T)) {
      problems.push(`stslint: input "${name}" must be ${list(allowed)}, not "${value}"${hint}`);
    }
    return value as T;
  };
  const paths = input('paths').split(/\s+/).filter((operand) => operand !== '');
  if (paths.includes('-')) problems.push('stslint: input "paths" cannot name standard input ("-") in the action');
  const format = oneOf('format', CONSOLE_FORMATS, CONSOLE_HINT[input('format')] ?? '');
  const failLevel = oneOf('fail-level', FAIL_LEVELS);
  const namespace = input('namespace');
  if (namespace !== '' && !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace)) {
    problems.push(`stslint: input "namespace" must be a namespace name (a DNS-1123 label such as "prod"), not "${namespace}"`);
  }
  const base = input('base');
  if (base.startsWith('-') || /\s/.test(base)) problems.push(`stslint: input "base" must be a git revision (HEAD, origin/main, a commit) or none, not "${base}"`);
  if (problems.length > 0) return { problems };
  return {
    inputs: {
      paths,
      config: input('config') || undefined,
      format,
      failLevel,
      sarifFile: input('sarif-file') || undefined,
      namespace: namespace || undefined,
      workingDirectory: input('working-directory') || '.',
      base,
    },
  };
}

/** Why the machine formats are not console formats. */
const CONSOLE_HINT: Readonly<Record<string, string>> = {
  github: ' (annotations are always written; "format" chooses the report printed besides them)',
  sarif: ' (SARIF goes to the file named by "sarif-file")',
};

function list(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}
