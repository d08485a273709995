import type { RuleMeta } from '../engine/rule.js';
import { CONFIG_SCHEMA_URL, RULE_SEVERITIES } from './config.js';

/** A JSON Schema (draft-07) node, as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** A DNS-1123 label of 1 to 63 characters (a namespace name), as a pattern (no `maxLength`, see below). */
const NAMESPACE_PATTERN = '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$';

/** `YYYY-MM-DD`; whether it is a calendar date is checked after the schema. */
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** A Kubernetes kind as written in manifests: CamelCase, e.g. `StatefulSet`. */
const KIND_PATTERN = '^[A-Z][A-Za-z0-9]*$';

/** At least one non-blank character (used instead of `minLength`, see below). */
const NOT_BLANK_PATTERN = '\\S';

/**
 * The JSON Schema of `.stslint.yaml` (draft-07): `additionalProperties: false` on every mapping,
 * a `description` on every property (editors show them), rule ids as an enum and one property per
 * rule, built from the rules' metadata. A property that reuses a definition and has a description
 * of its own says `allOf: [{ $ref }]`, since draft-07 ignores the other keywords beside a `$ref`.
 *
 * Lengths are expressed with `pattern`, never `minLength`/`maxLength`, so that ajv's standalone
 * code needs no runtime import (ajv counts lengths with a helper module).
 */
export function configSchema(rules: readonly Pick<RuleMeta, 'id' | 'title' | 'severity'>[]): JsonSchema {
  const ruleIds = rules.map((rule) => rule.id);
  const globs = (description: string): JsonSchema => ({ type: 'array', description, items: { $ref: '#/definitions/glob' } });
  const ruleSetting = (rule: Pick<RuleMeta, 'id' | 'title' | 'severity'>): JsonSchema => ({
    description: `${rule.title}. Default severity: ${rule.severity}.`,
    allOf: [{ $ref: '#/definitions/ruleSetting' }],
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_URL,
    title: 'stslint configuration (.stslint.yaml)',
    description: 'Configuration of stslint, the StatefulSet linter. Globs are relative to the folder of this file.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'URL of this JSON Schema, for editors.' },
      namespace: {
        type: 'string',
        pattern: NAMESPACE_PATTERN,
        description: 'Namespace of objects that set no metadata.namespace (default: "default"). The --namespace option wins over it.',
      },
      files: globs('What stslint lints when run without paths. Default: every *.yaml, *.yml and *.json file (dot-folders and node_modules excepted).'),
      ignores: globs(
        'Files never linted nor indexed, also inside folders named on the command line. A pattern matching a folder ignores all of it; a pattern ending in / matches folders only.',
      ),
      context: globs('Files indexed for cross-object checks (Services, StorageClasses, PersistentVolumes) but not reported, unless also linted.'),
      rules: {
        type: 'object',
        description: 'Severity of rules, by rule id: off, info, warning, error, or [severity, options].',
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((rule) => [rule.id, ruleSetting(rule)])),
      },
      kustomize: {
        description:
          'How kustomize trees are linted. By default each top kustomization is built with `kustomize build` (else `kubectl kustomize`) and findings are reported at the base or patch line that wrote the field. off: lint kustomization, resource and patch files as plain manifests.',
        anyOf: [
          { type: 'string', enum: ['off'], description: 'Do not build kustomizations; lint every file as written.' },
          {
            type: 'object',
            description: 'Build settings.',
            additionalProperties: false,
            properties: {
              command: {
                type: 'string',
                pattern: NOT_BLANK_PATTERN,
                description: 'The build command, e.g. "kubectl kustomize" or "/opt/bin/kustomize build"; the folder to build is appended. Default: kustomize build when on PATH, else kubectl kustomize. The --kustomize-command option wins over it.',
              },
            },
          },
        ],
      },
      helm: {
        type: 'object',
        description: 'How `helm template` output is reported: each document under the template its # Source: comment names.',
        additionalProperties: false,
        properties: {
          chartRoot: {
            type: 'string',
            pattern: NOT_BLANK_PATTERN,
            description: 'Folder of the chart, relative to this file: "# Source: <chart>/templates/db.yaml" is reported as <chartRoot>/templates/db.yaml. The --helm-chart-root option wins over it.',
          },
        },
      },
      exemptions: {
        type: 'array',
        description: 'Objects a rule does not apply to, each with the reason why.',
        items: {
          type: 'object',
          description: 'One exemption: the findings of a rule on the objects it matches are not reported.',
          additionalProperties: false,
          required: ['rule', 'reason'],
          properties: {
            rule: { type: 'string', enum: ruleIds, description: 'Id of the rule the exemption silences.' },
            kind: { type: 'string', pattern: KIND_PATTERN, description: 'Kind of the objects, exactly as in manifests (StatefulSet). Default: any kind.' },
            namespace: { type: 'string', pattern: NAMESPACE_PATTERN, description: 'Namespace of the objects, after defaulting. Default: any namespace.' },
            name: { type: 'string', pattern: NOT_BLANK_PATTERN, description: 'Glob on metadata.name, e.g. "kafka-*". Default: any name.' },
            reason: { type: 'string', pattern: NOT_BLANK_PATTERN, description: 'Why the rule does not apply to these objects (required).' },
            expires: {
              type: 'string',
              pattern: DATE_PATTERN,
              description: 'YYYY-MM-DD. From that day on the exemption no longer applies and stslint says it expired.',
            },
          },
        },
      },
    },
    definitions: {
      severity: {
        type: 'string',
        enum: [...RULE_SEVERITIES],
        description: 'off: do not run the rule; info, warning, error: report its findings with this severity.',
      },
      ruleSetting: {
        description: 'A severity (off, info, warning, error), [severity] or [severity, options].',
        anyOf: [
          { $ref: '#/definitions/severity' },
          {
            type: 'array',
            description: '[severity] or [severity, options].',
            minItems: 1,
            maxItems: 2,
            items: [
              { $ref: '#/definitions/severity' },
              { type: 'object', additionalProperties: false, properties: {}, description: 'Rule options. No rule has options yet: write {}.' },
            ],
            additionalItems: false,
          },
        ],
      },
      glob: { type: 'string', pattern: NOT_BLANK_PATTERN, description: 'A picomatch glob relative to the folder of this file, with / separators.' },
    },
  };
}
