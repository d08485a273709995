/**
 * What the API server lets an update of a StatefulSet change, and what it refuses: the spec fields
 * outside {@link MUTABLE_STATEFUL_SET_SPEC_FIELDS} are immutable (statefulset-semantics §1.3).
 *
 * `ValidateStatefulSetUpdate` (kubernetes/kubernetes `pkg/apis/apps/validation/validation.go`)
 * copies the mutable fields of the old object into a clone of the new one, and refuses the update
 * when the clone still differs from the old spec (`apiequality.Semantic.DeepEqual`, after
 * defaulting): `spec: Forbidden: updates to statefulset spec for fields other than 'replicas',
 * 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit',
 * 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden`. The message never
 * says which field changed; {@link immutableFieldChanges} does.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#limitations
 */
import { formatLabelSelector } from './label-selector.js';
import { asRecord, isRecord, type PlainRecord } from './plain-value.js';
import { sameQuantity } from './quantity.js';

/**
 * The spec fields an update may change, as of Kubernetes 1.36 (the version of stslint's schema):
 * `replicas`, `ordinals`, `template`, `updateStrategy`, `revisionHistoryLimit`,
 * `persistentVolumeClaimRetentionPolicy` and `minReadySeconds`. `ValidateStatefulSetUpdate` copies
 * exactly these from the old object before comparing. Servers up to 1.32 also refuse a change of
 * `revisionHistoryLimit` (kubernetes#56341, #130263: their message lists six fields); newer ones
 * name it among the mutable fields.
 */
export const MUTABLE_STATEFUL_SET_SPEC_FIELDS: readonly string[] = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

/** A node path from the StatefulSet's root, e.g. `['spec', 'volumeClaimTemplates', 0, 'spec']`. */
export type FieldPath = readonly (string | number)[];

/**
 * One change the API server refuses. `path` is where the change sits in the **new** object (for a
 * field that was removed, where it was: a locator falls back to the nearest existing parent).
 * `before` is the value in the old object (`undefined` when it was unset), as written there.
 */
export type ImmutableFieldChange =
  /** `spec.selector` changed: one change, at its first changed entry; `before` is the old selector. */
  | { kind: 'selector'; path: FieldPath; before: unknown }
  /** A field of a claim template changed; `field` is its dotted path inside the template (`spec.storageClassName`). */
  | { kind: 'claim-template-field'; claimTemplate: string; field: string; path: FieldPath; before: unknown }
  /** A claim template that the old object did not have. */
  | { kind: 'claim-template-added'; claimTemplate: string; path: FieldPath }
  /** A claim template of the old object that is gone. */
  | { kind: 'claim-template-removed'; claimTemplate: string; path: FieldPath }
  /** The same claim templates in another order (the API compares the list by position). */
  | { kind: 'claim-templates-reordered'; path: FieldPath }
  /** Any other immutable spec field (`serviceName`, `podManagementPolicy`, …); `field` is its name. */
  | { kind: 'field'; field: string; path: FieldPath; before: unknown };

/** The dotted path of a claim template's storage request, as {@link ImmutableFieldChange} `field` spells it. */
export const CLAIM_TEMPLATE_STORAGE_FIELD = 'spec.resources.requests.storage';

/**
 * The changes between an old and a new version of a StatefulSet that the API server refuses on
 * update, one per changed field, in spec order: the selector (one change), each changed field of
 * each claim template (templates are paired by `metadata.name` when every template has a distinct
 * name, else by position), added, removed or reordered claim templates, and every other spec field
 * outside {@link MUTABLE_STATEFUL_SET_SPEC_FIELDS}.
 *
 * Values are compared as the API server compares them after defaulting: an absent field, `null`,
 * an empty list and an empty mapping are the same; `podManagementPolicy` defaults to
 * `OrderedReady` and `serviceName` to `""`; in claim templates, `volumeMode` defaults to
 * `Filesystem` and `status.phase` to `Pending`, `apiVersion` and `kind` are dropped, and resource
 * quantities compare by value (`1Gi` = `1024Mi`). Never throws, whatever the shapes.
 */
