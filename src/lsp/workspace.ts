import path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_RULES } from '../../rules/index.js';
import { classifyPath } from '../config/classify-path.js';
import type { RuleSeverity, StslintConfig } from '../config/config.js';
import type { ConfigError } from '../config/config-error.js';
import { resolveRuleSeverities } from '../config/resolve-rule-severities.js';
import type { Finding } from '../engine/finding.js';
import { HelmCharts } from '../helm/helm-charts.js';
import { isKustomizationFile } from '../kustomize/kustomization.js';
import type { RunProcess } from '../kustomize/kustomize-build.js';
import type { BaseInput } from '../engine/lint.js';
import { readBaseVersions } from '../git/read-base-versions.js';
import { findDependents, holdsDependencies } from '../index/dependents.js';
import { ObjectIndex } from '../index/object-index.js';
import type { ParsedFile } from '../parser/parse-documents.js';
import { readInputs } from '../parser/read-inputs.js';
import { defaultConfig, loadConfig } from '../config/load-config.js';
import { documentPath } from './document-path.js';
import { loadFolderState, type FolderState } from './folder-state.js';
import { toManifest, type Manifest } from './manifest.js';
import { TreeChecks } from './tree-checks.js';

/** Everything needed to lint one document besides its own text. */
export interface LintSetup {
  config: StslintConfig;
  levels: ReadonlyMap<string, RuleSeverity>;
  /** The other workspace manifests that hold objects StatefulSets depend on, parsed, for the index only. */
  context: ParsedFile[];
  /** The folder a CLI run would start in (exemption notes name the config file relative to it). */
  cwd: string;
  /** True when the configuration's `ignores` cover the file, or it is in a Helm chart folder (Go templates): it gets no diagnostics. */
  ignored: boolean;
  /**
   * True when the file's documents are not objects of their own: a kustomization, a patch, or a
   * resource of a tree kustomize built (its objects are checked as built, see `treeFindings`).
   */
  notObjects: boolean;
  /** Findings of the kustomize builds that read the file, reported in it (computed from the files on disk). */
  treeFindings: Finding[];
  /** The file as committed at `HEAD`, when the folder is a git repository (`immutable-field-changed`). */
  base?: BaseInput;
}

interface Folder {
  root: string;
  state: Promise<FolderState>;
}

/**
 * The workspace as the linter sees it: per workspace folder its configuration and its manifests
 * (`files` and `context` globs, see `loadFolderState`), overlaid with the open documents that
 * those globs select, whose in-memory text replaces the disk text. A document inside a folder is
 * linted with the folder's other manifests as context, so that a StatefulSet finds its headless
 * Service in another file. Only manifests holding objects that StatefulSets refer to are passed
 * (`holdsDependencies`): the others cannot change a finding, and parsing them on every
 * keystroke would cost the most. A document outside every folder, or not a file, is linted alone,
 * with the configuration found from its own folder. In a git repository, a document is compared
 * with its version at `HEAD` (`immutable-field-changed`), read again after a save.
 */
export class Workspace {
  /** The kustomize builds of the workspace folders, shared by all documents. */
  readonly treeChecks: TreeChecks;
  private readonly folders: Folder[];
  private readonly openManifests = new Map<string, { version: number; manifest: Manifest }>();
  /** Files as committed at `HEAD`, by working-tree path; forgotten on save and on changes on disk. */
  private readonly bases = new Map<string, Promise<BaseInput | undefined>>();

  /**
   * Starts loading every folder (see {@link configErrors} for the outcome).
   *
   * @param roots - absolute paths of the workspace folders
   * @param openDocuments - the documents open in the editor, read at lint time
   * @param log - where problems go (the client's log)
   * @param runProcess - runs kustomize
   */
  constructor(
    roots: readonly string[],
    private readonly openDocuments: () => readonly TextDocument[],
    private readonly log: (message: string) => void,
    runProcess: RunProcess,
  ) {
    this.treeChecks = new TreeChecks(runProcess, log);
    const sorted = [...new Set(roots.map((root) => path.normalize(root)))].sort((a, b) => b.length - a.length);
    this.folders = sorted.map((root) => ({ root, state: this.logged(loadFolderState(root)) }));
  }

  /** Reloads every folder's configuration and manifests (after `.stslint.yaml` changed); forgets every kustomize build. */
  reload(): void {
    void this.treeChecks.invalidate(undefined);
    for (const folder of this.folders) {
      folder.state = this.logged(folder.state.catch(() => undefined).then((previous) => loadFolderState(folder.root, previous)));
    }
  }

