import { RE2JS } from 're2js';
import { isRecord } from '../k8s/plain-value.js';

/**
 * The `target:` of a kustomize patch (`patches`, `patchesJson6902`): which resources it applies to.
 * Group, version and kind must equal the resource's when set; name and namespace are regular
 * expressions matched against the whole value; label and annotation selectors use the Kubernetes
 * selector syntax (`app=db,tier in (a,b),!canary`). Source: kustomize `api/types/selector.go`.
 */
export interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** What a target is matched against: a resource as it was when the patch applied. */
export interface PatchCandidate {
  apiVersion: string;
  kind: string;
  /** Every name the resource had up to the patch (kustomize matches current and original ids). */
  names: readonly string[];
  /** Every namespace it had up to the patch; `undefined` when it had none. */
  namespaces: readonly (string | undefined)[];
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
}

const FIELDS = ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'] as const;

/** Reads a `target:` mapping; `undefined` when absent or not a mapping. */
export function patchTargetOf(value: unknown): PatchTarget | undefined {
  if (!isRecord(value)) return undefined;
  const target: PatchTarget = {};
  for (const field of FIELDS) if (typeof value[field] === 'string') target[field] = value[field] as string;
  return target;
}

/** Whether a patch with this target applies to the candidate. */
export function matchesPatchTarget(target: PatchTarget, candidate: PatchCandidate): boolean {
  const [group, version] = candidate.apiVersion.includes('/') ? candidate.apiVersion.split('/', 2) : ['', candidate.apiVersion];
  if (target.group !== undefined && target.group !== group) return false;
  if (target.version !== undefined && target.version !== version) return false;
  if (target.kind !== undefined && target.kind !== candidate.kind) return false;
  if (target.name !== undefined && !candidate.names.some((name) => wholeMatch(target.name!, name))) return false;
  if (target.namespace !== undefined && !candidate.namespaces.some((namespace) => wholeMatch(target.namespace!, namespace ?? ''))) return false;
  if (target.labelSelector !== undefined && !matchesSelector(target.labelSelector, candidate.labels)) return false;
  if (target.annotationSelector !== undefined && !matchesSelector(target.annotationSelector, candidate.annotations)) return false;
  return true;
}

/**
 * Whether `value` matches `pattern` as a whole, as kustomize matches a target's name and namespace
 * (Go's `regexp`, RE2 syntax). The pattern comes from a kustomization, which is untrusted input: it
 * runs on RE2JS, whose matching is linear in the value's length, so a pattern such as `(a+)+$`
 * cannot make a run backtrack for ever. A pattern RE2 rejects matches only itself, literally.
 */
function wholeMatch(pattern: string, value: string): boolean {
  if (pattern === value) return true;
  let compiled = COMPILED.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = RE2JS.compile(`^(?:${pattern})$`);
    } catch {
      compiled = null;
    }
    COMPILED.set(pattern, compiled);
  }
  return compiled !== null && compiled.matcher(value).matches();
}

/** Compiled target patterns, by pattern (a run compares each patch target with many resources). */
const COMPILED = new Map<string, RE2JS | null>();

/**
 * Whether a label (or annotation) set satisfies a selector string: comma-separated requirements
 * `k=v`, `k==v`, `k!=v`, `k`, `!k`, `k in (a,b)`, `k notin (a,b)` (k8s.io/apimachinery
 * `labels.Parse`). A requirement that does not parse fails the match.
 */
export function matchesSelector(selector: string, values: Readonly<Record<string, string>>): boolean {
  const requirements = selector.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  return requirements.every((raw) => {
    const requirement = raw.trim();
    if (requirement === '') return true;
    const set = /^([^\s!=]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(requirement);
    if (set) {
      const options = set[3]!.split(',').map((option) => option.trim());
      const has = Object.hasOwn(values, set[1]!) && options.includes(values[set[1]!]!);
      return set[2] === 'in' ? has : !has;
    }
    const equality = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/.exec(requirement);
    if (equality) {
      const equal = Object.hasOwn(values, equality[1]!) && values[equality[1]!] === equality[3];
      return equality[2] === '!=' ? !equal : equal;
    }
    if (/^![^\s!=]+$/.test(requirement)) return !Object.hasOwn(values, requirement.slice(1));
    if (/^[^\s!=]+$/.test(requirement)) return Object.hasOwn(values, requirement);
    return false;
  });
}
