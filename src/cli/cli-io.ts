import type { RunProcess } from '../kustomize/kustomize-build.js';

/**
 * The process facilities the CLI uses, passed in so that tests can run `main` in-process.
 * `src/cli/bin.ts` fills them from `process`.
 */
export interface CliIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (colour decision). */
  stdoutIsTTY: boolean;
  /** Width of the terminal standard output is, in columns (`process.stdout.columns`); absent when unknown. */
  stdoutColumns?: number;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** Reads all of standard input (only called for the `-` operand). */
  readStdin(): Promise<string>;
  /** Writes the formatter output to `--output-file`. May throw (unwritable path). */
  writeFile(file: string, text: string): Promise<void>;
  /** The current time (exemption expiry); tests fix it. */
  now(): Date;
  /** Runs a program (kustomize); tests may replay recorded builds instead. */
  runProcess: RunProcess;
}
