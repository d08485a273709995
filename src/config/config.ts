import type { Severity } from '../engine/finding.js';

/**
 * # The stslint configuration file
 *
 * **One name, one format.** The file is `.stslint.yaml`, read as YAML 1.2 (core schema). JSON is
 * valid YAML, so JSON content works too. It is data only: never executable code.
 *
 * YAML 1.2 is deliberate: with the YAML 1.1 rules stslint uses for manifests
 * (`src/parser/kube-yaml-options.ts`) an unquoted `off` would be the boolean `false`. Under 1.2 it
 * is the string `off`, and an unquoted date (`expires: 2027-01-31`) is the string `"2027-01-31"`,
 * exactly like the quoted form, and as editors (yaml-language-server) read it.
 *
 * **Discovery** (`findConfigFile`): from the working directory upward, stopping at the repository
 * root (the first directory holding a `.git` file or folder); the first `.stslint.yaml` found wins.
 * Outside a repository the search goes up to the file-system root. None found: the default
 * configuration. `--config <file>` skips discovery, and a missing or unreadable file is then fatal.
 *
 * **Keys** (all optional):
 *
 * ```yaml
 * # yaml-language-server: $schema=https://raw.githubusercontent.com/stslint/stslint/main/schema/stslint-config.schema.json
 * namespace: prod                      # default namespace of objects that set none (CLI --namespace wins)
 * files: ["deploy/**\/*.yaml"]         # what `stslint` lints when run without paths (default: every *.yaml, *.yml, *.json)
 * ignores: ["deploy/legacy/**"]        # never linted nor indexed
 * context: ["k8s/**\/*.yaml"]          # indexed for cross-object checks but not reported
 * rules:
 *   node-local-storage: off            # off | info | warning | error
 *   replication-bootstrap-missing: [error, {}]   # or [severity, options]; no rule has options yet
 * kustomize:                           # or `kustomize: off`: lint kustomize files as plain manifests
 *   command: kubectl kustomize         # default: `kustomize build` when on PATH, else `kubectl kustomize`
 * helm:
 *   chartRoot: charts/db               # where the chart of linted `helm template` output lives
 * exemptions:
 *   - rule: node-local-storage         # a rule id (required)
 *     kind: StatefulSet                # optional, default any kind
 *     namespace: dev                   # optional, default any namespace
 *     name: "kafka-*"                  # optional glob on metadata.name, default any
 *     reason: "dev cluster uses local-path on purpose"   # required, non-empty
 *     expires: 2027-01-31              # optional YYYY-MM-DD; from that day on it no longer applies
 * ```
 *
 * A `$schema` key (a URL) is also accepted, for editors of JSON content.
 *
 * **Globs** (`files`, `ignores`, `context`, and exemption `name`) are `picomatch` patterns relative
 * to the directory holding the config file (the working directory when there is none), with `/`
 * separators. As in ESLint, dot-files and dot-folders match only when the pattern spells the dot
 * (`**\/*.yaml` does not match `.github/x.yaml`; `.github/**` does). An `ignores` pattern that
 * matches a folder ignores everything inside it; one ending in `/` matches folders only.
 * `**\/node_modules/**` is always ignored. See `classifyPath`.
 *
 * **Validation**: `schema/stslint-config.schema.json` (draft-07, generated from `rules/index.ts`
 * by `scripts/gen-config-schema.ts`), run by an ajv validator precompiled at build time
 * (`src/config/generated/validate-config.js`). Any problem is a `ConfigError` with the file, line
 * and column of the offending key (unknown keys) or value (wrong values).
 */
export const CONFIG_FILE_NAME = '.stslint.yaml';

/** Where the published JSON Schema lives; also the schema's `$id`. */
export const CONFIG_SCHEMA_URL = 'https://raw.githubusercontent.com/stslint/stslint/main/schema/stslint-config.schema.json';

/** A rule's configured level: a finding {@link Severity}, or `off` to not run the rule. */
export type RuleSeverity = Severity | 'off';

/** Every {@link RuleSeverity}, least to most severe. */
export const RULE_SEVERITIES: readonly RuleSeverity[] = ['off', 'info', 'warning', 'error'];

