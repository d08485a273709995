/**
 * Objects found by the labels their selector needs, so that "which Services (budgets, …) select
 * these pods" costs the pods' labels, not the number of selectors in the namespace.
 *
 * Each object is filed under one *anchor*: a `key=value` pair its selector requires (a Service's
 * first selector entry, a LabelSelector's first `matchLabels` entry). A label set can only be
 * selected by objects whose anchor it carries, plus the objects without an anchor (a selector made
 * only of `matchExpressions`), which are always candidates. Candidates are then matched in full by
 * the one label-selector implementation (`src/k8s/label-selector.ts`): the anchors only narrow.
 */
import type { ManifestDocument } from '../parser/manifest-document.js';
import { isRecord, scalarString } from '../k8s/plain-value.js';
import type { ObjectIndex } from './object-index.js';

/** What an object's selector requires, as far as anchoring goes. */
export type Anchor = { key: string; value: string } | 'unanchored' | 'selects-nothing';

/** Objects filed by anchor. */
export interface LabelAnchors {
  byPair: Map<string, ManifestDocument[]>;
  unanchored: ManifestDocument[];
}

function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** Files `documents` by the anchor `anchorOf` gives each; objects that select nothing are left out. */
export function fileByAnchor(documents: Iterable<ManifestDocument>, anchorOf: (document: ManifestDocument) => Anchor): LabelAnchors {
  const anchors: LabelAnchors = { byPair: new Map(), unanchored: [] };
  for (const document of documents) {
    const anchor = anchorOf(document);
    if (anchor === 'selects-nothing') continue;
    if (anchor === 'unanchored') {
      anchors.unanchored.push(document);
      continue;
    }
    const key = pairKey(anchor.key, anchor.value);
    const list = anchors.byPair.get(key);
    if (list) list.push(document);
    else anchors.byPair.set(key, [document]);
  }
  return anchors;
}

/**
 * The objects that may select a label set (those anchored on one of its labels, and the unanchored
 * ones), in input order. Callers still match each selector in full.
 */
export function anchoredCandidates(index: ObjectIndex, anchors: LabelAnchors, labels: unknown): ManifestDocument[] {
  const found = new Set<ManifestDocument>(anchors.unanchored);
  if (isRecord(labels)) {
    for (const [key, value] of Object.entries(labels)) {
      const text = scalarString(value);
      if (text === undefined) continue;
      for (const document of anchors.byPair.get(pairKey(key, text)) ?? []) found.add(document);
    }
  }
  return index.inInputOrder(found);
}

/**
 * The anchor of a plain label map that must be contained in the labels (a Service's `spec.selector`):
 * its first entry; an empty or malformed map, or a value that is not a scalar, selects nothing.
 */
export function labelMapAnchor(selector: unknown): Anchor {
  if (!isRecord(selector)) return 'selects-nothing';
  const entries = Object.entries(selector);
  if (entries.length === 0) return 'selects-nothing';
  const [key, value] = entries[0]!;
  const text = scalarString(value);
  return text === undefined ? 'selects-nothing' : { key, value: text };
}

/**
 * The anchor of a `metav1.LabelSelector`: its first `matchLabels` entry with a scalar value;
 * `unanchored` when it has none (only `matchExpressions`, or empty: then it is matched in full).
 */
export function labelSelectorAnchor(selector: unknown): Anchor {
  if (!isRecord(selector) || !isRecord(selector.matchLabels)) return 'unanchored';
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    const text = scalarString(value);
    if (text !== undefined) return { key, value: text };
  }
  return 'unanchored';
}
