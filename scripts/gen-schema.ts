// Generates the JSON Schema of the Kubernetes kinds stslint validates (`npm run gen:schema`, which
// then runs gen-validators.ts). Source: the TypeScript interfaces of the `kubernetes-models` package
// (generated from the Kubernetes OpenAPI spec), turned into JSON Schema by ts-json-schema-generator
// and post-processed (see shared/docs/schema.md §2). Writes:
//   schema/kubernetes-<version>.schema.json   reviewable, committed
//   src/schema/kubernetes-version.ts          the Kubernetes version, one exported constant
// kubernetes-models is not one of stslint's devDependencies: it lives in its own small project,
// scripts/schema-source/ (package.json and package-lock.json committed, node_modules ignored), which
// this script installs with `npm ci` when it is missing. kubernetes-models 5 declares Node >= 22
// (for its runtime validation code, which the generator never runs), and stslint supports Node 20:
// kept out of the root install, it costs `npm ci` no engine warning.
// To follow a newer Kubernetes release: bump kubernetes-models in scripts/schema-source/package.json
// (`npm install` there), add its row to KUBERNETES_OF_MODELS, run `npm run gen:schema`, review the
// schema diff.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG, SchemaGenerator, createFormatter, createParser } from 'ts-json-schema-generator';
import ts from 'typescript';
import { QUANTITY_PATTERN } from '../src/schema/quantity-pattern.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** The project that holds kubernetes-models, the source of the schema. */
export const SCHEMA_SOURCE = path.join(ROOT, 'scripts/schema-source');

/** The kinds with a schema, at the version the API server serves them. */
export const SCHEMA_KINDS = [
  { apiVersion: 'apps/v1', kind: 'StatefulSet', module: 'kubernetes-models/apps/v1/StatefulSet' },
  { apiVersion: 'apps/v1', kind: 'Deployment', module: 'kubernetes-models/apps/v1/Deployment' },
  { apiVersion: 'v1', kind: 'Service', module: 'kubernetes-models/v1/Service' },
  { apiVersion: 'v1', kind: 'PersistentVolume', module: 'kubernetes-models/v1/PersistentVolume' },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', module: 'kubernetes-models/v1/PersistentVolumeClaim' },
  { apiVersion: 'v1', kind: 'ConfigMap', module: 'kubernetes-models/v1/ConfigMap' },
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', module: 'kubernetes-models/storage.k8s.io/v1/StorageClass' },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', module: 'kubernetes-models/policy/v1/PodDisruptionBudget' },
] as const;

/** The Kubernetes release each kubernetes-models version was generated from (its CHANGELOG). */
const KUBERNETES_OF_MODELS: Record<string, string> = { '5.1.0': '1.36.0', '4.5.1': '1.33.0' };

type Schema = { [key: string]: unknown };

/** What `generateSchema` produces: file paths relative to the repository root, and their text. */
export interface GeneratedSchema {
  kubernetesVersion: string;
  schemaFile: string;
  schemaText: string;
  versionFile: string;
  versionText: string;
}

/**
 * The version of kubernetes-models that scripts/schema-source/package-lock.json pins, installed
 * there with `npm ci` first when it is missing or another version is installed (the npm registry
 * is needed then). npm's output is kept to errors: kubernetes-models' Node >= 22 engine warning is
 * expected (see the top of this file). Throws when npm fails.
 */
