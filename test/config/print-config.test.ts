import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { printConfig } from '../../src/config/print-config.js';
import { resolveRuleSeverities } from '../../src/config/resolve-rule-severities.js';

const BASE = path.resolve('/repo');
const config = parseConfig(
  [
    'namespace: prod',
    'files: ["deploy/**"]',
    'ignores: ["legacy/**"]',
    'context: ["k8s/**"]',
    'rules:',
    '  yaml-syntax: off',
    'exemptions:',
    '  - rule: node-local-storage',
    '    name: "kafka-*"',
    '    reason: local disks on purpose',
    '    expires: 2027-01-31',
    '  - rule: node-local-storage',
    '    kind: StatefulSet',
    '    name: zk',
    '    reason: zookeeper keeps local state',
    '  - rule: yaml-syntax',
    '    reason: generated files',
    '',
  ].join('\n'),
  { file: path.join(BASE, '.stslint.yaml'), shownPath: '.stslint.yaml' },
);
const severities = resolveRuleSeverities(ALL_RULES, config, [{ ruleId: 'node-local-storage', severity: 'error' }]);

describe('printConfig', () => {
  it('prints the effective configuration of a file as JSON', () => {
    const output = printConfig({ file: path.join(BASE, 'deploy/kafka.yaml'), config, severities, today: '2027-01-31' });
    expect(output.endsWith('}\n')).toBe(true);
    const printed = JSON.parse(output);
    expect(printed).toMatchObject({
      file: path.join(BASE, 'deploy/kafka.yaml'),
      configFile: path.join(BASE, '.stslint.yaml'),
      baseDirectory: BASE,
      role: 'lint',
      namespace: 'prod',
      files: ['deploy/**'],
      ignores: ['legacy/**'],
      context: ['k8s/**'],
    });
    expect(Object.keys(printed.rules)).toEqual(ALL_RULES.map((rule) => rule.id));
    expect(printed.rules['yaml-syntax']).toBe('off');
    expect(printed.rules['node-local-storage']).toBe('error');
    expect(printed.exemptions).toEqual([
      { rule: 'node-local-storage', name: 'kafka-*', reason: 'local disks on purpose', expires: '2027-01-31', line: 8, column: 5, expired: true },
      { rule: 'node-local-storage', kind: 'StatefulSet', name: 'zk', reason: 'zookeeper keeps local state', line: 12, column: 5, expired: false },
    ]);
  });

  it('lists only the exemptions matching the file objects when they are given', () => {
    const objects = [{ kind: 'StatefulSet', namespace: 'prod', name: 'kafka-broker' }];
    const printed = JSON.parse(printConfig({ file: path.join(BASE, 'kafka.yaml'), config, severities, objects, today: '2027-01-30' }));
    expect(printed.exemptions).toEqual([{ rule: 'node-local-storage', name: 'kafka-*', reason: 'local disks on purpose', expires: '2027-01-31', line: 8, column: 5, expired: false }]);
  });

  it('lets --namespace win, and shows context and ignored roles', () => {
    const context = JSON.parse(printConfig({ file: path.join(BASE, 'k8s/svc.yaml'), config, severities, cliNamespace: 'dev', today: '2026-01-01' }));
    expect(context.role).toBe('context');
    expect(context.namespace).toBe('dev');
    const ignored = JSON.parse(printConfig({ file: path.join(BASE, 'legacy/db.yaml'), config, severities, today: '2026-01-01', named: true }));
    expect(ignored.role).toBe('ignored');
    expect(ignored.exemptions).toEqual([]);
    const named = JSON.parse(printConfig({ file: path.join(BASE, 'k8s/svc.yaml'), config, severities, today: '2026-01-01', named: true }));
    expect(named.role).toBe('lint');
  });

  it('prints the defaults without a config file', () => {
    const defaults = { ...config, file: null, namespace: undefined, exemptions: [] };
    const printed = JSON.parse(printConfig({ file: path.join(BASE, 'db.yaml'), config: defaults, severities, today: '2026-01-01' }));
    expect(printed.configFile).toBeNull();
    expect(printed.namespace).toBe('default');
  });
});
