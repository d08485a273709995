import { ALL_RULES } from '../../rules/index.js';
import type { RuleSeverity, StslintConfig } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import { listConfiguredFiles } from '../config/list-configured-files.js';
import { resolveRuleSeverities } from '../config/resolve-rule-severities.js';
import { classifyPath } from '../config/classify-path.js';
import { HelmCharts } from '../helm/helm-charts.js';
import { findKustomizationFiles } from '../kustomize/kustomization.js';
import { readInputs } from '../parser/read-inputs.js';
import { defaultConfig, loadConfig } from '../config/load-config.js';
import { toManifest, type Manifest } from './manifest.js';

/** What the server knows about one workspace folder: its configuration and its manifests on disk. */
export interface FolderState {
  /** Absolute path of the workspace folder. */
  root: string;
  config: StslintConfig;
  /** Every rule's level after the configuration (`resolveRuleSeverities`). */
  levels: ReadonlyMap<string, RuleSeverity>;
  /** The configuration's `files` and `context` manifests (the workspace's manifests), by absolute path. */
  manifests: Map<string, Manifest>;
  /** The folder's kustomization files (none when `kustomize: off`), kept current by `Workspace.fileChanged`. */
  kustomizations: string[];
  /** Set when `.stslint.yaml` is not valid; `config` is then the previous good one, or the defaults. */
  configError?: ConfigError;
}

/**
 * Loads a workspace folder as a CLI run started in it would see it: the configuration found from
 * `root` upward (`loadConfig`), the rules' levels, and the files its `files` and `context` globs
 * select (`listConfiguredFiles`), read from disk (Helm chart folders left out), and its kustomization files. An invalid configuration does not stop the
 * server: the previous good configuration (else the defaults) is used and the error is kept.
 * Unreadable files are left out. Throws only for unexpected failures (the caller logs them).
 */
export async function loadFolderState(root: string, previous?: FolderState): Promise<FolderState> {
  let config: StslintConfig;
  let configError: ConfigError | undefined;
  try {
    config = await loadConfig({ cwd: root });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    configError = error;
    config = previous?.config ?? defaultConfig(root);
  }
  const charts = new HelmCharts();
  const configured = [...(await listConfiguredFiles(config, 'files')), ...(await listConfiguredFiles(config, 'context'))];
  const paths = new Set(configured.filter((file) => charts.chartOf(file) === undefined));
  const read = await readInputs([...paths], { cwd: root });
  const manifests = new Map(read.files.map((file) => [file.path, toManifest(file)]));
  const kustomizations = config.kustomize.enabled ? await findKustomizationFiles(root, (file) => classifyPath(file, config) === 'ignored') : [];
  return { root, config, levels: resolveRuleSeverities(ALL_RULES, config), manifests, kustomizations, ...(configError ? { configError } : {}) };
}
