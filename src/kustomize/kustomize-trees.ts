import { promises as fs, statSync } from 'node:fs';
import type { SourceFile } from '../parser/source-file.js';
import { kustomizationFileIn, readKustomization, type Kustomization, type KustomizationReference } from './kustomization.js';

/**
 * What one `kustomize build` of a top kustomization reads: the kustomizations it reaches through
 * `resources`, `bases` and `components`, and every local file they name. Files are absolute paths.
 */
export interface KustomizeTree {
  /** The kustomization that is built. */
  top: Kustomization;
  /** The top, then every base and component it reaches, each once. */
  kustomizations: Kustomization[];
  /** Manifest files reached as resources (directly or through bases and components). */
  resourceFiles: string[];
  /** Patch files of any kustomization of the tree: never linted as objects of their own. */
  patchFiles: string[];
  /** Other files the build reads: generator sources, configurations, replacements, CRDs. */
  inputFiles: string[];
  /** References kustomize would fetch (stslint does not build such a tree). */
  remote: KustomizationReference[];
  /** Local references that exist neither as a file nor as a folder with a kustomization. */
  missing: KustomizationReference[];
  /** Whether a kustomization of the tree lists `helmCharts` (stslint does not build such a tree). */
  helmCharts: boolean;
  /** Every file of the tree: its kustomization files, resources, patches and inputs. */
  files: ReadonlySet<string>;
}

/** Reads a file's text; `undefined` when it cannot be read. */
export type ReadSource = (file: string) => Promise<SourceFile | undefined>;

/** Reads files from disk as UTF-8 (byte-order mark removed). */
export const readSourceFromDisk: ReadSource = async (file) => {
  try {
    return { path: file, text: (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '') };
  } catch {
    return undefined;
  }
};

/**
 * A set of kustomizations and everything they reach, read once: which ones are at the top, and the
 * tree of files each top's build reads. It follows `resources`, `bases` and `components` that are
 * local folders; it never runs kustomize and never fetches remote references.
 */
export class KustomizeTrees {
  private readonly treeCache = new Map<Kustomization, KustomizeTree>();

  private constructor(
    /** Every kustomization read, by absolute file path. */
    readonly kustomizations: ReadonlyMap<string, Kustomization>,
    private readonly byDirectory: ReadonlyMap<string, Kustomization>,
  ) {}

  /**
   * Reads the given kustomization files and, recursively, the kustomizations of the local folders
   * they reference. Unreadable files are left out (kustomize reports them when building).
   *
   * @param known - kustomization files already read (the inputs of a run), by path
   */
  static async load(files: readonly string[], read: ReadSource, known: ReadonlyMap<string, SourceFile> = new Map()): Promise<KustomizeTrees> {
    const kustomizations = new Map<string, Kustomization>();
    const byDirectory = new Map<string, Kustomization>();
    const pending = [...files];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (kustomizations.has(file)) continue;
      const source = known.get(file) ?? (await read(file));
      if (!source) continue;
      const kustomization = readKustomization(source);
      kustomizations.set(file, kustomization);
      byDirectory.set(kustomization.directory, kustomization);
      for (const reference of kustomization.references) {
        if (reference.remote || (reference.role !== 'resource' && reference.role !== 'component')) continue;
        const nested = kustomizationFileIn(reference.path);
        if (nested && !kustomizations.has(nested)) pending.push(nested);
      }
    }
    return new KustomizeTrees(kustomizations, byDirectory);
  }

  /** The kustomization a `resources`/`components` reference builds, when it names a local kustomization folder. */
  referenced(reference: KustomizationReference): Kustomization | undefined {
    return reference.remote ? undefined : this.byDirectory.get(reference.path);
  }

  /**
   * The top kustomizations among `files`: those that no other of them reaches through
   * `resources`, `bases` or `components`, directly or through other kustomizations. Components
   * (`kind: Component`) are never tops: kustomize builds them only as part of a kustomization.
   * Sorted by path.
   */
  tops(files: Iterable<string>): Kustomization[] {
    const candidates = [...new Set(files)].flatMap((file) => this.kustomizations.get(file) ?? []).filter((candidate) => !candidate.isComponent);
    const reached = new Set<Kustomization>();
    for (const candidate of candidates) for (const below of this.below(candidate)) reached.add(below);
    return candidates.filter((candidate) => !reached.has(candidate)).sort((a, b) => compare(a.file.path, b.file.path));
  }

  /** The tree `kustomize build` of `top` reads (computed once). */
  tree(top: Kustomization): KustomizeTree {
    let tree = this.treeCache.get(top);
    if (!tree) {
      tree = this.collect(top);
      this.treeCache.set(top, tree);
    }
    return tree;
  }

  private collect(top: Kustomization): KustomizeTree {
    const kustomizations = [top, ...this.below(top)];
    const resourceFiles: string[] = [];
    const patchFiles: string[] = [];
    const inputFiles: string[] = [];
    const remote: KustomizationReference[] = [];
    const missing: KustomizationReference[] = [];
    for (const kustomization of kustomizations) {
      for (const reference of kustomization.references) {
        if (reference.remote) remote.push(reference);
        else if (reference.role === 'patch') patchFiles.push(reference.path);
        else if (reference.role === 'input') inputFiles.push(reference.path);
        else if (this.referenced(reference)) continue;
        // A resource is a manifest file; a folder without a kustomization is an error for kustomize.
        else if (reference.role === 'resource' && isFile(reference.path)) resourceFiles.push(reference.path);
        else missing.push(reference);
      }
    }
    const files = new Set([...kustomizations.map((kustomization) => kustomization.file.path), ...resourceFiles, ...patchFiles, ...inputFiles]);
    return {
      top,
      kustomizations,
      resourceFiles: unique(resourceFiles),
      patchFiles: unique(patchFiles),
      inputFiles: unique(inputFiles),
      remote,
      missing,
      helmCharts: kustomizations.some((kustomization) => kustomization.helmCharts),
      files,
    };
  }

  /** Every kustomization `kustomization` reaches (not itself), depth first, each once. */
  private below(kustomization: Kustomization): Kustomization[] {
    const seen = new Set<Kustomization>([kustomization]);
    const order: Kustomization[] = [];
    const visit = (from: Kustomization) => {
      for (const reference of from.references) {
        if (reference.role !== 'resource' && reference.role !== 'component') continue;
        const next = this.referenced(reference);
        if (!next || seen.has(next)) continue;
        seen.add(next);
        order.push(next);
        visit(next);
      }
    };
    visit(kustomization);
    return order;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
