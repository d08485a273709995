import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { DEFAULT_FILES } from '../../src/config/config.js';
import { parseConfig } from '../../src/config/parse-config.js';

const SOURCE = { file: '/repo/deploy/.stslint.yaml', shownPath: '.stslint.yaml' };

function errorOf(text: string): ConfigError {
  try {
    parseConfig(text, SOURCE);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('reads every key, defaults the rest, and keeps where each exemption is written', () => {
    const config = parseConfig(
      [
        '# yaml-language-server: $schema=https://raw.githubusercontent.com/stslint/stslint/main/schema/stslint-config.schema.json',
        'namespace: prod',
        'files: ["deploy/**/*.yaml"]',
        'ignores: ["deploy/legacy/**"]',
        'context: ["k8s/**/*.yaml"]',
        'rules:',
        '  node-local-storage: off',
        '  replication-bootstrap-missing: [error, {}]',
        '  yaml-syntax: [info]',
        'kustomize:',
        '  command: /opt/bin/kustomize build',
        'helm:',
        '  chartRoot: ../charts/db',
        'exemptions:',
        '  - rule: node-local-storage',
        '    kind: StatefulSet',
        '    namespace: dev',
        '    name: "kafka-*"',
        '    reason: "dev cluster uses local-path on purpose"',
        '    expires: 2027-01-31',
        '',
      ].join('\n'),
      SOURCE,
    );
    expect(config).toEqual({
      file: '/repo/deploy/.stslint.yaml',
      baseDirectory: '/repo/deploy',
      namespace: 'prod',
      files: ['deploy/**/*.yaml'],
      ignores: ['deploy/legacy/**'],
      context: ['k8s/**/*.yaml'],
      rules: new Map([
        ['node-local-storage', 'off'],
        ['replication-bootstrap-missing', 'error'],
        ['yaml-syntax', 'info'],
      ]),
      kustomize: { enabled: true, command: '/opt/bin/kustomize build' },
      helmChartRoot: '/repo/charts/db',
      exemptions: [
        {
          rule: 'node-local-storage',
          kind: 'StatefulSet',
          namespace: 'dev',
          name: 'kafka-*',
          reason: 'dev cluster uses local-path on purpose',
          expires: '2027-01-31',
          line: 15,
          column: 5,
        },
      ],
    });
  });

  it('reads unquoted, single- and double-quoted dates alike (YAML 1.2: no timestamps)', () => {
    const config = parseConfig(
      'exemptions:\n  - {rule: yaml-syntax, reason: a, expires: 2027-01-31}\n  - {rule: yaml-syntax, reason: b, expires: "2027-01-31"}\n  - {rule: yaml-syntax, reason: c, expires: \'2027-01-31\'}\n',
      SOURCE,
    );
    expect(config.exemptions.map((exemption) => exemption.expires)).toEqual(['2027-01-31', '2027-01-31', '2027-01-31']);
    expect(config.exemptions.map((exemption) => [exemption.line, exemption.column])).toEqual([[2, 6], [3, 6], [4, 6]]);
  });

  it('reads off, on and yes as strings, not YAML 1.1 booleans', () => {
    expect(parseConfig('rules:\n  yaml-syntax: off\n', SOURCE).rules.get('yaml-syntax')).toBe('off');
    expect(errorOf('rules:\n  yaml-syntax: yes\n').message).toBe('.stslint.yaml:2:16: unknown severity "yes" for rule "yaml-syntax"; expected off, info, warning or error');
  });

  it('reads JSON content, with a $schema key', () => {
    const config = parseConfig('{"$schema": "./schema.json", "rules": {"node-local-storage": ["warning", {}]}, "files": ["a/*.json"]}', SOURCE);
    expect(config.rules).toEqual(new Map([['node-local-storage', 'warning']]));
    expect(config.files).toEqual(['a/*.json']);
  });

  it.each([
    ['an empty file', ''],
    ['comments only', '# nothing yet\n'],
    ['a byte-order mark', '\uFEFF# nothing\n'],
    ['an empty mapping', '{}\n'],
  ])('gives the defaults for %s', (_name, text) => {
    expect(parseConfig(text, SOURCE)).toEqual({
      file: SOURCE.file,
      baseDirectory: '/repo/deploy',
      namespace: undefined,
      files: DEFAULT_FILES,
      ignores: [],
      context: [],
      rules: new Map(),
      kustomize: { enabled: true, command: undefined },
      helmChartRoot: undefined,
      exemptions: [],
    });
  });

  it.each([
    // [what, text, line, column, message]; a list or mapping value is pointed at by its key, as `locate` does for manifests
    ['invalid YAML', 'rules:\n  a: [\n', 3, 1, 'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a tab indent', 'rules:\n\tyaml-syntax: off\n', 2, 1, 'invalid YAML: Tabs are not allowed as indentation'],
    ['a duplicate key', 'rules: {}\nfiles: []\nrules: {}\n', 3, 1, 'duplicate key "rules"'],
    ['several documents', 'rules: {}\n---\nfiles: []\n', 2, 1, 'invalid YAML: a configuration file holds one document, this one has several (remove the "---")'],
    ['a list at the root', '- rules\n', 1, 1, 'the configuration must be a mapping, got a list'],
    ['a scalar at the root', 'rules\n', 1, 1, 'the configuration must be a mapping, got "rules"'],
    ['an unknown key, close to one', 'namespace: prod\nrule:\n  yaml-syntax: off\n', 2, 1, 'unknown key "rule"; did you mean "rules"?'],
    ['an unknown key, close to none', 'namespace: prod\n  # indented comment\nplugins: []\n', 3, 1, 'unknown key "plugins"; expected namespace, files, ignores, context, rules, kustomize, helm or exemptions'],
    ['kustomize: on', 'kustomize: on\n', 1, 12, 'kustomize must be "off" or a mapping such as {command: kubectl kustomize}, got "on"'],
    ['an unknown kustomize key', 'kustomize:\n  comand: kubectl kustomize\n', 2, 3, 'unknown key "comand" in kustomize; did you mean "command"?'],
    ['an empty kustomize command', 'kustomize:\n  command: " "\n', 2, 12, 'kustomize.command is an empty pattern'],
    ['an unknown helm key', 'helm:\n  root: charts/db\n', 2, 3, 'unknown key "root" in helm; expected chartRoot'],
    ['an unknown key in other case', 'Rules: {}\n', 1, 1, 'unknown key "Rules"; did you mean "rules"?'],
    ['an unknown rule id', 'rules:\n  yaml-syntax: off\n  node-local-storag: off\n', 3, 3, 'unknown rule "node-local-storag"; did you mean "node-local-storage"?'],
    ['an unknown rule id, close to none', 'rules:\n  no-latest-tag: off\n', 2, 3, 'unknown rule "no-latest-tag"'],
    ['a bad severity', 'rules:\n  node-local-storage: warn\n', 2, 23, 'unknown severity "warn" for rule "node-local-storage"; did you mean "warning"?'],
    ['an ESLint number severity', 'rules:\n  node-local-storage: 2\n', 2, 23, 'unknown severity 2 for rule "node-local-storage"; did you mean "error"?'],
    ['a bad severity in a list', 'rules:\n  node-local-storage: [Error, {}]\n', 2, 24, 'unknown severity "Error" for rule "node-local-storage"; did you mean "error"?'],
    ['a rule option', 'rules:\n  node-local-storage:\n    - error\n    - allowHostPath: true\n', 4, 7, 'rule "node-local-storage" has no option "allowHostPath" (no rule has options yet)'],
    ['options that are not a mapping', 'rules:\n  node-local-storage: [error, strict]\n', 2, 31, 'options of rule "node-local-storage" must be a mapping, got "strict"'],
    ['three items', 'rules:\n  node-local-storage: [error, {}, 1]\n', 2, 35, 'rule "node-local-storage" takes [severity, options], got 3 items'],
    ['an empty list', 'rules:\n  node-local-storage: []\n', 2, 3, 'rule "node-local-storage" must be [severity] or [severity, options], got an empty list'],
    ['a mapping setting', 'rules:\n  node-local-storage: {severity: off}\n', 2, 3, 'rule "node-local-storage" must be a severity (off, info, warning or error) or [severity, options], got a mapping'],
    ['an empty setting', 'rules:\n  node-local-storage:\n', 2, 3, 'rule "node-local-storage" must be a severity (off, info, warning or error) or [severity, options], got an empty value'],
    ['an empty rules key', 'namespace: prod\nrules:\n', 2, 1, 'rules must be a mapping, got an empty value'],
    ['files as a string', 'files: deploy/*.yaml\n', 1, 8, 'files must be a list, got "deploy/*.yaml"'],
    ['an empty glob', 'ignores: ["a/**", ""]\n', 1, 19, 'ignores[1] is an empty pattern'],
    ['a number glob', 'context:\n  - 7\n', 2, 5, 'context[0] must be a string, got 7'],
    ['a bad namespace', 'namespace: Prod\n', 1, 12, 'namespace "Prod" is not a namespace name (a DNS-1123 label such as "prod")'],
    ['an exemption without reason', 'exemptions:\n  - rule: node-local-storage\n    kind: StatefulSet\n', 2, 5, 'exemptions[0] has no "reason"; say why the rule does not apply to these objects'],
    ['an exemption with a blank reason', 'exemptions:\n  - rule: node-local-storage\n    reason: "  "\n', 3, 13, 'exemptions[0].reason is empty; say why the rule does not apply to these objects'],
    ['an exemption without rule', 'exemptions:\n  - reason: legacy\n', 2, 5, 'exemptions[0] has no "rule"'],
    ['an exemption with an unknown rule', 'exemptions:\n  - rule: node-local-storag\n    reason: x\n', 2, 11, 'unknown rule "node-local-storag" in exemptions[0].rule; did you mean "node-local-storage"?'],
    ['an exemption with an unknown key', 'exemptions:\n  - rule: yaml-syntax\n    reasn: x\n    reason: y\n', 3, 5, 'unknown key "reasn" in exemptions[0]; did you mean "reason"?'],
    ['an exemption that is a string', 'exemptions:\n  - yaml-syntax\n', 2, 5, 'exemptions[0] must be a mapping, got "yaml-syntax"'],
    ['a lower-case kind', 'exemptions:\n  - {rule: yaml-syntax, reason: x, kind: statefulset}\n', 2, 42, 'exemptions[0].kind "statefulset" is not a kind as manifests write it (CamelCase, such as "StatefulSet")'],
    ['a bad date', 'exemptions:\n  - rule: yaml-syntax\n    reason: x\n    expires: 2027-1-31\n', 4, 14, 'exemptions[0].expires "2027-1-31" is not a date in the form YYYY-MM-DD'],
    ['a date that does not exist', 'exemptions:\n  - rule: yaml-syntax\n    reason: x\n    expires: 2027-02-29\n', 4, 14, 'exemptions[0].expires "2027-02-29" is not a calendar date'],
    ['a date as a number', 'exemptions:\n  - rule: yaml-syntax\n    reason: x\n    expires: 20270131\n', 4, 14, 'exemptions[0].expires must be a string, got 20270131'],
  ])('reports %s with its position', (_what, text, line, column, detail) => {
    const error = errorOf(text);
    expect({ line: error.line, column: error.column, detail: error.detail }).toEqual({ line, column, detail });
    expect(error.message).toBe(`.stslint.yaml:${line}:${column}: ${detail}`);
    expect(error.file).toBe(SOURCE.file);
  });

  it('accepts a leap day', () => {
    expect(parseConfig('exemptions:\n  - {rule: yaml-syntax, reason: x, expires: 2028-02-29}\n', SOURCE).exemptions[0]?.expires).toBe('2028-02-29');
  });

  it('reports the first problem in file order, whatever the schema checks first', () => {
    const text = 'exemptions:\n  - rule: yaml-syntax\n    reason: x\n    expires: 2027-02-30\nrules:\n  yaml-syntax: warn\nbogus: 1\n';
    expect(errorOf(text).message).toBe('.stslint.yaml:4:14: exemptions[0].expires "2027-02-30" is not a calendar date');
    expect(errorOf('bogus: 1\nrules:\n  yaml-syntax: warn\n').message).toMatch(/^\.stslint\.yaml:1:1: unknown key "bogus"; /);
  });
});
