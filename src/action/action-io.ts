import type { CliIO } from '../cli/cli-io.js';

/**
 * The process facilities the GitHub Action uses, passed in so that tests can run it in-process:
 * the CLI's, plus appending to the files the runner names in `$GITHUB_STEP_SUMMARY` and
 * `$GITHUB_OUTPUT`. `src/action/bin.ts` fills them from `process`. `cwd` is the directory the
 * runner started the action in (the workspace); inputs are read from `env` (`INPUT_*`).
 */
export interface ActionIO extends CliIO {
  /** Appends text to a file, creating it when missing. May throw (unwritable path). */
  appendFile(file: string, text: string): Promise<void>;
}
