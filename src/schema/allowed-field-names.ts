import type { NodePath } from '../parser/locate.js';
import { shapes, type Shape } from './generated/validators.js';

type ResolvedShape = Exclude<Shape, string> | undefined;

/**
 * The field names the schema allows in the object at `path` of a `kind` (a kind with a schema,
 * e.g. `'StatefulSet'`), for "did you mean" suggestions: `allowedFieldNames('StatefulSet', ['spec'])`
 * lists `replicas`, `selector`, … `volumeClaimTemplates`. `undefined` when the path does not lead to
 * an object with named fields (a map such as `labels`, a scalar, a free-form value).
 */
export function allowedFieldNames(kind: string, path: NodePath): string[] | undefined {
  let shape = resolve(kind);
  for (const segment of path) {
    if (shape === undefined || shape === 0) return undefined;
    if (isList(shape)) shape = typeof segment === 'number' ? resolve(shape[0]) : undefined;
    else if (Object.hasOwn(shape, '*')) shape = resolve(shape['*']);
    else shape = Object.hasOwn(shape, segment) ? resolve(shape[segment]) : undefined;
  }
  if (shape === undefined || shape === 0 || isList(shape) || Object.hasOwn(shape, '*')) return undefined;
  return Object.keys(shape);
}

/** A definition name replaced by its fields; a definition without fields (Quantity) is a scalar. */
function resolve(shape: Shape | undefined): ResolvedShape {
  if (typeof shape !== 'string') return shape;
  return Object.hasOwn(shapes, shape) ? shapes[shape] : 0;
}

function isList(shape: Exclude<Shape, string>): shape is readonly [Shape] {
  return Array.isArray(shape);
}
