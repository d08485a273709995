import { CST } from 'yaml';

/**
 * How much work one input may cost (docs/security.md). Manifests come from pull requests: a file,
 * a document nested thousands of levels deep, or a small document whose aliases expand to
 * millions of nodes must get a clear answer, not exhaust the stack, the memory or the CI minutes.
 * A document over a limit is reported (`input-limit`) and not linted; the others are.
 */
export interface InputLimits {
  /** Largest file read, in bytes of UTF-8 (`--max-file-bytes`). */
  maxFileBytes: number;
  /** Deepest nesting of mappings and sequences in a document (`--max-depth`). */
  maxDepth: number;
  /** Most alias expansions when a document is converted to values (`--max-aliases`; YAML bombs). */
  maxAliases: number;
}

/**
 * The defaults: 64 MiB per file (a `helm template` of a large umbrella chart is a few MB), 256
 * levels of nesting (Kubernetes objects stay under 30; the `yaml` composer recurses per level
 * and the stack holds a few thousand), 10,000 alias expansions (a Helm chart's anchors use tens).
 */
export const DEFAULT_INPUT_LIMITS: InputLimits = { maxFileBytes: 64 * 1024 * 1024, maxDepth: 256, maxAliases: 10_000 };

/** Which limit a problem is about, with the option that raises it. */
export const LIMIT_OPTIONS: Readonly<Record<keyof InputLimits, string>> = {
  maxFileBytes: '--max-file-bytes',
  maxDepth: '--max-depth',
  maxAliases: '--max-aliases',
};

/**
 * Whether a document token of the `yaml` CST nests collections deeper than `limit`: an iterative
 * walk (the CST parser itself is iterative, so the token exists even for a document nested 50,000
 * levels; composing it would recurse once per level).
 */
export function nestsDeeperThan(token: CST.Token, limit: number): boolean {
  const stack: { token: CST.Token | undefined; depth: number }[] = [{ token, depth: 0 }];
  while (stack.length > 0) {
    const { token: current, depth } = stack.pop()!;
    if (current === undefined) continue;
    if (current.type === 'document') {
      stack.push({ token: current.value, depth });
    } else if (current.type === 'block-map' || current.type === 'block-seq' || current.type === 'flow-collection') {
      if (depth + 1 > limit) return true;
      for (const item of current.items) {
        stack.push({ token: item.value, depth: depth + 1 });
        if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
      }
    }
  }
  return false;
}
