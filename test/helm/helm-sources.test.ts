import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachHelmSources, sourcesByLine, templatePath } from '../../src/helm/helm-sources.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';
import { locateSource } from '../../src/parser/source-location.js';

const RENDERED = [
  '---', //                                               1
  '# Source: db/templates/statefulset.yaml', //           2
  'apiVersion: apps/v1', //                               3
  'kind: StatefulSet', //                                 4
  'metadata:', //                                         5
  '  name: shop-db', //                                   6
  'spec:', //                                             7
  '  replicas: 3', //                                     8
  '  serviceName: shop-db', //                            9
  '---', //                                               10
  'apiVersion: v1', //                                    11
  'kind: Service', //                                     12
  'metadata:', //                                         13
  '  name: extra', //                                     14
  '',
].join('\n');

const TEMPLATE = [
  'apiVersion: apps/v1', //                               1
  'kind: StatefulSet', //                                 2
  'metadata:', //                                         3
  '  name: {{ include "db.fullname" . }}', //             4
  'spec:', //                                             5
  '  {{- if .Values.cluster }}', //                       6
  '  replicas: {{ .Values.replicas }}', //                7
  '  {{- end }}', //                                      8
  '  serviceName: {{ include "db.fullname" . }}', //      9
  '  template:', //                                       10
  '    spec:', //                                         11
  '      containers:', //                                 12
  '        - name: postgres', //                          13
  '',
].join('\n');

function lint(templates: Record<string, string>) {
  const parsed = parseDocuments({ path: '/repo/rendered.yaml', text: RENDERED });
  const named = attachHelmSources(parsed, { chartRoot: '/repo/charts/db', cwd: '/repo', readTemplate: (file) => templates[file] });
  return { parsed, named };
}

describe('helm template output', () => {
  it('resolves # Source: paths under the chart root without the chart name, else as written', () => {
    expect(templatePath('db/templates/statefulset.yaml', { chartRoot: '/repo/charts/db', cwd: '/repo' })).toBe('/repo/charts/db/templates/statefulset.yaml');
    expect(templatePath('db/charts/redis/templates/master.yaml', { chartRoot: '/repo/charts/db', cwd: '/repo' })).toBe('/repo/charts/db/charts/redis/templates/master.yaml');
    expect(templatePath('db/templates/statefulset.yaml', { cwd: '/repo' })).toBe('/repo/db/templates/statefulset.yaml');
  });

  it('reports a field at its key in the template when the key is written once there, the rendered line related', () => {
    const { parsed, named } = lint({ '/repo/charts/db/templates/statefulset.yaml': TEMPLATE });
    expect(named.map((file) => file.path)).toEqual(['/repo/charts/db/templates/statefulset.yaml']);
    const [statefulSet, service] = parsed.documents;
    expect(locateSource(statefulSet!, ['spec', 'replicas'])).toEqual({
      file: '/repo/charts/db/templates/statefulset.yaml',
      range: { line: 7, column: 3, endLine: 7, endColumn: 11 },
      rendered: { file: '/repo/rendered.yaml', range: { line: 8, column: 13, endLine: 8, endColumn: 14 } },
    });
    // "name" is written twice in the template: its first line.
    expect(locateSource(statefulSet!, ['metadata', 'name']).range).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 20 });
    // A document without # Source: stays where it is.
    expect(locateSource(service!, ['metadata', 'name']).file).toBe('/repo/rendered.yaml');
  });

  it('reports at the first line of a template that is not on disk', () => {
    const { parsed, named } = lint({});
    expect(named).toEqual([{ path: '/repo/charts/db/templates/statefulset.yaml', text: '' }]);
    expect(locateSource(parsed.documents[0]!, ['spec', 'replicas']).range).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
  });

  it('finds the template of any line of a document, for documents that do not parse', () => {
    const sources = sourcesByLine(RENDERED)!;
    expect(sources[8 - 1]).toBe('db/templates/statefulset.yaml');
    expect(sources[12 - 1]).toBeUndefined();
    expect(path.basename(sources[3 - 1]!)).toBe('statefulset.yaml');
    expect(sourcesByLine('apiVersion: v1\nkind: Service\n')).toBeUndefined();
  });
});
