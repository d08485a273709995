import { describe, expect, it } from 'vitest';
import { allowedFieldNames } from '../../src/schema/allowed-field-names.js';

describe('allowedFieldNames', () => {
  it('follows definitions, lists and inline objects', () => {
    expect(allowedFieldNames('StatefulSet', [])).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(allowedFieldNames('StatefulSet', ['spec', 'volumeClaimTemplates', 2])).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(allowedFieldNames('Service', ['spec', 'ports', 0])).toContain('targetPort');
    expect(allowedFieldNames('StatefulSet', ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits'])).toBeUndefined();
  });

  it('gives nothing for maps, scalars, free-form objects and paths the schema does not know', () => {
    expect(allowedFieldNames('StatefulSet', ['metadata', 'labels'])).toBeUndefined();
    expect(allowedFieldNames('StatefulSet', ['spec', 'replicas'])).toBeUndefined();
    expect(allowedFieldNames('StatefulSet', ['metadata', 'managedFields', 0, 'fieldsV1'])).toBeUndefined();
    expect(allowedFieldNames('StatefulSet', ['spec', 'bogus'])).toBeUndefined();
    expect(allowedFieldNames('DaemonSet', [])).toBeUndefined();
  });
});
