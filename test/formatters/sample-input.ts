import type { Finding, RelatedLocation, Severity } from '../../src/engine/finding.js';
import { docsUrl } from '../../src/engine/docs-url.js';
import type { FileResult } from '../../src/engine/lint.js';
import type { RuleMeta } from '../../src/engine/rule.js';
import type { FormatInput } from '../../src/formatters/format-input.js';
import type { SourceRange } from '../../src/parser/source-range.js';

/**
 * A hand-made run for the formatter tests. Rule metadata is synthetic (not `rules/`), so the
 * expected files change only when a formatter does. Paths are POSIX and the base is `/repo`.
 */

/** `deploy/db.yaml` of integrations.md §1.1 (12 lines, LF, final newline). */
export const DB_YAML = [
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: db',
  'spec:',
  '  serviceName: db',
  '  replicas: 3',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: pg',
  '          image: postgres:16',
  '',
].join('\n');

const APP_YAML = [
  '# StatefulSet and its Service.',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: app',
  'spec:',
  '  clusterIP: 10.0.0.12',
  '---',
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: app',
  'spec:',
  '  serviceName: app',
  '  replicas: 3',
  '',
].join('\n');

const BROKEN_YAML = ['apiVersion: v1', 'kind: ConfigMap', ' data: {', 'metadata:', '  name: a', '  name: b', ''].join('\n');

/** A range on one line. */
export function at(line: number, column: number, endColumn = column + 1, endLine = line): SourceRange {
  return { line, column, endLine, endColumn };
}

/** A finding with the fields formatters read. */
export function finding(
  file: string,
  ruleId: string,
  severity: Severity,
  message: string,
  range: SourceRange,
  extra: { fatal?: boolean; messageId?: string; related?: RelatedLocation[]; suggestions?: Finding['suggestions']; suppressions?: Finding['suppressions'] } = {},
): Finding {
  return { ruleId, severity, message, file, range, related: [], ...extra };
}

function meta(id: string, severity: Severity, title: string, rationale: string, remediation: string): RuleMeta & { docsUrl: string } {
  const messages = { main: title };
  return { id, title, severity, kinds: ['StatefulSet'], rationale, remediation, messages, examples: { good: '', bad: '' }, references: [], docsUrl: docsUrl(id) };
}

/** Synthetic metadata for the ids the sample uses (and one rule that reports nothing). */
export const SAMPLE_RULES: ReadonlyMap<string, RuleMeta & { docsUrl: string }> = new Map(
  [
    meta('yaml-syntax', 'error', 'Manifests are well-formed YAML', 'A document that cannot be parsed is\nrejected by `kubectl apply`.\n\nSecond paragraph.', 'Fix the YAML.'),
    meta('pod-management-policy-missing', 'info', 'spec.podManagementPolicy is set', 'Ordering should be a **deliberate** choice; see [the docs](https://kubernetes.io/).', 'Set spec.podManagementPolicy.'),
    meta('governing-service-not-headless', 'error', 'The governing Service is headless', 'Per-pod DNS needs `clusterIP: None`.', 'Set spec.clusterIP: None.'),
    meta('governing-service-not-found', 'error', 'The governing Service exists', 'Pods need a governing Service.', 'Add the Service.'),
    meta('replication-bootstrap-missing', 'warning', 'Replicas can join', 'Replicas need a bootstrap.', 'Add a bootstrap.'),
  ].map((rule) => [rule.id, rule] as const),
);

function result(path: string, text: string, findings: Finding[]): FileResult {
  return { file: { path, text }, findings, objectCount: 1, suppressed: [], unvalidatedKinds: [] };
}

/** The sample run: every formatter feature once (related, info, fatal, internal-error, stdin, outside the base). */
export function sampleInput(overrides: Partial<FormatInput> = {}): FormatInput {
  const db = '/repo/deploy/db.yaml';
  const app = '/repo/deploy/my app.yaml';
  const broken = '/repo/deploy/broken.yaml';
  const outside = '/elsewhere/other.yaml';
  return {
    results: [
      result(broken, BROKEN_YAML, [
        finding(broken, 'yaml-syntax', 'error', 'YAML syntax error: Flow map must end with a }', at(3, 8, 1, 4), { fatal: true, messageId: 'syntax' }),
        finding(broken, 'yaml-syntax', 'error', 'Duplicate key "name": the API server keeps only the last value', at(6, 3, 7), { messageId: 'duplicateKey' }),
      ]),
      result('/repo/deploy/clean.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: clean\n', []),
      result(db, DB_YAML, [
        finding(db, 'pod-management-policy-missing', 'info', 'StatefulSet "db" does not set spec.podManagementPolicy', at(5, 1, 5)),
        finding(db, 'governing-service-not-found', 'error', 'StatefulSet "db" names governing Service "db", which is not in the input', at(6, 16, 18)),
        finding(db, 'replication-bootstrap-missing', 'warning', 'StatefulSet "db" runs 3 replicas of "postgres:16" without a bootstrap', at(7, 3, 16, 12)),
      ]),
      result(app, APP_YAML, [
        finding(app, 'governing-service-not-headless', 'error', 'Service "app" named in spec.serviceName is not headless (clusterIP "10.0.0.12")', at(14, 16, 19), {
          messageId: 'notHeadless',
          related: [
            { file: app, range: at(7, 14, 23), message: 'clusterIP is set here' },
            { file: db, range: at(4, 9, 11), message: 'another StatefulSet' },
          ],
        }),
      ]),
      result(outside, 'apiVersion: apps/v1\nkind: StatefulSet\n', [
        finding(outside, 'internal-error', 'error', 'Rule "governing-service-not-found" failed on StatefulSet "": boom', at(2, 1, 5), { messageId: 'threw' }),
      ]),
      result('<stdin>', DB_YAML, [
        finding('<stdin>', 'replication-bootstrap-missing', 'warning', 'StatefulSet "db" runs 3 replicas without a bootstrap.', at(7, 3, 11)),
      ]),
    ],
    rules: SAMPLE_RULES,
    baseDirectory: '/repo',
    version: '0.1.0',
    color: false,
    ...overrides,
  };
}
