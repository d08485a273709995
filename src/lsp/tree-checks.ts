import { parseArgsStringToArgv } from 'string-argv';
import { ALL_RULES } from '../../rules/index.js';
import { exemptionCheck } from '../cli/exemption-check.js';
import { localCalendarDate } from '../config/local-calendar-date.js';
import type { Finding } from '../engine/finding.js';
import { lintSources } from '../engine/lint.js';
import { isKustomizationFile } from '../kustomize/kustomization.js';
import { kustomizeBuilder, type RunProcess } from '../kustomize/kustomize-build.js';
import { kustomizeRun } from '../kustomize/kustomize-run.js';
import { KustomizeTrees, readSourceFromDisk } from '../kustomize/kustomize-trees.js';
import type { ParsedFile } from '../parser/parse-documents.js';
import type { FolderState } from './folder-state.js';

/** One top kustomization of a workspace folder, built from disk and linted. */
export interface TreeCheck {
  /** The top kustomization file. */
  top: string;
  /** Every file its build reads. */
  files: ReadonlySet<string>;
  /** Whether kustomize built it (else its resources are linted as plain files). */
  built: boolean;
  /** Its findings (suppressions applied), by the file they are reported in. */
  findings: ReadonlyMap<string, Finding[]>;
}

/**
 * The kustomize side of the language server: for a document that belongs to kustomize trees of its
 * workspace folder, the trees whose build reads it are built (from disk, with the user's kustomize)
 * and linted with the folder's context, once; the result is kept until a file of the tree is saved
 * or changes on disk ({@link invalidate}), so typing never runs kustomize. Findings are reported in
 * the files that wrote the fields, open or not. A tree that cannot be built is said once in the log.
 */
export class TreeChecks {
  private readonly checks = new Map<string, Promise<TreeCheck>>();
  private readonly trees = new Map<FolderState, Promise<KustomizeTrees>>();
  private readonly logged = new Set<string>();

  constructor(
    private readonly runProcess: RunProcess,
    private readonly log: (message: string) => void,
  ) {}

  /** The checks of the folder's top kustomizations whose tree reads `file` (built now when not cached). */
  async checksFor(file: string, state: FolderState, context: readonly ParsedFile[]): Promise<TreeCheck[]> {
    if (!state.config.kustomize.enabled || state.kustomizations.length === 0) return [];
    const trees = await this.treesOf(state);
    const tops = trees.tops(state.kustomizations).filter((top) => trees.tree(top).files.has(file));
    return Promise.all(tops.map((top) => this.check(top.file.path, state, context)));
  }

  /** Whether a kustomization of the folder names `file` as a patch (never an object of its own). */
  async isPatch(file: string, state: FolderState): Promise<boolean> {
    if (!state.config.kustomize.enabled || state.kustomizations.length === 0) return false;
    const trees = await this.treesOf(state);
    return [...trees.kustomizations.values()].some((kustomization) => kustomization.references.some((reference) => reference.role === 'patch' && reference.path === file));
  }

  /** The findings of the cached checks that are reported in `file`. */
  findingsIn(file: string): Promise<Finding[]> {
    return Promise.all([...this.checks.values()].map((check) => check.catch(() => undefined))).then((checks) =>
      checks.flatMap((check) => check?.findings.get(file) ?? []),
    );
  }

  /** Every file a cached check reports findings in. */
  async reportedFiles(): Promise<Set<string>> {
    const checks = await Promise.all([...this.checks.values()].map((check) => check.catch(() => undefined)));
    return new Set(checks.flatMap((check) => [...(check?.findings.keys() ?? [])]));
  }

  /**
   * Forgets the checks whose tree reads `file` (all of them, and the folder's kustomize trees,
   * when `file` is a kustomization file or the configuration). Returns the files those checks
   * reported findings in, whose diagnostics must be published again.
   */
  async invalidate(file: string | undefined): Promise<Set<string>> {
    const affected = new Set<string>();
    const everything = file === undefined || isKustomizationFile(file);
    if (everything) this.trees.clear();
    for (const [top, pending] of [...this.checks]) {
      const check = await pending.catch(() => undefined);
      if (!everything && check && !check.files.has(file!)) continue;
      this.checks.delete(top);
      for (const reported of check?.findings.keys() ?? []) affected.add(reported);
    }
    return affected;
  }

  private treesOf(state: FolderState): Promise<KustomizeTrees> {
    let trees = this.trees.get(state);
    if (!trees) {
      trees = KustomizeTrees.load(state.kustomizations, readSourceFromDisk);
      this.trees.set(state, trees);
    }
    return trees;
  }

  private check(top: string, state: FolderState, context: readonly ParsedFile[]): Promise<TreeCheck> {
    let check = this.checks.get(top);
    if (!check) {
      check = this.run(top, state, context);
      this.checks.set(top, check);
    }
    return check;
  }

  private async run(top: string, state: FolderState, context: readonly ParsedFile[]): Promise<TreeCheck> {
    const source = await readSourceFromDisk(top);
    const command = state.config.kustomize.command;
    const builder = kustomizeBuilder({ runProcess: this.runProcess, cwd: state.root, ...(command ? { command: parseArgsStringToArgv(command) } : {}) });
    const kustomize = await kustomizeRun({ walked: source ? [source] : [], named: [], repository: [] }, { builder, read: readSourceFromDisk, cwd: state.root });
    for (const notice of kustomize.notices) {
      if (!this.logged.has(notice)) this.log(notice);
      this.logged.add(notice);
    }
    const exemptions = exemptionCheck(state.config, localCalendarDate(new Date()), state.root);
    const results = lintSources([], { rules: ALL_RULES, namespace: state.config.namespace, levels: state.levels, context, kustomize, exempt: exemptions.check });
    const files = new Set(kustomize.files.keys());
    return { top, files, built: kustomize.built.length > 0, findings: new Map(results.map((result) => [result.file.path, result.findings])) };
  }
}
