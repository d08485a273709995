import { Command, InvalidArgumentError, Option } from 'commander';
import { parseRuleFlag, type RuleOverride } from '../config/parse-rule-flag.js';
import { RuleFlagError } from '../config/rule-flag-error.js';
import { FORMATTER_NAMES } from '../formatters/index.js';
import type { Jobs } from '../engine/parse-in-workers.js';
import { DEFAULT_INPUT_LIMITS } from '../parser/input-limits.js';
import type { CliIO } from './cli-io.js';
import { KUBERNETES_VERSION } from '../schema/kubernetes-version.js';
import { VERSION } from './version.js';

/** Options as parsed from the command line. */
export interface CliOptions {
  format: string;
  outputFile?: string;
  stdin?: boolean;
  stdinFilename?: string;
  namespace?: string;
  maxWarnings: number;
  quiet?: boolean;
  listRules?: boolean;
  /** `--summary` → true, `--no-summary` → false, neither → undefined (on a terminal only). */
  summary?: boolean;
  color?: boolean;
  errorOnUnmatchedPattern: boolean;
  config?: string;
  rule: RuleOverride[];
  printConfig?: string;
  inlineConfig: boolean;
  reportUnusedDisableDirectives?: boolean;
  sarifIncludeSuppressed?: boolean;
  jobs: Jobs;
  fix?: boolean;
  fixDryRun?: boolean;
  /** `false` with `--no-kustomize`. */
  kustomize: boolean;
  kustomizeCommand?: string;
  helmChartRoot?: string;
  maxFileBytes: number;
  maxDepth: number;
  maxAliases: number;
  /** `--base <ref>`: a git revision to compare with; `false` after `--no-base`. */
  base?: string | false;
  /** `false` after `--no-dependents`. */
  dependents: boolean;
}

function collectRuleFlag(value: string, previous: RuleOverride[]): RuleOverride[] {
  try {
    return [...previous, ...parseRuleFlag(value)];
  } catch (error) {
    if (error instanceof RuleFlagError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

function parseMaxWarnings(value: string): number {
  if (!/^-?\d+$/.test(value) || Number(value) < -1) throw new InvalidArgumentError('expected an integer ≥ -1.');
  return Number(value);
}

function parseLimit(value: string): number {
  if (!/^[1-9]\d*$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError('expected a whole number ≥ 1.');
  return Number(value);
}

function parseJobs(value: string): Jobs {
  if (value === 'auto') return 'auto';
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected "auto" or a whole number ≥ 1.');
  return Number(value);
}

function parseCommand(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('expected a command such as "kubectl kustomize".');
  return value;
}

function parseBase(value: string): string {
  if (value === '' || value.startsWith('-') || /[\s\0]/.test(value)) throw new InvalidArgumentError('expected a git revision such as HEAD, origin/main or a commit.');
  return value;
}

function parseNamespace(value: string): string {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value) || value.length > 63) {
    throw new InvalidArgumentError('expected a namespace name (a DNS-1123 label such as "prod").');
  }
  return value;
}

/**
 * The commander program: operands and ESLint-style options (integrations.md §6.2). It never calls
 * `process.exit`: parse errors, `--help` and `--version` surface as `CommanderError`s.
 */
export function buildProgram(io: CliIO): Command {
  return new Command()
    .name('stslint')
    .description('Lint Kubernetes StatefulSet manifests: governing Services, storage, replication bootstrap.\nRun `stslint lsp --stdio` for the language server.')
    .usage('[options] [paths...]')
    .argument('[paths...]', 'files, folders (searched for *.yaml, *.yml, *.json) or globs; "-" reads standard input', [])
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATTER_NAMES).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of standard output')
    .option('--stdin', 'lint standard input (same as the operand "-")')
    .option('--stdin-filename <path>', 'the path standard input is reported under')
    .option('--namespace <name>', 'namespace of objects that set none (default: "default")', parseNamespace)
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)', parseMaxWarnings, -1)
    .option('--quiet', 'report errors only')
    .option('--no-error-on-unmatched-pattern', 'do not fail when a folder or pattern holds no manifests')
    .option('-c, --config <file>', 'use this configuration file instead of looking for .stslint.yaml')
    .option('--rule <id=severity>', 'set a rule to off, info, warning or error (repeatable; wins over the config file)', collectRuleFlag, [])
    .option('--print-config <file>', 'print the effective configuration for a file and exit')
    .option('--no-inline-config', 'ignore # stslint-disable comments and stslint/ignore annotations')
    .option('--report-unused-disable-directives', 'report # stslint-disable comments that suppress nothing, as errors')
    .option('--base <git-ref>', 'compare each linted file with its version at this git revision (immutable-field-changed)', parseBase)
    .option('--no-base', 'compare with no revision (turns off a --base given before, e.g. by the pre-commit hook)')
    .option('--no-dependents', 'do not lint context objects that depend on the linted files (a StatefulSet whose Service changed)')
    .option('--sarif-include-suppressed', 'keep suppressed findings in SARIF output, with their suppressions')
    .option('--fix', 'apply the safe fixes to the files, then report what is left')
    .option('--fix-dry-run', 'compute the fixes without writing them (the json format gives each file\'s "output")')
    .option('--jobs <n|auto>', 'threads that parse large inputs ("auto": one per core; 1: this thread only)', parseJobs, 'auto' as Jobs)
    .option('--kustomize-command <command>', 'build kustomizations with this command, the folder appended (default: "kustomize build", else "kubectl kustomize")', parseCommand)
    .option('--no-kustomize', 'do not build kustomizations: lint kustomization, resource and patch files as plain manifests')
    .option('--helm-chart-root <folder>', 'the chart of linted `helm template` output: "# Source: <chart>/templates/x.yaml" is reported as <folder>/templates/x.yaml')
    .option('--max-file-bytes <n>', `largest file read, in bytes (default ${DEFAULT_INPUT_LIMITS.maxFileBytes})`, parseLimit, DEFAULT_INPUT_LIMITS.maxFileBytes)
    .option('--max-depth <n>', `deepest nesting of a document read (default ${DEFAULT_INPUT_LIMITS.maxDepth})`, parseLimit, DEFAULT_INPUT_LIMITS.maxDepth)
    .option('--max-aliases <n>', `most YAML alias expansions in a document (default ${DEFAULT_INPUT_LIMITS.maxAliases})`, parseLimit, DEFAULT_INPUT_LIMITS.maxAliases)
    .option('--list-rules', 'print every rule that can report (in --format json: id, severity, title, docs URL) and exit')
    .option('--summary', 'stylish: on a clean run, print a line with the file and object counts even when not on a terminal')
    .option('--no-summary', 'stylish: print nothing on a clean run, even on a terminal')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .version(`${VERSION} (Kubernetes ${KUBERNETES_VERSION} API schema)`, '-v, --version', 'print the version and the Kubernetes API version of the schema, and exit')
    .helpOption('-h, --help', 'print this help and exit')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.writeStdout(text),
      writeErr: (text) => io.writeStderr(text),
      outputError: (text, write) => write(`stslint: ${text.replace(/^error: /, '')}`),
    });
}
