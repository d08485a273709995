/**
 * A `--rule` value that cannot be used (unknown rule id or severity, bad syntax): a usage error,
 * exit code 2. `message` is one line without the `stslint:` prefix, e.g.
 * `--rule "node-local-storag=off": unknown rule "node-local-storag"; did you mean "node-local-storage"?`.
 * In a commander argument parser, rethrow it as `InvalidArgumentError(error.message)`.
 */
export class RuleFlagError extends Error {
  override readonly name = 'RuleFlagError';

  /**
   * @param value - the flag value as given
   * @param detail - what is wrong with it: one sentence, no final period
   */
  constructor(
    readonly value: string,
    readonly detail: string,
  ) {
    super(`--rule "${value}": ${detail}`);
  }
}