  /** Logs an unexpected failure to load a folder (those who await the state see it too). */
  private logged(state: Promise<FolderState>): Promise<FolderState> {
    state.catch((error: unknown) => this.log(`stslint: cannot load the workspace folder: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    return state;
  }

  /** The configuration errors of the folders, once loaded: one per invalid `.stslint.yaml`. */
  async configErrors(): Promise<ConfigError[]> {
    const states = await Promise.all(this.folders.map((folder) => folder.state));
    return [...new Map(states.flatMap((state) => (state.configError ? [[state.configError.file, state.configError] as const] : []))).values()];
  }

  /** Re-reads (or forgets) one manifest after it changed on disk, in every folder that lists it. */
  async fileChanged(file: string, deleted: boolean): Promise<void> {
    for (const folder of this.folders) {
      const state = await folder.state;
      const role = classifyPath(file, state.config);
      const read = deleted || (role !== 'lint' && role !== 'context') ? undefined : (await readInputs([file], { cwd: state.root })).files[0];
      if (read) state.manifests.set(file, toManifest(read));
      else state.manifests.delete(file);
      if (isKustomizationFile(file) && state.config.kustomize.enabled && role !== 'ignored') {
        state.kustomizations = deleted ? state.kustomizations.filter((other) => other !== file) : [...new Set([...state.kustomizations, file])].sort();
      }
    }
  }

  /** An open document's text, parsed (once per version). */
  parsed(document: TextDocument): ParsedFile {
    return this.openManifest(document).parsed;
  }

  /**
   * Whether a StatefulSet of an open document depends on an object of one of `versions` (the
   * earlier and current text of a changed document), by the index's `findDependents`: only those
   * documents need linting again when it changes.
   */
  dependsOn(document: TextDocument, versions: readonly (ParsedFile | undefined)[], namespace: string | undefined): boolean {
    const own = this.openManifest(document).parsed.documents;
    if (!own.some((object) => object.kind === 'StatefulSet')) return false;
    return versions.some((version) => {
      if (!version || !holdsDependencies(version) || version.file.path === own[0]?.file.path) return false;
      const index = new ObjectIndex([...own, ...version.documents], { namespace });
      return [...findDependents(index, version.documents).keys()].some((statefulSet) => own.includes(statefulSet));
    });
  }

  /** Forgets the files read at `HEAD` (a save or a change on disk may follow a commit). */
  forgetBases(): void {
    this.bases.clear();
  }

  /**
   * The file as committed at `HEAD` in its folder's git repository, with the earlier side of the
   * files renamed or deleted since (`readBaseVersions`), read once until {@link forgetBases}.
   * `undefined` outside git or before the first commit.
   */
  private baseOf(file: string, root: string): Promise<BaseInput | undefined> {
    let base = this.bases.get(file);
    if (!base) {
      base = readBaseVersions({ cwd: root, ref: 'HEAD', files: [file] }).then(
        (read) => (read.reason === undefined ? { label: read.label, files: read.files } : undefined),
        () => undefined,
      );
      this.bases.set(file, base);
    }
    return base;
  }

  /** Forgets what was cached for a document that was closed. */
  forget(uri: string): void {
    this.openManifests.delete(uri);
  }

  /** An open document's text as a manifest, parsed once per document version. */
  private openManifest(document: TextDocument): Manifest {
    const cached = this.openManifests.get(document.uri);
    if (cached?.version === document.version) return cached.manifest;
    const manifest = toManifest({ path: documentPath(document.uri) ?? document.uri, text: document.getText() });
    this.openManifests.set(document.uri, { version: document.version, manifest });
    return manifest;
  }

  /**
   * The setup for linting the file at `file` (a path, or `undefined` for a document that is not a
   * file). The context is built from the open documents' current text after the last `await`, so
   * the caller should read its own document's text right after this resolves.
   */
  async setupFor(file: string | undefined): Promise<LintSetup> {
    const folder = file === undefined ? undefined : this.folders.find((candidate) => isInside(file, candidate.root));
    if (file === undefined || folder === undefined) {
      const cwd = file === undefined ? (this.folders.at(-1)?.root ?? process.cwd()) : path.dirname(file);
      const config = await loadConfig({ cwd }).catch((error: unknown) => {
        this.log(`stslint: ${error instanceof Error ? error.message : String(error)}; using the default configuration`);
        return defaultConfig(cwd);
      });
      const ignored = file !== undefined && (classifyPath(file, config) === 'ignored' || new HelmCharts().chartOf(file) !== undefined);
      return { config, levels: resolveRuleSeverities(ALL_RULES, config), context: [], cwd, ignored, notObjects: false, treeFindings: [] };
    }
    const state = await folder.state;
    const base = await this.baseOf(file, state.root);
    const context = this.contextOf(file, state);
    const checks = await this.treeChecks.checksFor(file, state, context);
    const notObjects = isKustomizationFile(file) || checks.some((check) => check.built) || (await this.treeChecks.isPatch(file, state));
    return {
      config: state.config,
      levels: state.levels,
      context,
      cwd: state.root,
      ignored: classifyPath(file, state.config) === 'ignored' || new HelmCharts().chartOf(file) !== undefined,
      notObjects,
      treeFindings: checks.flatMap((check) => check.findings.get(file) ?? []),
      ...(base ? { base } : {}),
    };
  }

  private contextOf(file: string, state: FolderState): ParsedFile[] {
    const open = new Map<string, TextDocument>();
    for (const document of this.openDocuments()) {
      const openPath = documentPath(document.uri);
      const role = openPath === undefined ? 'unlisted' : classifyPath(openPath, state.config);
      if (openPath !== undefined && (role === 'lint' || role === 'context')) open.set(openPath, document);
    }
    const context: ParsedFile[] = [];
    for (const other of new Set([...state.manifests.keys(), ...open.keys()])) {
      if (other === file) continue;
      const document = open.get(other);
      const manifest = document ? this.openManifest(document) : state.manifests.get(other)!;
      if (manifest.holdsDependencies) context.push(manifest.parsed);
    }
    return context;
  }
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
