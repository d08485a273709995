/**
 * Text shown literally in a Markdown table cell of the job summary (GitHub Flavored Markdown):
 * backslash-escapes the punctuation that could start emphasis, code, links, images, HTML, math
 * or strikethrough, or end the cell (`|`), and turns line breaks into `<br>`. So a message quoting
 * a manifest value (`"a|b"`, `"<img>"`, `"[x](y)"`) renders as written and cannot break the table.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&$!]/g, (character) => `\\${character}`)
    .replace(/\r\n|\r|\n/g, '<br>');
}
