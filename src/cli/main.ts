import { readFile } from 'node:fs/promises';
import { CommanderError } from 'commander';
import { ALL_RULES, REPORTING_RULES, RESERVED_RULES } from '../../rules/index.js';
import { ConfigError } from '../config/config-error.js';
import type { RuleSeverity, StslintConfig } from '../config/config.js';
import { loadConfig } from '../config/load-config.js';
import { resolveRuleSeverities } from '../config/resolve-rule-severities.js';
import type { FileResult } from '../engine/lint.js';
import type { DocumentedRule } from '../engine/rule.js';
import type { FormatInput } from '../formatters/format-input.js';
import { FORMATTERS } from '../formatters/index.js';
import type { CliIO } from './cli-io.js';
import { EXIT, exitCodeFor } from './exit-code.js';
import { lintRun } from './lint-run.js';
import { listRules } from './list-rules.js';
import { loadTerminal } from '../formatters/load-terminal.js';
import { printConfigCommand } from './print-config-command.js';
import { buildProgram, type CliOptions } from './program.js';
import { repositoryRoot } from './repository-root.js';
import { useColor } from './use-color.js';
import { VERSION } from './version.js';
import { escapeText } from '../text/escape-text.js';

/** Metadata of everything that can appear in a report: the rules and the reserved ids. */
export const REPORTED_RULES: ReadonlyMap<string, DocumentedRule> = REPORTING_RULES;


/**
 * Runs the stslint command line: parses `argv` (without `node` and the script), loads the
 * configuration, lints, prints the report and returns the exit code. Never throws: option and
 * configuration errors, unreadable paths and internal failures print one line on stderr and
 * return 2; the inputs that could be read are still linted and reported.
 */
export async function main(argv: readonly string[], unsafeIO: CliIO): Promise<number> {
  const io = withEscapedStderr(unsafeIO);
  const program = buildProgram(io);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.clean : EXIT.fatal;
    throw error;
  }
  const options = program.opts<CliOptions>();
  if (options.listRules) {
    const terminal = io.stdoutIsTTY ? await loadTerminal(io.stdoutColumns || 80) : undefined;
    io.writeStdout(listRules(ALL_RULES, RESERVED_RULES, options.format, (name) => FORMATTERS.get(name as never), VERSION, terminal));
    return EXIT.clean;
  }
  try {
    const config = await loadConfig({ cwd: io.cwd, configFile: options.config });
    const severities = resolveRuleSeverities(ALL_RULES, config, options.rule);
    if (options.printConfig !== undefined) {
      await printConfigCommand(options.printConfig, options, config, severities, io);
      return EXIT.clean;
    }
    return await lintCommand(program.args, options, config, severities, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.writeStderr(`stslint: ${error.message}\n`);
      return EXIT.fatal;
    }
    io.writeStderr(`stslint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.fatal;
  }
}

async function lintCommand(
  paths: readonly string[],
  options: CliOptions,
  config: StslintConfig,
  levels: ReadonlyMap<string, RuleSeverity>,
  io: CliIO,
): Promise<number> {
  if (options.fix && (options.stdin || paths.includes('-') || (paths.length === 0 && options.stdinFilename !== undefined))) {
    io.writeStderr('stslint: --fix cannot change standard input; use --fix-dry-run to print the fixed text\n');
    return EXIT.fatal;
  }
  const { results, fatal, notices } = await lintRun(paths, options, config, levels, io);
  if (options.fix) fatal.push(...(await writeFixes(results, io)));
  const shown = options.quiet ? results.map(errorsOnly) : results;
  const toFile = options.outputFile !== undefined;
  const format = FORMATTERS.get(options.format as never)!;
  const needsRepositoryPaths = options.format === 'sarif' || options.format === 'github';
  const output = format({
    results: shown,
    rules: REPORTED_RULES,
    baseDirectory: needsRepositoryPaths ? repositoryRoot(io.cwd) : io.cwd,
    version: VERSION,
    color: !toFile && useColor(options, io.env, io.stdoutIsTTY),
    // Wrapped for a terminal only (80 columns when its width is unknown); a pipe or a file gets whole lines.
    ...(toFile || !io.stdoutIsTTY || options.format !== 'stylish' ? {} : { terminal: await loadTerminal(io.stdoutColumns || 80) }),
    cleanSummary: options.summary ?? (!toFile && io.stdoutIsTTY && !options.quiet),
    includeSuppressed: options.sarifIncludeSuppressed === true,
    ...maxWarningsExceeded(results, options.maxWarnings),
  });
  const problems = [...fatal];
  if (toFile) {
    try {
      await io.writeFile(options.outputFile!, output);
    } catch (error) {
      problems.push(`stslint: cannot write ${options.outputFile}: ${(error as Error).message}`);
    }
  } else if (output !== '') {
    io.writeStdout(output);
  }
  for (const line of [...notices, ...problems]) io.writeStderr(`${line}\n`);
  if (problems.length > 0) return EXIT.fatal;
  const verdict = exitCodeFor(results, options.maxWarnings);
  if (verdict.stderr) io.writeStderr(`${verdict.stderr}\n`);
  return verdict.code;
}

/**
 * Writes each fixed file (`output`) over the original, as the same bytes apart from the fixes: a
 * byte-order mark the file began with is kept. A file whose bytes are not valid UTF-8 (the text
 * read is then not the file) is left alone, with a message. Returns the messages for files that
 * could not be written.
 */
async function writeFixes(results: readonly FileResult[], io: CliIO): Promise<string[]> {
  const problems: string[] = [];
  for (const result of results) {
    if (result.output === undefined || result.file.fromStdin) continue;
    const original = await readFile(result.file.path).catch(() => undefined);
    const bom = original !== undefined && original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
    const body = original === undefined ? undefined : bom ? original.subarray(3) : original;
    if (body === undefined || !Buffer.from(new TextDecoder('utf-8').decode(body), 'utf8').equals(body)) {
      problems.push(`stslint: ${result.file.path}: not fixed (not valid UTF-8, or unreadable)`);
      continue;
    }
    try {
      await io.writeFile(result.file.path, (bom ? '\uFEFF' : '') + result.output);
    } catch (error) {
      problems.push(`stslint: cannot write ${result.file.path}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/**
 * The same I/O with standard error made safe: everything written there (option and configuration
 * errors, notices, unreadable paths) can echo file names and manifest or config text, so control
 * and bidirectional characters are escaped (`escapeText`, line feeds kept).
 */
export function withEscapedStderr(io: CliIO): CliIO {
  return { ...io, writeStderr: (text) => io.writeStderr(escapeText(text, { keepNewlines: true })) };
}

/** ESLint's `maxWarningsExceeded` (for `json-with-metadata`): counted before `--quiet`, as the exit code. */
function maxWarningsExceeded(results: readonly FileResult[], maxWarnings: number): Pick<FormatInput, 'maxWarningsExceeded'> {
  const foundWarnings = results.flatMap((result) => result.findings).filter((finding) => finding.severity !== 'error' && !finding.fatal).length;
  return maxWarnings >= 0 && foundWarnings > maxWarnings ? { maxWarningsExceeded: { maxWarnings, foundWarnings } } : {};
}

function errorsOnly(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((finding) => finding.severity === 'error' || finding.fatal) };
}
