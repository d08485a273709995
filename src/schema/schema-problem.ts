import type { LocateTarget, NodePath } from '../parser/locate.js';

/** The message templates of `rules/schema-violation.ts`, one per kind of mistake. */
export type SchemaMessageId =
  | 'unknownField'
  | 'unknownFieldSuggestion'
  | 'required'
  | 'wrongType'
  | 'unquotedScalar'
  | 'notOneOf'
  | 'invalidQuantity';

/**
 * One schema mistake, worded for people and placed where to fix it: `path` from the object root,
 * `target` `key` for an unknown or missing field (the parent's key for a missing one), `value` for
 * a wrong value. `data` fills the rule's message template `messageId`.
 */
export interface SchemaProblem {
  path: NodePath;
  target: LocateTarget;
  messageId: SchemaMessageId;
  data: Record<string, string>;
}
