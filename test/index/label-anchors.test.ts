import { describe, expect, it } from 'vitest';
import { anchoredCandidates, fileByAnchor, labelMapAnchor, labelSelectorAnchor } from '../../src/index/label-anchors.js';
import { findHeadlessServicesSelecting } from '../../src/index/governing-service.js';
import { ObjectIndex } from '../../src/index/object-index.js';
import { isHeadless } from '../../src/k8s/services.js';
import { matchServiceSelector } from '../../src/k8s/label-selector.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';

describe('anchors', () => {
  it.each([
    [{ app: 'db', tier: 'data' }, { key: 'app', value: 'db' }],
    [{ version: 2 }, { key: 'version', value: '2' }],
    [{}, 'selects-nothing'],
    [null, 'selects-nothing'],
    [{ app: { nested: true } }, 'selects-nothing'],
  ])('a Service selector %j is anchored on %j', (selector, anchor) => {
    expect(labelMapAnchor(selector)).toEqual(anchor);
  });

  it.each([
    [{ matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, { key: 'app', value: 'db' }],
    [{ matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] }, 'unanchored'],
    [{}, 'unanchored'],
    [{ matchLabels: { app: ['db'] } }, 'unanchored'],
  ])('a LabelSelector %j is anchored on %j', (selector, anchor) => {
    expect(labelSelectorAnchor(selector)).toEqual(anchor);
  });
});

/** `count` Services in one namespace with varied selectors, headless or not. */
function services(count: number): string {
  const documents: string[] = [];
  for (let i = 0; i < count; i++) {
    const selector = [`app: app-${i % 7}`, i % 3 === 0 ? `tier: tier-${i % 2}` : '', i % 11 === 0 ? 'empty: ""' : ''].filter(Boolean);
    documents.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: s-${i}\nspec:\n${i % 5 === 0 ? '' : '  clusterIP: None\n'}${i % 13 === 0 ? '' : `  selector:\n${selector.map((line) => `    ${line}`).join('\n')}\n`}`);
  }
  return documents.join('---\n');
}

describe('findHeadlessServicesSelecting', () => {
  const { documents } = parseDocuments({ path: '/repo/services.yaml', text: services(200) });
  const index = new ObjectIndex(documents);

  it.each([
    { app: 'app-3' },
    { app: 'app-3', tier: 'tier-1' },
    { app: 'app-0', tier: 'tier-0', empty: '' },
    { tier: 'tier-0' },
    {},
  ])('finds, in input order, exactly the headless Services whose selector a brute-force match accepts: %j', (labels) => {
    const expected = documents.filter((service) => isHeadless(service.object) && matchServiceSelector((service.object.spec as Record<string, unknown> | undefined)?.selector, labels));
    expect(findHeadlessServicesSelecting(index, 'default', labels)).toEqual(expected);
  });

  it('looks only at Services of the namespace', () => {
    expect(findHeadlessServicesSelecting(index, 'other', { app: 'app-3' })).toEqual([]);
  });

  it('returns anchored and unanchored candidates in input order', () => {
    const anchors = fileByAnchor(documents, (document) => (document.name.endsWith('0') ? 'unanchored' : labelMapAnchor((document.object.spec as { selector?: unknown } | undefined)?.selector)));
    const found = anchoredCandidates(index, anchors, { app: 'app-1' });
    expect(found.map((document) => document.name)).toEqual([...found].sort((a, b) => documents.indexOf(a) - documents.indexOf(b)).map((document) => document.name));
    expect(found.some((document) => document.name === 's-10')).toBe(true);
  });
});

describe('ObjectIndex.derived', () => {
  it('builds a derived value once per index', () => {
    const index = new ObjectIndex([]);
    let builds = 0;
    const build = () => ({ built: ++builds });
    expect(index.derived(build)).toBe(index.derived(build));
    expect(builds).toBe(1);
    expect(new ObjectIndex([]).derived(build)).toEqual({ built: 2 });
  });
});