/** A rule entry as written: a severity, `[severity]` or `[severity, options]` (options must be `{}` for now). */
export type RuleSetting = RuleSeverity | readonly [RuleSeverity] | readonly [RuleSeverity, Readonly<Record<string, never>>];

/** Top-level keys of the file, in the order the docs and the schema list them. */
export const CONFIG_KEYS = ['$schema', 'namespace', 'files', 'ignores', 'context', 'rules', 'kustomize', 'helm', 'exemptions'] as const;

/** Keys of `kustomize` (when it is not `off`). */
export const KUSTOMIZE_KEYS = ['command'] as const;

/** Keys of `helm`. */
export const HELM_KEYS = ['chartRoot'] as const;

/** Keys of one exemption. */
export const EXEMPTION_KEYS = ['rule', 'kind', 'namespace', 'name', 'reason', 'expires'] as const;

/** What `files` means when the file does not set it: every manifest a folder walk picks up. */
export const DEFAULT_FILES: readonly string[] = ['**/*.yaml', '**/*.yml', '**/*.json'];

/** Ignored whatever the configuration says (ESLint ignores `node_modules` the same way). */
export const BUILTIN_IGNORES: readonly string[] = ['**/node_modules/**'];

/** One exemption as written in the file (validated). */
export interface ExemptionEntry {
  /** The rule id the exemption silences. */
  rule: string;
  /** Exact `kind` of the object (`StatefulSet`); any kind when absent. */
  kind?: string;
  /** Exact namespace of the object after defaulting; any namespace when absent. */
  namespace?: string;
  /** `picomatch` glob on `metadata.name` (`kafka-*`); any name when absent. */
  name?: string;
  /** Why the rule does not apply; never empty. */
  reason: string;
  /** `YYYY-MM-DD`: from that day on (local time) the exemption no longer applies. */
  expires?: string;
}

/** The file's content as written, once valid. */
export interface ConfigFileContent {
  $schema?: string;
  namespace?: string;
  files?: string[];
  ignores?: string[];
  context?: string[];
  rules?: Record<string, RuleSetting>;
  kustomize?: 'off' | { command?: string };
  helm?: { chartRoot?: string };
  exemptions?: ExemptionEntry[];
}

/** How kustomize trees are handled (docs/kustomize-and-helm.md). */
export interface KustomizeSettings {
  /** `false` for `kustomize: off`: kustomization, resource and patch files are linted as plain files. */
  enabled: boolean;
  /** The build command as written (`kubectl kustomize`); the folder is appended. Absent: `kustomize build`, else `kubectl kustomize`. */
  command: string | undefined;
}

/** An exemption with the place it is written, for "expired" notices and `--print-config`. */
export interface Exemption extends ExemptionEntry {
  /** 1-based line of the exemption's first key in the config file. */
  line: number;
  /** 1-based column of the exemption's first key. */
  column: number;
}

/** The configuration a run uses: the file's content, defaults applied, or the defaults alone. */
export interface StslintConfig {
  /** Absolute path of the config file, or `null` when none was found (defaults). */
  file: string | null;
  /** Absolute directory globs are relative to: the config file's folder, else the working directory. */
  baseDirectory: string;
  /** Namespace of objects that set none, when the file sets one (`--namespace` wins over it). */
  namespace: string | undefined;
  /** Globs linted by a run without paths ({@link DEFAULT_FILES} when the file sets none). */
  files: readonly string[];
  /** Globs never linted nor indexed (besides {@link BUILTIN_IGNORES}). */
  ignores: readonly string[];
  /** Globs indexed for cross-object checks but not reported. */
  context: readonly string[];
  /** Severities the file sets, by rule id (rules it does not mention are absent). */
  rules: ReadonlyMap<string, RuleSeverity>;
  kustomize: KustomizeSettings;
  /** Absolute folder of the chart whose `helm template` output is linted (`helm.chartRoot`), when set. */
  helmChartRoot: string | undefined;
  /** Exemptions in file order. */
  exemptions: readonly Exemption[];
}
