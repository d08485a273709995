import path from 'node:path';
import { classifyPath } from '../config/classify-path.js';
import type { StslintConfig } from '../config/config.js';
import { listConfiguredFiles } from '../config/list-configured-files.js';
import { readInputs } from '../parser/read-inputs.js';
import type { SourceFile } from '../parser/source-file.js';
import type { CliIO } from './cli-io.js';
import type { CliOptions } from './program.js';

/** The files of a run: those reported, those only indexed, and what went wrong reading them. */
export interface SelectedInputs {
  files: SourceFile[];
  context: SourceFile[];
  /** Fatal problems, one line each (exit 2). */
  errors: string[];
  /** Informational lines for stderr (ignored files named on the command line). */
  notices: string[];
}

/**
 * Chooses and reads a run's inputs. With operands: files, folders and globs as given (`-` is
 * standard input), leaving out what the configuration ignores (a file named explicitly that is
 * ignored gets a notice, as in ESLint). Without operands: the configuration's `files` globs
 * (every manifest under the config folder by default). Context: the configuration's `context`
 * globs, minus the files already linted, read for the index only.
 */
export async function selectInputs(
  paths: readonly string[],
  options: Pick<CliOptions, 'stdin' | 'stdinFilename' | 'errorOnUnmatchedPattern'>,
  config: StslintConfig,
  io: CliIO,
): Promise<SelectedInputs> {
  const readsStdin = options.stdin === true || (paths.length === 0 && options.stdinFilename !== undefined);
  const notices: string[] = [];
  const ignored = (file: string) => classifyPath(file, config) === 'ignored';
  let operands = [...paths];
  if (readsStdin && !operands.includes('-')) operands.push('-');
  const named = operands.filter((operand) => operand !== '-' && ignored(path.resolve(io.cwd, operand)));
  for (const file of named) notices.push(`stslint: ${file}: File ignored because of a matching ignore pattern in ${configName(config, io)}`);
  operands = operands.filter((operand) => !named.includes(operand));
  const fromConfig = paths.length === 0 && !readsStdin;
  if (fromConfig) operands = await listConfiguredFiles(config, 'files');
  const read = await readInputs(operands, {
    cwd: io.cwd,
    readStdin: () => io.readStdin(),
    stdinFilename: options.stdinFilename,
    ignore: ignored,
  });
  const errors = read.errors.map((error) => `stslint: ${error.path}: ${error.message}`);
  if (read.files.length === 0 && read.errors.length === 0 && named.length === 0 && options.errorOnUnmatchedPattern) {
    const where = fromConfig ? `the files of ${configName(config, io)}` : paths.map((operand) => `"${operand}"`).join(', ');
    errors.push(`stslint: no manifest files (*.yaml, *.yml, *.json) found in ${where || '"."'}`);
  }
  const linted = new Set(read.files.map((file) => file.path));
  const contextPaths = (await listConfiguredFiles(config, 'context')).filter((file) => !linted.has(file));
  const context = await readInputs(contextPaths, { cwd: io.cwd });
  errors.push(...context.errors.map((error) => `stslint: ${error.path}: ${error.message} (context)`));
  return { files: read.files, context: context.files, errors, notices };
}

function configName(config: StslintConfig, io: CliIO): string {
  return config.file ? path.relative(io.cwd, config.file) || config.file : 'the default configuration';
}
