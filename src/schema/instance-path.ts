import type { NodePath } from '../parser/locate.js';

/**
 * The field path of an ajv `instancePath` (a JSON Pointer such as `/spec/template/spec/containers/0`)
 * within `root`: `['spec', 'template', 'spec', 'containers', 0]`. A segment is a list index (a
 * number) exactly when the value it steps into is a list, so a mapping key `"0"` stays a string.
 */
export function instancePath(pointer: string, root: unknown): NodePath {
  const path: (string | number)[] = [];
  let current = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(current)) {
      path.push(Number(segment));
      current = current[Number(segment)];
    } else {
      path.push(segment);
      current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}
