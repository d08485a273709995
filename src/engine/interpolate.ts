/**
 * Longest value echoed whole when it is one word (a name, an image): longer ones are cut. 64 keeps
 * every valid Kubernetes name and label value (at most 63 characters) whole.
 */
export const ECHOED_WORD_MAX_LENGTH = 64;
/** Longest value echoed whole in any case (a composed list, a value with spaces). */
export const ECHOED_VALUE_MAX_LENGTH = 200;

/** Placeholders that hold an API field path a rule built (`path`, `field`, `parent`, `binding`): one long word, cut at the larger limit. */
const FIELD_PATH_PLACEHOLDERS = /^(?:path|field|parent|binding)$/;

/**
 * Fills `{{name}}` placeholders of a message template from `data` (ESLint's `interpolate`).
 * A placeholder without data is left as written, so a missing value shows in review instead of
 * silently disappearing. Values come from manifests, which are untrusted: each is cut with
 * {@link shortenValue}, so a 40,000-character name cannot make a 40,000-character message (the
 * full value stays in the file, at the finding's position).
 */
export function interpolate(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? shortenValue(String(data[name]), FIELD_PATH_PLACEHOLDERS.test(name) ? ECHOED_VALUE_MAX_LENGTH : undefined) : whole,
  );
}

/**
 * A value as messages echo it: a single word of more than {@link ECHOED_WORD_MAX_LENGTH}
 * characters, or any value of more than {@link ECHOED_VALUE_MAX_LENGTH}, keeps its start and end
 * around an ellipsis (`payments-ledger-eu-wes…database-cluster`), so both ends stay readable.
 */
export function shortenValue(value: string, wordLimit = ECHOED_WORD_MAX_LENGTH): string {
  const limit = /\s/.test(value) ? ECHOED_VALUE_MAX_LENGTH : wordLimit;
  if (value.length <= limit) return value;
  const head = Math.ceil((limit - 1) / 2);
  return `${value.slice(0, head)}…${value.slice(value.length - (limit - 1 - head))}`;
}

/** Free text (a related location's words, a suggestion's description) with each over-long word cut by {@link shortenValue}. */
export function shortenWords(text: string): string {
  const cut = text.replace(/\S{65,}/g, (word) => shortenValue(word));
  return cut.length > 4 * ECHOED_VALUE_MAX_LENGTH ? shortenValue(cut) : cut;
}
