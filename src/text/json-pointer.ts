/**
 * The reference tokens of a JSON Pointer (RFC 6901): `/spec/template/spec/containers/0/image` →
 * `['spec', 'template', 'spec', 'containers', '0', 'image']`, with `~1` read as `/` and `~0` as `~`
 * (in that order, §4). The empty pointer is the whole document (`[]`). `undefined` when the text is
 * not a pointer (it does not start with `/`). Tokens stay strings: whether `0` is an array index
 * depends on the document.
 */
export function parseJsonPointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}
