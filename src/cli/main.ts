import { CommanderError } from 'commander';
import { ALL_RULES } from '../../rules/index.js';
import { lintSources, type FileResult } from '../engine/lint.js';
import { INTERNAL_ERROR } from '../engine/internal-error.js';
import { FORMATTERS } from '../formatters/index.js';
import { readInputs } from '../parser/read-inputs.js';
import type { CliIO } from './cli-io.js';
import { listRules } from './list-rules.js';
import { buildProgram, type CliOptions } from './program.js';
import { repositoryRoot } from './repository-root.js';
import { useColor } from './use-color.js';
import { VERSION } from './version.js';

/** Exit codes, as ESLint's: 0 clean, 1 lint errors or too many warnings, 2 fatal. */
export const EXIT = { clean: 0, lintErrors: 1, fatal: 2 } as const;

/**
 * Runs the stslint command line: parses `argv` (without `node` and the script), lints, prints the
 * report and returns the exit code. Never throws: option errors, unreadable paths and internal
 * failures print one line on stderr and return 2; the inputs that could be read are still linted
 * and reported.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.clean : EXIT.fatal;
    throw error;
  }
  const options = program.opts<CliOptions>();
  if (options.listRules) {
    io.writeStdout(listRules(ALL_RULES));
    return EXIT.clean;
  }
  try {
    return await lintCommand(program.args, options, io);
  } catch (error) {
    io.writeStderr(`stslint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.fatal;
  }
}

async function lintCommand(paths: readonly string[], options: CliOptions, io: CliIO): Promise<number> {
  const readsStdin = options.stdin === true || (paths.length === 0 && options.stdinFilename !== undefined);
  const operands = paths.length > 0 ? [...paths] : readsStdin ? [] : ['.'];
  if (readsStdin && !operands.includes('-')) operands.push('-');
  const { files, errors } = await readInputs(operands, {
    cwd: io.cwd,
    readStdin: () => io.readStdin(),
    stdinFilename: options.stdinFilename,
  });
  const fatal = errors.map((error) => `stslint: ${error.path}: ${error.message}`);
  if (files.length === 0 && errors.length === 0 && options.errorOnUnmatchedPattern) {
    fatal.push(`stslint: no manifest files (*.yaml, *.yml, *.json) found in ${operands.map((o) => `"${o}"`).join(', ')}`);
  }
  const results = lintSources(files, { rules: ALL_RULES, namespace: options.namespace });
  const shown = options.quiet ? results.map(errorsOnly) : results;
  const toFile = options.outputFile !== undefined;
  const format = FORMATTERS.get(options.format as never)!;
  const needsRepositoryPaths = options.format === 'sarif' || options.format === 'github';
  const output = format({
    results: shown,
    rules: new Map([...ALL_RULES, INTERNAL_ERROR].map((rule) => [rule.id, rule])),
    baseDirectory: needsRepositoryPaths ? repositoryRoot(io.cwd) : io.cwd,
    version: VERSION,
    color: !toFile && useColor(options, io.env, io.stdoutIsTTY),
  });
  if (toFile) {
    try {
      await io.writeFile(options.outputFile!, output);
    } catch (error) {
      fatal.push(`stslint: cannot write ${options.outputFile}: ${(error as Error).message}`);
    }
  } else if (output !== '') {
    io.writeStdout(output);
  }
  for (const line of fatal) io.writeStderr(`${line}\n`);
  if (fatal.length > 0) return EXIT.fatal;
  return exitCodeOf(results, options, io);
}

function exitCodeOf(results: readonly FileResult[], options: CliOptions, io: CliIO): number {
  const findings = results.flatMap((result) => result.findings);
  const errorCount = findings.filter((finding) => finding.severity === 'error').length;
  const warningCount = findings.length - errorCount;
  if (errorCount > 0) return EXIT.lintErrors;
  if (options.maxWarnings >= 0 && warningCount > options.maxWarnings) {
    io.writeStderr(`stslint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return EXIT.lintErrors;
  }
  return EXIT.clean;
}

function errorsOnly(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((finding) => finding.severity === 'error') };
}
