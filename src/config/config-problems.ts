import { RULES } from '../../rules/index.js';
import { dottedPath } from '../engine/finding.js';
import { asArray, fieldAt, isRecord } from '../k8s/plain-value.js';
import { closestName } from '../text/closest-name.js';
import { parseJsonPointer } from '../text/json-pointer.js';
import { CONFIG_KEYS, EXEMPTION_KEYS, HELM_KEYS, KUSTOMIZE_KEYS } from './config.js';
import type { ConfigProblem } from './config-problem.js';
import { describeRuleSetting } from './describe-rule-setting.js';
import { describeValue } from './describe-value.js';
import type { ConfigSchemaError } from './generated/validate-config.js';

const TYPE_NAMES: Readonly<Record<string, string>> = { array: 'a list', object: 'a mapping', string: 'a string' };

/**
 * Turns the schema validator's errors on a config file's plain value into {@link ConfigProblem}s
 * with readable messages (unknown keys with "did you mean", bad severities, bad dates, missing
 * reasons), and adds the checks a schema cannot make: an `expires` that matches `YYYY-MM-DD` but
 * is not a calendar date. Unknown keys point at the key, wrong values at the value. Every entry of
 * `rules` gets at most one problem (see `describeRuleSetting`).
 */
export function configProblems(value: unknown, errors: readonly ConfigSchemaError[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const settingsDone = new Set<string>();
  for (const error of errors) {
    const path = pathOf(value, error.instancePath);
    if (path[0] === 'rules' && path.length >= 2) {
      const ruleId = String(path[1]);
      if (!settingsDone.has(ruleId)) problems.push(describeRuleSetting(ruleId, fieldAt(value, ['rules', ruleId])));
      settingsDone.add(ruleId);
      continue;
    }
    const problem = describeError(error, path, fieldAt(value, path));
    if (problem) problems.push(problem);
  }
  asArray(isRecord(value) ? value.exemptions : undefined).forEach((exemption, index) => {
    const expires = isRecord(exemption) ? exemption.expires : undefined;
    if (typeof expires === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(expires) && !isCalendarDate(expires)) {
      problems.push({ path: ['exemptions', index, 'expires'], target: 'value', message: `exemptions[${index}].expires "${expires}" is not a calendar date` });
    }
  });
  return problems;
}

function describeError(error: ConfigSchemaError, path: (string | number)[], found: unknown): ConfigProblem | undefined {
  const name = path.length === 0 ? 'the configuration' : dottedPath(path);
  if (path.length === 1 && path[0] === 'kustomize') {
    // `off` or a mapping: each branch of the anyOf reports its own error; keep the one that fits.
    if (isRecord(found) ? error.keyword !== 'additionalProperties' : error.keyword !== 'anyOf') return undefined;
    if (!isRecord(found)) return { path, target: 'value', message: `kustomize must be "off" or a mapping such as {command: kubectl kustomize}, got ${describeValue(found)}` };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      return { path: [...path, key], target: 'key', message: unknownKey(path, key) };
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      const why = key === 'reason' ? '; say why the rule does not apply to these objects' : '';
      return { path, target: 'value', message: `${name} has no "${key}"${why}` };
    }
    case 'type':
      return { path, target: 'value', message: `${name} must be ${TYPE_NAMES[String(error.params.type)] ?? error.params.type}, got ${describeValue(found)}` };
    case 'enum':
      return { path, target: 'value', message: `unknown rule ${describeValue(found)} in ${name}${suggest(String(found), [...RULES.keys()])}` };
    case 'pattern':
      return { path, target: 'value', message: badPattern(name, path.at(-1), found) };
    case 'anyOf':
      return undefined;
    default:
      return { path, target: 'value', message: `${name} ${error.message ?? 'is invalid'}` };
  }
}

function unknownKey(path: readonly (string | number)[], key: string): string {
  if (path.length === 0) {
    const known = CONFIG_KEYS.filter((candidate) => candidate !== '$schema');
    return `unknown key "${key}"${suggest(key, known, `; expected ${known.slice(0, -1).join(', ')} or ${known.at(-1)}`)}`;
  }
  if (path.length === 1 && path[0] === 'rules') return `unknown rule "${key}"${suggest(key, [...RULES.keys()])}`;
  const known = path[0] === 'kustomize' ? KUSTOMIZE_KEYS : path[0] === 'helm' ? HELM_KEYS : EXEMPTION_KEYS;
  return `unknown key "${key}" in ${dottedPath(path)}${suggest(key, known, `; expected ${known.join(', ')}`)}`;
}

function suggest(word: string, candidates: readonly string[], otherwise = ''): string {
  const match = closestName(word, candidates);
  return match === undefined ? otherwise : `; did you mean "${match}"?`;
}

function badPattern(name: string, field: string | number | undefined, found: unknown): string {
  const value = describeValue(found);
  switch (field) {
    case 'expires':
      return `${name} ${value} is not a date in the form YYYY-MM-DD`;
    case 'namespace':
      return `${name} ${value} is not a namespace name (a DNS-1123 label such as "prod")`;
    case 'kind':
      return `${name} ${value} is not a kind as manifests write it (CamelCase, such as "StatefulSet")`;
    case 'reason':
      return `${name} is empty; say why the rule does not apply to these objects`;
    default:
      return `${name} is an empty pattern`;
  }
}

/** The value path of a JSON Pointer, list indices as numbers. */
function pathOf(value: unknown, pointer: string): (string | number)[] {
  const path: (string | number)[] = [];
  let current = value;
  for (const segment of parseJsonPointer(pointer) ?? []) {
    const step = Array.isArray(current) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(step);
    current = fieldAt(current, [step]);
  }
  return path;
}

function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
