import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { EXIT } from '../cli/exit-code.js';
import { REPORTED_RULES, withEscapedStderr } from '../cli/main.js';
import { useColor } from '../cli/use-color.js';
import { VERSION } from '../cli/version.js';
import type { FormatInput } from '../formatters/format-input.js';
import { relativePath } from '../formatters/relative-path.js';
import { formatSarif } from '../formatters/sarif.js';
import type { ActionIO } from './action-io.js';
import { actionLint, type ActionLintOutcome } from './action-lint.js';
import { annotationLines } from './annotation-lines.js';
import { consoleReport } from './console-report.js';
import { countFindings, type FindingCounts } from './count-findings.js';
import { jobSummary } from './job-summary.js';
import { orderFindings } from './order-findings.js';
import { outputLines } from './output-lines.js';
import { readActionInputs, type FailLevel } from './read-action-inputs.js';
import { workflowCommand } from '../formatters/workflow-command.js';

const DOCS_URLS: ReadonlyMap<string, string> = new Map(
  [...REPORTED_RULES].flatMap(([id, meta]) => ('docsUrl' in meta && typeof meta.docsUrl === 'string' ? [[id, meta.docsUrl] as const] : [])),
);

/**
 * The stslint GitHub Action (`action.yml`, run by `src/action/bin.ts`). Reads the `INPUT_*`
 * variables (`readActionInputs`), lints once (`actionLint`), then writes, in this order: the
 * console report (`consoleReport`), the SARIF file (`sarif-file`, relative to the working
 * directory), the annotations (`annotationLines`, at most 10 per kind), the job summary
 * (`jobSummary`, appended to `$GITHUB_STEP_SUMMARY` when set) and the outputs `sarif-file`
 * (relative to `$GITHUB_WORKSPACE`, `''` when none was written), `error-count`, `warning-count`,
 * `info-count` and `exit-code` (appended to `$GITHUB_OUTPUT` when set).
 *
 * Returns the exit code: 2 when anything fatal happened (bad input, configuration error,
 * unreadable path, unwritable file, internal failure; each also an `::error` line), else 1 when a
 * finding is at or above `fail-level` (fatal parse findings are errors), else 0. Never throws.
 */
export async function runAction(unsafeIO: ActionIO): Promise<number> {
  const io: ActionIO = { ...unsafeIO, ...withEscapedStderr(unsafeIO) };
  try {
    return await runChecked(io);
  } catch (error) {
    io.writeStderr(`stslint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    io.writeStdout(`${workflowCommand('error', { title: 'stslint' }, `stslint: internal error: ${String(error)}`)}\n`);
    return EXIT.fatal;
  }
}

async function runChecked(io: ActionIO): Promise<number> {
  const workspace = path.resolve(io.cwd, io.env.GITHUB_WORKSPACE || '.');
  const read = readActionInputs(io.env);
  const inputs = 'inputs' in read ? read.inputs : undefined;
  const outcome: ActionLintOutcome = inputs
    ? await actionLint(inputs, workspace, io)
    : { workingDirectory: workspace, baseDirectory: workspace, linted: false, results: [], problems: [], notices: [] };
  if ('problems' in read) outcome.problems.push(...read.problems.map((message) => ({ message })));
  const { results, problems, baseDirectory } = outcome;
  const failLevel = inputs?.failLevel ?? 'error';
  const formatInput: FormatInput = { results, rules: REPORTED_RULES, baseDirectory, version: VERSION, color: useColor({}, io.env, true) };
  if (inputs && outcome.linted) io.writeStdout(consoleReport(inputs.format, formatInput, outcome.notices, randomUUID()));

  let sarifFile: string | undefined;
  if (inputs?.sarifFile && outcome.linted) {
    const file = path.resolve(outcome.workingDirectory, inputs.sarifFile);
    try {
      await io.writeFile(file, formatSarif({ ...formatInput, color: false }));
      sarifFile = relativePath(file, workspace);
    } catch (error) {
      problems.push({ message: `stslint: cannot write the SARIF file ${inputs.sarifFile}: ${(error as Error).message}` });
    }
  }

  const counts = countFindings(results);
  const ordered = orderFindings(results, baseDirectory);
  let exitCode = exitCodeOf(counts, problems.length, failLevel);
  io.writeStdout(annotationLines(ordered, problems, baseDirectory));

  const summaryPath = io.env.GITHUB_STEP_SUMMARY;
  if (summaryPath) {
    const links = { blobBase: blobBase(io.env), docsUrls: DOCS_URLS };
    const { linted, notices } = outcome;
    const summary = jobSummary({ ordered, results, linted, counts, problems, notices, failLevel, exitCode, sarifFile, baseDirectory, links });
    exitCode = await append(io, summaryPath, summary, 'the job summary', exitCode);
  }
  const outputPath = io.env.GITHUB_OUTPUT;
  if (outputPath) {
    const outputs = { 'sarif-file': sarifFile ?? '', 'error-count': counts.error, 'warning-count': counts.warning, 'info-count': counts.info };
    exitCode = await append(io, outputPath, outputLines({ ...outputs, 'exit-code': exitCode }), 'the step outputs', exitCode);
  }
  return exitCode;
}

function exitCodeOf(counts: FindingCounts, problems: number, failLevel: FailLevel): number {
  if (problems > 0) return EXIT.fatal;
  const failing = failLevel === 'error' ? counts.error : failLevel === 'warning' ? counts.error + counts.warning : 0;
  return failing > 0 ? EXIT.lintErrors : EXIT.clean;
}

/** Appends to a runner file; a failure is printed as an `::error` and makes the exit code 2. */
async function append(io: ActionIO, file: string, text: string, what: string, exitCode: number): Promise<number> {
  try {
    await io.appendFile(file, text);
    return exitCode;
  } catch (error) {
    io.writeStdout(`${workflowCommand('error', { title: 'stslint' }, `stslint: cannot write ${what} to ${file}: ${(error as Error).message}`)}\n`);
    return EXIT.fatal;
  }
}

/** `<server>/<owner>/<repo>/blob/<sha>/` from the runner's variables, or `undefined` outside Actions. */
function blobBase(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  return server && repository && sha ? `${server.replace(/\/+$/, '')}/${repository}/blob/${sha}/` : undefined;
}