export function immutableFieldChanges(before: PlainRecord, after: PlainRecord): ImmutableFieldChange[] {
  const oldSpec = asRecord(before.spec);
  const newSpec = asRecord(after.spec);
  const changes: ImmutableFieldChange[] = [];
  for (const field of unionKeys(newSpec, oldSpec)) {
    if (MUTABLE_STATEFUL_SET_SPEC_FIELDS.includes(field)) continue;
    const path = ['spec', field];
    if (field === 'selector') {
      const first = differences(normalise(oldSpec.selector), normalise(newSpec.selector), path)[0];
      if (first) changes.push({ kind: 'selector', path: first.path, before: oldSpec.selector });
    } else if (field === 'volumeClaimTemplates' && isListOrUnset(oldSpec[field]) && isListOrUnset(newSpec[field])) {
      changes.push(...claimTemplateChanges(oldSpec[field], newSpec[field]));
    } else {
      const first = differences(specDefault(field, oldSpec[field]), specDefault(field, newSpec[field]), path)[0];
      if (first) changes.push({ kind: 'field', field, path: first.path, before: oldSpec[field] });
    }
  }
  return changes;
}

/** A short text for a changed value in a message: `10Gi`, `app=db,tier=primary`, `{a: 1}`; cut at 32 characters. */
export function describeFieldValue(value: unknown, kind?: 'selector'): string {
  const text = kind === 'selector' && isRecord(value) ? (formatLabelSelector(value) ?? compact(value)) : compact(value);
  return text.length > 32 ? `${text.slice(0, 31)}…` : text;
}

function compact(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(compact).join(', ')}]`;
  if (isRecord(value)) return `{${Object.entries(value).map(([key, item]) => `${key}: ${compact(item)}`).join(', ')}}`;
  return String(value);
}

/** A spec field after defaulting: `podManagementPolicy` is `OrderedReady` when unset, an empty `serviceName` is unset. */
function specDefault(field: string, value: unknown): unknown {
  const normalised = normalise(value);
  if (field === 'serviceName') return normalised === '' ? undefined : normalised;
  if (field === 'podManagementPolicy') return normalised ?? 'OrderedReady';
  return normalised;
}

function claimTemplateChanges(oldList: unknown, newList: unknown): ImmutableFieldChange[] {
  const olds = (Array.isArray(oldList) ? oldList : []).map(normaliseClaimTemplate);
  const news = (Array.isArray(newList) ? newList : []).map(normaliseClaimTemplate);
  const listPath = ['spec', 'volumeClaimTemplates'];
  const pairs = pairClaimTemplates(olds, news);
  const changes: ImmutableFieldChange[] = [];
  pairs.matched.forEach(([oldIndex, newIndex]) => {
    const name = claimTemplateName(news[newIndex], newIndex);
    const oldTemplate = (oldList as unknown[])[oldIndex];
    for (const difference of differences(olds[oldIndex], news[newIndex], [...listPath, newIndex])) {
      const inner = difference.path.slice(listPath.length + 1);
      changes.push({ kind: 'claim-template-field', claimTemplate: name, field: dotted(inner), path: difference.path, before: valueAt(oldTemplate, inner) });
    }
  });
  for (const newIndex of pairs.added) changes.push({ kind: 'claim-template-added', claimTemplate: claimTemplateName(news[newIndex], newIndex), path: [...listPath, newIndex] });
  for (const oldIndex of pairs.removed) changes.push({ kind: 'claim-template-removed', claimTemplate: claimTemplateName(olds[oldIndex], oldIndex), path: listPath });
  const reordered = pairs.matched.some(([oldIndex, newIndex]) => oldIndex !== newIndex);
  if (changes.length === 0 && reordered) changes.push({ kind: 'claim-templates-reordered', path: listPath });
  return changes;
}

/** Pairs claim templates by name when every template on both sides has a distinct name, else by position. */
function pairClaimTemplates(olds: readonly unknown[], news: readonly unknown[]): { matched: [number, number][]; added: number[]; removed: number[] } {
  const oldNames = olds.map((template) => nameOf(template));
  const newNames = news.map((template) => nameOf(template));
  const byName = [...oldNames, ...newNames].every((name) => name !== undefined) && new Set(oldNames).size === olds.length && new Set(newNames).size === news.length;
  if (!byName) {
    const common = Math.min(olds.length, news.length);
    return {
      matched: Array.from({ length: common }, (_, index) => [index, index] as [number, number]),
      added: Array.from({ length: news.length - common }, (_, index) => common + index),
      removed: Array.from({ length: olds.length - common }, (_, index) => common + index),
    };
  }
  const matched: [number, number][] = [];
  const added: number[] = [];
  newNames.forEach((name, newIndex) => {
    const oldIndex = oldNames.indexOf(name);
    if (oldIndex === -1) added.push(newIndex);
    else matched.push([oldIndex, newIndex]);
  });
  const removed = oldNames.flatMap((name, oldIndex) => (newNames.includes(name) ? [] : [oldIndex]));
  return { matched, added, removed };
}

function nameOf(claimTemplate: unknown): string | undefined {
  const name = asRecord(asRecord(claimTemplate).metadata).name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function claimTemplateName(claimTemplate: unknown, position: number): string {
  return nameOf(claimTemplate) ?? `#${position}`;
}

