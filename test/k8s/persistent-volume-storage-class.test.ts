import { describe, expect, it } from 'vitest';
import { persistentVolumeStorageClass } from '../../src/k8s/storage.js';

const ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

describe('persistentVolumeStorageClass', () => {
  it.each([
    ['the field', { spec: { storageClassName: 'manual' } }, 'manual'],
    ['the field over the annotation', { metadata: { annotations: { [ANNOTATION]: 'old' } }, spec: { storageClassName: 'new' } }, 'new'],
    ['the annotation when the field is absent', { metadata: { annotations: { [ANNOTATION]: 'slow' } }, spec: {} }, 'slow'],
    ['the annotation when the field is null', { metadata: { annotations: { [ANNOTATION]: 'slow' } }, spec: { storageClassName: null } }, 'slow'],
    ['an explicit empty class', { spec: { storageClassName: '' } }, ''],
    ['no class at all', { spec: { nfs: { server: 'nfs', path: '/' } } }, ''],
    ['a number as its spelling', { spec: { storageClassName: 10 } }, '10'],
    ['nothing from a malformed object', 'not an object', ''],
  ])('reads %s', (_name, persistentVolume, expected) => {
    expect(persistentVolumeStorageClass(persistentVolume)).toBe(expected);
  });
});
