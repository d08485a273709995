import type { BaseVersions } from '../index/base-version.js';
import type { ObjectIndex } from '../index/object-index.js';
import type { ManifestDocument } from '../parser/manifest-document.js';
import type { LocateTarget, NodePath } from '../parser/locate.js';
import type { ObjectRef } from '../parser/object-ref.js';
import type { ScalarValue, TextEdit } from '../parser/yaml-edits.js';

export type { ManifestDocument };
import type { PlainRecord } from '../k8s/plain-value.js';
import { docsUrl } from './docs-url.js';
import type { Severity } from './finding.js';

/** Everything a user reads about a rule; docs pages, `--list-rules` and SARIF are generated from it. */
export interface RuleMeta<MessageId extends string = string> {
  /** Kebab-case id; equals the file name, the fixture folder and the docs page. Never changes. */
  id: string;
  /** One line, sentence case, no final period, stating the expectation. */
  title: string;
  /** Default severity. */
  severity: Severity;
  /**
   * Kinds whose objects are handed to `check`: built-in kinds (e.g. `['StatefulSet']`, matched with
   * their API group), or `['*']` ({@link ANY_KIND}) for every object, custom resources included.
   */
  kinds: readonly string[];
  /** Markdown: what breaks in the cluster and why, naming the Kubernetes page or field it rests on. */
  rationale: string;
  /** One imperative sentence ending with a period. */
  remediation: string;
  /** Message templates with `{{placeholders}}`: one sentence, no final period. */
  messages: Readonly<Record<MessageId, string>>;
  /** Fixture files, relative to `fixtures/<id>/`, shown in the docs and run by the tests. */
  examples: { good: string; bad: string };
  /** kubernetes.io pages or API reference anchors. */
  references: readonly string[];
}

/** The `kinds` entry of a rule that sees every object, whatever its kind or API group. */
export const ANY_KIND = '*';

/** A place in another object that explains a report (rendered as a related location). */
export interface RelatedReport {
  document: ManifestDocument;
  path: NodePath;
  target?: LocateTarget;
  message: string;
}

/**
 * Edits of the checked object's file, built with the context's {@link Fixer}. An entry that is
 * `undefined` (an edit the fixer could not make safely) drops the whole fix or suggestion.
 */
export type ReportEdits = readonly (TextEdit | undefined)[];

/** What a rule passes to `context.report`. */
export interface Report<MessageId extends string = string> {
  messageId: MessageId;
  data?: Readonly<Record<string, string | number>>;
  /** Path of the offending field from the object root; for a missing field, where it should be. */
  path: NodePath;
  /** `key` for a missing or unexpected field, `value` (default) for a wrong value. */
  target?: LocateTarget;
  related?: readonly RelatedReport[];
  /** Edits that resolve the finding and are safe to apply without a human. */
  fix?: ReportEdits;
  /** Edits a person may choose, each with an imperative description. */
  suggestions?: readonly { desc: string; edits: ReportEdits }[];
}

/**
 * Builds edits of the checked object's file that keep everything else byte for byte
 * (src/parser/yaml-edits.ts). Paths are node paths from the object's root. Each returns
 * `undefined` when the edit cannot be made safely.
 */
export interface Fixer {
  /** Sets a scalar, keeping its quote style. */
  replaceScalar(path: NodePath, value: ScalarValue): TextEdit | undefined;
  /** Renames a mapping key. */
  renameKey(path: NodePath, key: string): TextEdit | undefined;
  /** Adds entries after the last entry of the mapping at `path` (keys already there are left out). */
  addMapEntries(path: NodePath, entries: readonly (readonly [string, ScalarValue])[]): TextEdit | undefined;
  /** Inserts a new YAML document after the object's own. */
  insertDocumentAfter(object: Record<string, unknown>): TextEdit | undefined;
}

/** What `check` receives for one object. */
export interface RuleContext<MessageId extends string = string> {
  /** The plain object; its shape is not trusted (read it with the guards of `plain-value.ts`). */
  object: PlainRecord;
  document: ManifestDocument;
  /** The object's identity, namespace defaulted. */
  ref: ObjectRef;
  index: ObjectIndex;
  /** Edits of this object's file, for `fix` and `suggestions`. */
  fixer: Fixer;
  /**
   * The run's objects at a base revision (`--base <git-ref>`), when one was given: rules that
   * compare an object with its earlier version find it with `findBaseVersion`.
   */
  base?: BaseVersions;
  report(report: Report<MessageId>): void;
}

/** What a rule module defines. */
export interface RuleDefinition<MessageId extends string> extends RuleMeta<MessageId> {
  /** Inspects `context.object`, reports through `context.report`, returns nothing. No I/O, no state. */
  check(context: RuleContext<MessageId>): void;
}

/** A rule as the engine runs it. */
export interface Rule<MessageId extends string = string> extends RuleDefinition<MessageId> {
  /** The rule's documentation page, derived from the id. */
  docsUrl: string;
}

/** Metadata with its documentation page: what formatters, `--list-rules` and the language server read. */
export type DocumentedRule<MessageId extends string = string> = RuleMeta<MessageId> & { docsUrl: string };

/**
 * Declares the metadata of a reserved id, one the engine reports without a rule module
 * (`internal-error`, `input-limit`, `kustomize-build`, `unused-disable-directive`): like a rule, it
 * has a generated docs page, and `docsUrl` is derived from its id.
 */
export function defineReservedRule<MessageId extends string>(meta: RuleMeta<MessageId>): DocumentedRule<MessageId> {
  return { ...meta, docsUrl: docsUrl(meta.id) };
}

/**
 * Declares a rule: derives `docsUrl` from the id and ties `report` calls to the rule's message ids
 * at compile time (typescript-eslint's `createRule`).
 */
export function defineRule<MessageId extends string>(definition: RuleDefinition<MessageId>): Rule<MessageId> {
  return { ...definition, docsUrl: docsUrl(definition.id) };
}