/** A claim template after the API server's defaulting, `apiVersion` and `kind` dropped (the server does not keep them). */
function normaliseClaimTemplate(claimTemplate: unknown): unknown {
  if (!isRecord(claimTemplate)) return normalise(claimTemplate);
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = claimTemplate;
  const spec = asRecord(rest.spec);
  const status = asRecord(rest.status);
  return normalise({
    ...rest,
    spec: { ...spec, volumeMode: spec.volumeMode ?? 'Filesystem' },
    status: { ...status, phase: status.phase ?? 'Pending' },
  });
}

/** `null`, empty lists and empty mappings read as absent, recursively (Semantic.DeepEqual treats nil and empty alike). */
function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => normalise(item) ?? null);
    return items.length === 0 ? undefined : items;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      const normalised = normalise(item);
      return normalised === undefined ? [] : [[key, normalised] as const];
    });
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

interface Difference {
  path: FieldPath;
}

/**
 * The paths where two normalised values differ, in the new value's key order: mappings key by
 * key, lists of mappings of equal length item by item, anything else as one value. Quantities
 * under `resources` compare by value.
 */
function differences(before: unknown, after: unknown, path: FieldPath): Difference[] {
  if (isRecord(before) && isRecord(after)) {
    return unionKeys(after, before).flatMap((key) => differences(before[key], after[key], [...path, key]));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && after.every(isRecord)) {
    return after.flatMap((item, index) => differences(before[index], item, [...path, index]));
  }
  return sameValue(before, after, path) ? [] : [{ path }];
}

function sameValue(before: unknown, after: unknown, path: FieldPath): boolean {
  if (path.includes('resources') && (typeof before === 'string' || typeof before === 'number')) return sameQuantity(before, after);
  return JSON.stringify(before) === JSON.stringify(after);
}

function unionKeys(first: PlainRecord, second: PlainRecord): string[] {
  return [...new Set([...Object.keys(first), ...Object.keys(second)])];
}

function isListOrUnset(value: unknown): boolean {
  return value === undefined || value === null || Array.isArray(value);
}

function valueAt(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isRecord(current) ? current[segment] : undefined;
  }
  return current;
}

function dotted(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += /^[A-Za-z0-9_-]+$/.test(segment) ? (text ? `.${segment}` : segment) : `[${JSON.stringify(segment)}]`;
  }
  return text;
}
