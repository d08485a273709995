import type { LocateTarget, NodePath } from '../parser/locate.js';

/**
 * One thing wrong in a config file's content: where (a value path and whether the key or the value
 * is at fault) and what, as one sentence without a final period.
 */
export interface ConfigProblem {
  path: NodePath;
  target: LocateTarget;
  message: string;
}
