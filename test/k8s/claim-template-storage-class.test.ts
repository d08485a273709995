import { describe, expect, it } from 'vitest';
import { claimTemplateStorageClass } from '../../src/k8s/storage.js';

const ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

describe('claimTemplateStorageClass', () => {
  it('reads spec.storageClassName', () => {
    expect(claimTemplateStorageClass({ metadata: { name: 'data' }, spec: { storageClassName: 'local-path' } })).toEqual({
      name: 'local-path',
      path: ['spec', 'storageClassName'],
      source: 'field',
    });
  });

  it('keeps an explicit empty class, which means "no class"', () => {
    expect(claimTemplateStorageClass({ spec: { storageClassName: '' } })?.name).toBe('');
  });

  it('reads the legacy annotation when the field is absent', () => {
    expect(claimTemplateStorageClass({ metadata: { annotations: { [ANNOTATION]: 'fast' } }, spec: {} })).toEqual({
      name: 'fast',
      path: ['metadata', 'annotations', ANNOTATION],
      source: 'annotation',
    });
  });

  it('reads the legacy annotation when the field is null', () => {
    expect(claimTemplateStorageClass({ metadata: { annotations: { [ANNOTATION]: 'fast' } }, spec: { storageClassName: null } })?.source).toBe('annotation');
  });

  it('prefers the field over the annotation', () => {
    expect(claimTemplateStorageClass({ metadata: { annotations: { [ANNOTATION]: 'fast' } }, spec: { storageClassName: 'slow' } })?.name).toBe('slow');
  });

  it.each([
    ['no class at all', { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }],
    ['annotations that are not a mapping', { metadata: { annotations: ['x'] }, spec: {} }],
    ['a class that is a mapping', { spec: { storageClassName: { name: 'x' } } }],
    ['a claim template that is not a mapping', 'data'],
    ['null', null],
  ])('gives undefined for %s', (_name, claimTemplate) => {
    expect(claimTemplateStorageClass(claimTemplate)).toBeUndefined();
  });
});
