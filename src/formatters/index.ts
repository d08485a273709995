import { formatCompact } from './compact.js';
import type { FormatInput } from './format-input.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJsonWithMetadata } from './json-with-metadata.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

/** Names accepted by `--format`. */
export type FormatterName = 'stylish' | 'json' | 'json-with-metadata' | 'sarif' | 'github' | 'compact';

/**
 * A formatter: a pure function of the run's results and rule metadata, returning the whole text
 * to write, newline-terminated (or `''` when `stylish`, `github` or `compact` have nothing to
 * say). The caller writes it as it is; only `stylish` uses `input.color`.
 */
export type Formatter = (input: FormatInput) => string;

/** Every output format by name, default (`stylish`) first. */
export const FORMATTERS: ReadonlyMap<FormatterName, Formatter> = new Map<FormatterName, Formatter>([
  ['stylish', formatStylish],
  ['json', formatJson],
  ['json-with-metadata', formatJsonWithMetadata],
  ['sarif', formatSarif],
  ['github', formatGithub],
  ['compact', formatCompact],
]);

/** The names of {@link FORMATTERS}, in order, for `--format` choices. */
export const FORMATTER_NAMES: readonly FormatterName[] = [...FORMATTERS.keys()];
