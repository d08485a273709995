import { promises as fs, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** What running a program gave. */
export interface ProcessResult {
  /** The exit code; `null` when the program could not be started or was killed. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The error code when the program could not be started (`ENOENT`: not on `PATH`) or timed out. */
  error?: string;
}

/** Runs a program with arguments (no shell). The CLI and the language server provide it. */
export type RunProcess = (command: string, args: readonly string[], options: { cwd: string; timeoutMs: number }) => Promise<ProcessResult>;

/** The outcome of building one kustomization. */
export type KustomizeBuild =
  | {
      status: 'built';
      /** kustomize's output: multi-document YAML with origin and transformer annotations. */
      output: string;
      /** Folder the paths of the annotations are relative to (the wrapper kustomization's). */
      originBase: string;
      /** The command line that built it, for notices (`kubectl kustomize`). */
      command: string;
      /** Wall-clock time of the build, in milliseconds. */
      durationMs: number;
    }
  | { status: 'failed'; message: string; command: string; durationMs: number }
  | { status: 'unavailable'; reason: string };

/** Builds the kustomization in a folder (absolute path). Never throws. */
export type KustomizeBuilder = (directory: string) => Promise<KustomizeBuild>;

/** Options of {@link kustomizeBuilder}. */
export interface KustomizeBuilderOptions {
  runProcess: RunProcess;
  /**
   * The configured command (`kustomize.command`, `--kustomize-command`), as program and arguments;
   * the wrapper's folder is appended. Absent: `kustomize build` when on `PATH`, else `kubectl kustomize`.
   */
  command?: readonly string[];
  /** Folder that paths in kustomize's error messages are shown relative to (the working directory). */
  cwd: string;
  /** Where the temporary wrapper folder is made; default the system's temporary folder. */
  wrapperParent?: string;
  /** Longest a build may take, in milliseconds (default 120 000). */
  timeoutMs?: number;
}

/** The commands tried, in order, when none is configured. kubectl ≥ 1.27 embeds kustomize v5. */
export const DEFAULT_KUSTOMIZE_COMMANDS: readonly (readonly string[])[] = [
  ['kustomize', 'build'],
  ['kubectl', 'kustomize'],
];

/** The build metadata asked of kustomize, so that every built object says where it came from. */
const BUILD_METADATA = ['originAnnotations', 'transformerAnnotations'];

/**
 * Builds kustomizations with the user's kustomize, as a subprocess; never reimplements it. Each
 * build makes a temporary wrapper kustomization (in the system's temporary folder, never in the
 * user's tree) whose only resource is the folder to build and which adds
 * `buildMetadata: [originAnnotations, transformerAnnotations]`: each built object then carries
 * `config.kubernetes.io/origin` (the file it came from, or the generator that made it) and
 * `alpha.config.kubernetes.io/transformations` (the kustomizations whose transformers changed it),
 * with paths relative to the wrapper's folder. The wrapper is removed afterwards.
 *
 * The command is the configured one, else `kustomize build` when on `PATH`, else `kubectl
 * kustomize`; the first that starts is kept for the following builds. A command that is not on
 * `PATH` gives `unavailable`; a non-zero exit gives `failed` with kustomize's message (the
 * wrapper's own layer of it removed, absolute paths shown relative to `cwd`).
 */
export function kustomizeBuilder(options: KustomizeBuilderOptions): KustomizeBuilder {
  const candidates = options.command ? [options.command] : DEFAULT_KUSTOMIZE_COMMANDS;
  let chosen: readonly string[] | undefined;
  return async (directory) => {
    const wrapper = await fs.mkdtemp(path.join(options.wrapperParent ?? os.tmpdir(), 'stslint-kustomize-'));
    try {
      const realWrapper = realpathSync(wrapper);
      const realDirectory = realpathOr(directory);
      const resource = path.relative(realWrapper, realDirectory).split(path.sep).join('/');
      const wrapperText = `# Written by stslint to build ${realDirectory} with origin annotations.\nresources:\n- ${JSON.stringify(resource)}\nbuildMetadata: [${BUILD_METADATA.join(', ')}]\n`;
      await fs.writeFile(path.join(wrapper, 'kustomization.yaml'), wrapperText);
      for (const command of chosen ? [chosen] : candidates) {
        const [program, ...args] = command as [string, ...string[]];
        const started = performance.now();
        const result = await options.runProcess(program, [...args, realWrapper], { cwd: options.cwd, timeoutMs: options.timeoutMs ?? 120_000 });
        const durationMs = performance.now() - started;
        if (result.error === 'ENOENT' || result.error === 'EACCES') continue;
        chosen = command;
        const shown = command.join(' ');
        if (result.exitCode === 0) return { status: 'built', output: result.stdout, originBase: realWrapper, command: shown, durationMs };
        const message = result.error === 'ETIMEDOUT' ? `timed out after ${Math.round(durationMs / 1000)} s` : kustomizeMessage(result.stderr, realDirectory, options.cwd);
        return { status: 'failed', message, command: shown, durationMs };
      }
      const reason = options.command ? `"${options.command[0]}" is not on PATH` : 'no kustomize or kubectl on PATH';
      return { status: 'unavailable', reason };
    } finally {
      await fs.rm(wrapper, { recursive: true, force: true }).catch(() => undefined);
    }
  };
}

/**
 * kustomize's error message from its standard error: the `err="…"` of kubectl's log line (or its
 * `err=<…>` block), the `Error: …` line of kustomize, else the whole text. Of kustomize's nested
 * `accumulating resources from '<entry>': …` layers only the innermost is kept (the entry that
 * failed), without the repetition of its reason that kustomize appends after trying the entry as a
 * folder (`': must build at directory: …`); absolute paths under `cwd` are made relative to it, and
 * whitespace is collapsed.
 */
export function kustomizeMessage(stderr: string, directory: string, cwd: string): string {
  const quoted = /err="((?:[^"\\]|\\.)*)"/.exec(stderr);
  const block = /err=<\n([\s\S]*?)\n\s*>/.exec(stderr);
  const plain = /^Error: (.*)$/m.exec(stderr);
  let message = quoted ? unquote(quoted[1]!) : block ? block[1]! : plain ? plain[1]! : stderr;
  const layer = `recursed accumulation of path '${directory}': `;
  const at = message.indexOf(layer);
  if (at !== -1) message = message.slice(at + layer.length);
  const innermost = message.lastIndexOf("accumulating resources from '");
  if (innermost > 0) message = message.slice(innermost);
  const repeated = message.indexOf("': must build at directory: ");
  if (innermost !== -1 && repeated !== -1) message = message.slice(0, repeated);
  const root = realpathOr(cwd);
  message = message.split(`${root}${path.sep}`).join('').split(root).join('.');
  return message.replace(/\s+/g, ' ').trim() || 'kustomize exited with an error and no message';
}

function unquote(text: string): string {
  return text.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char === 't' ? '\t' : char));
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
