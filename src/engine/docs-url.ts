/** Where the generated rule pages live; a rule's `docsUrl` is derived from its id, never typed. */
export const DOCS_BASE_URL = 'https://github.com/stslint/stslint/blob/main/docs/rules/';

/** The documentation page of a rule: `<DOCS_BASE_URL><id>.md`. */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