export function ensureSchemaSource(): string {
  const lock = JSON.parse(readFileSync(path.join(SCHEMA_SOURCE, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const pinned = lock.packages['node_modules/kubernetes-models']?.version;
  if (!pinned) throw new Error('scripts/schema-source/package-lock.json pins no kubernetes-models');
  const installed = path.join(SCHEMA_SOURCE, 'node_modules/kubernetes-models/package.json');
  const current = existsSync(installed) ? (JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version : undefined;
  if (current !== pinned) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: SCHEMA_SOURCE, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return pinned;
}

/** Runs the whole generation in memory (about 3 s), after {@link ensureSchemaSource}. */
export function generateSchema(): GeneratedSchema {
  ensureSchemaSource();
  const require = createRequire(path.join(SCHEMA_SOURCE, 'package.json'));
  const modelsVersion = (require('kubernetes-models/package.json') as { version: string }).version;
  const kubernetesVersion = KUBERNETES_OF_MODELS[modelsVersion];
  if (!kubernetesVersion) throw new Error(`unknown kubernetes-models ${modelsVersion}: add it to KUBERNETES_OF_MODELS`);
  const raw = rawSchema();
  const definitions = postProcess(raw.definitions as Record<string, Schema>);
  for (const { apiVersion, kind } of SCHEMA_KINDS) {
    const properties = definitions[kind]?.properties as Record<string, Schema> | undefined;
    if (properties?.apiVersion?.const !== apiVersion || properties.kind?.const !== kind) throw new Error(`${kind} is not ${apiVersion} in kubernetes-models`);
  }
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment:
      `Generated by scripts/gen-schema.ts (npm run gen:schema) from kubernetes-models ${modelsVersion} (MIT), ` +
      `whose types follow the OpenAPI spec of Kubernetes ${kubernetesVersion} (Apache-2.0). Do not edit.`,
    definitions,
  };
  const versionText = [
    '// Generated by scripts/gen-schema.ts (npm run gen:schema); do not edit.',
    '',
    `/** The Kubernetes release whose API schema stslint validates against (via kubernetes-models ${modelsVersion}). */`,
    `export const KUBERNETES_VERSION = '${kubernetesVersion}';`,
    '',
  ].join('\n');
  return {
    kubernetesVersion,
    schemaFile: `schema/kubernetes-${kubernetesVersion}.schema.json`,
    schemaText: `${formatJson(schema, '')}\n`,
    versionFile: 'src/schema/kubernetes-version.ts',
    versionText,
  };
}

/** ts-json-schema-generator over a virtual entry file that aliases each kind's interface. */
function rawSchema(): Schema {
  // Beside scripts/schema-source/node_modules, so that the imports resolve there.
  const entry = path.join(SCHEMA_SOURCE, '__stslint_schema_kinds__.ts');
  const source = SCHEMA_KINDS.map(
    ({ kind, module }) => `import type { I${kind} } from '${module}';\nexport type K${kind} = I${kind};\n`,
  ).join('');
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (file, language, ...rest) =>
    file === entry ? ts.createSourceFile(file, source, language) : getSourceFile.call(host, file, language, ...rest);
  host.fileExists = (file) => file === entry || fileExists.call(host, file);
  host.readFile = (file) => (file === entry ? source : readFile.call(host, file));
  const program = ts.createProgram([entry], options, host);
  const config = { ...DEFAULT_CONFIG, type: '*', jsDoc: 'none', skipTypeCheck: true, additionalProperties: false } as const;
  const generator = new SchemaGenerator(program, createParser(program, config), createFormatter(config), config);
  return generator.createSchema('*') as Schema;
}

/**
 * The corrections of schema.md §2: integers, Quantity syntax, IntOrString, free-form objects;
 * then definitions renamed without the `I` prefix (`IStatefulSet` → `StatefulSet`), limited to
 * what the kinds reach, and sorted.
 */
function postProcess(raw: Record<string, Schema>): Record<string, Schema> {
  const rename = (name: string): string => (/^I[A-Z]/.test(name) ? name.slice(1) : name);
  const renamed = new Map<string, Schema>();
  for (const [name, definition] of Object.entries(raw)) {
    if (/^K[A-Z]/.test(name) || name === 'TypeMeta') continue;
    if (renamed.has(rename(name))) throw new Error(`two definitions named ${rename(name)}`);
    renamed.set(rename(name), rewrite(definition, name.startsWith('IJSONSchemaProps'), rename) as Schema);
  }
  renamed.set('Quantity', { type: ['number', 'string'], pattern: QUANTITY_PATTERN });
  renamed.set('IntOrString', { type: ['integer', 'string'] });
  const reached = reachable(renamed, false);
  // The API server ignores status on create and never checks that status fields are present (it
  // checks required fields in its own validation code, for spec): `status: {}` from
  // `kubectl create --dry-run -o yaml` is accepted. Definitions used only under `status` keep their
  // fields and types but require nothing.
  const reachedOutsideStatus = reachable(renamed, true);
  return Object.fromEntries(
    [...reached].sort().map((name) => {
      const definition = { ...renamed.get(name)! };
      if (!reachedOutsideStatus.has(name)) delete definition.required;
      return [name, definition];
    }),
  );
}

/** Names of the definitions the kinds reach through `$ref`s, optionally not through `status` fields. */
function reachable(definitions: Map<string, Schema>, skipStatus: boolean): Set<string> {
  const reached = new Set<string>();
  const visit = (node: unknown, isProperties: boolean): void => {
    if (Array.isArray(node)) node.forEach((item) => visit(item, false));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (isProperties && skipStatus && key === 'status') continue;
        if (!isProperties && key === '$ref' && typeof value === 'string') {
          const name = value.replace('#/definitions/', '');
          if (!reached.has(name)) {
            reached.add(name);
            visit(definitions.get(name), false);
          }
        } else visit(value, !isProperties && key === 'properties');
      }
    }
  };
  for (const { kind } of SCHEMA_KINDS) visit({ $ref: `#/definitions/${kind}` }, false);
  return reached;
}

function rewrite(node: unknown, keepNumbers: boolean, rename: (name: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, keepNumbers, rename));
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') out[key] = `#/definitions/${rename(value.replace('#/definitions/', ''))}`;
    else if (key === 'type' && !keepNumbers && (value === 'number' || Array.isArray(value)))
      out[key] = value === 'number' ? 'integer' : (value as string[]).map((type) => (type === 'number' ? 'integer' : type));
    else if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, child]) => [name, rewrite(child, keepNumbers, rename)]));
    else out[key] = rewrite(value, keepNumbers, rename);
  }
  // An empty interface (metav1.FieldsV1) is a free-form object, not one that admits no field.
  if (out.type === 'object' && out.properties === undefined && out.additionalProperties === false) delete out.additionalProperties;
  return out;
}

/** JSON with two-space indentation, but any value that fits in 100 characters on one line. */
export function formatJson(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (flat.length + indent.length <= 100 || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => inner + formatJson(item, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).map(([key, child]) => `${inner}${JSON.stringify(key)}: ${formatJson(child, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function main(): void {
  const generated = generateSchema();
  for (const stale of readdirSync(path.join(ROOT, 'schema')).filter((file) => /^kubernetes-.*\.schema\.json$/.test(file))) {
    if (`schema/${stale}` !== generated.schemaFile) rmSync(path.join(ROOT, 'schema', stale));
  }
  writeFileSync(path.join(ROOT, generated.schemaFile), generated.schemaText);
  const previous = readFileOr(path.join(ROOT, generated.versionFile));
  if (previous !== generated.versionText) writeFileSync(path.join(ROOT, generated.versionFile), generated.versionText);
  console.log(`wrote ${generated.schemaFile} (Kubernetes ${generated.kubernetesVersion}) and ${generated.versionFile}`);
}

function readFileOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
