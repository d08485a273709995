/**
 * Longest value echoed whole when it is one word (a name, an image): longer ones are cut. 64 keeps
 * every valid Kubernetes name and label value (at most 63 characters) whole.
 */
export const ECHOED_WORD_MAX_LENGTH = 64;
/** Longest value echoed whole in any case (a composed list, a value with spaces). */
export const ECHOED_VALUE_MAX_LENGTH = 200;
/**
 * Longest message, in UTF-16 code units, once its placeholders are filled (style guide §3: one
 * sentence of at most 120 characters; the why lives in the rule's docs).
 */
export const MESSAGE_MAX_LENGTH = 120;
/**
 * Shortest a value is cut to when a message would exceed {@link MESSAGE_MAX_LENGTH}. Templates are
 * written (and tested, test/messages.test.ts) so that values of up to 40 characters are never cut.
 */
const FITTED_VALUE_MIN_LENGTH = 12;

/** Placeholders that hold an API field path a rule built (`path`, `field`, `parent`, `binding`): one long word, cut at the larger limit. */
const FIELD_PATH_PLACEHOLDERS = /^(?:path|field|parent|binding)$/;

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders of a message template from `data` (ESLint's `interpolate`).
 * A placeholder without data is left as written, so a missing value shows in review instead of
 * silently disappearing. Values come from manifests, which are untrusted: each is cut with
 * {@link shortenValue}, so a 40,000-character name cannot make a 40,000-character message (the
 * full value stays in the file, at the finding's position). Then, when the filled message would
 * be longer than {@link MESSAGE_MAX_LENGTH}, the longest values are cut further (middle ellipsis,
 * never below 12 characters) until it fits: the values that are already short stay whole.
 */
export function interpolate(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  const parts: (string | { value: string })[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [whole, name] = match as unknown as [string, string];
    parts.push(template.slice(last, match.index));
    if (Object.hasOwn(data, name)) parts.push({ value: shortenValue(String(data[name]), FIELD_PATH_PLACEHOLDERS.test(name) ? ECHOED_VALUE_MAX_LENGTH : undefined) });
    else parts.push(whole);
    last = match.index + whole.length;
  }
  parts.push(template.slice(last));
  const fixed = parts.reduce((sum, part) => sum + (typeof part === 'string' ? part.length : 0), 0);
  const values = parts.filter((part): part is { value: string } => typeof part !== 'string');
  const cap = fittingLength(values.map((part) => part.value.length), MESSAGE_MAX_LENGTH - fixed);
  return parts.map((part) => (typeof part === 'string' ? part : cap === undefined ? part.value : cutMiddle(part.value, cap))).join('');
}

/**
 * The largest length `cap` such that the values, each cut to at most `cap`, fit in `budget`
 * (water-filling: short values keep their length, the long ones share the rest); `undefined` when
 * they fit uncut. Never below {@link FITTED_VALUE_MIN_LENGTH}.
 */
function fittingLength(lengths: readonly number[], budget: number): number | undefined {
  if (lengths.reduce((sum, length) => sum + length, 0) <= budget) return undefined;
  const sorted = [...lengths].sort((a, b) => a - b);
  let remaining = budget;
  for (let i = 0; i < sorted.length; i++) {
    const share = Math.floor(remaining / (sorted.length - i));
    if (sorted[i]! > share) return Math.max(share, FITTED_VALUE_MIN_LENGTH);
    remaining -= sorted[i]!;
  }
  return undefined;
}

/**
 * A value as messages echo it: a single word of more than {@link ECHOED_WORD_MAX_LENGTH}
 * characters, or any value of more than {@link ECHOED_VALUE_MAX_LENGTH}, keeps its start and end
 * around an ellipsis (`payments-ledger-eu-wes…database-cluster`), so both ends stay readable.
 */
export function shortenValue(value: string, wordLimit = ECHOED_WORD_MAX_LENGTH): string {
  return cutMiddle(value, /\s/.test(value) ? ECHOED_VALUE_MAX_LENGTH : wordLimit);
}

/** `value` cut to at most `limit` characters around a middle ellipsis; unchanged when it fits. */
function cutMiddle(value: string, limit: number): string {
  if (value.length <= limit) return value;
  const head = Math.ceil((limit - 1) / 2);
  return `${value.slice(0, head)}…${value.slice(value.length - (limit - 1 - head))}`;
}

/** Free text (a related location's words, a suggestion's description) with each over-long word cut by {@link shortenValue}. */
export function shortenWords(text: string): string {
  const cut = text.replace(/\S{65,}/g, (word) => shortenValue(word));
  return cut.length > 4 * ECHOED_VALUE_MAX_LENGTH ? shortenValue(cut) : cut;
}
