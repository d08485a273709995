import { builtInGroupKind, currentApiVersion, groupOf } from '../k8s/group-kind.js';
import type { InputLimits } from '../parser/input-limits.js';
import type { ParseOptions } from '../parser/parse-documents.js';

/**
 * How a run parses its inputs. Objects are kept whole only for the built-in kinds rules and index
 * lookups read (`builtInGroupKind`); the others (CustomResourceDefinitions, RBAC, custom resources)
 * only for their identity and metadata, which is all `api-version-removed`, `stslint/ignore`
 * annotations and the index use of them. An object of a built-in kind without `apiVersion` is read
 * as that kind's current version (`currentApiVersion`), so it is indexed and linted (core-rules).
 */
export const PARSE_OPTIONS: ParseOptions = {
  keepWhole: (apiVersion, kind) => builtInGroupKind(kind)?.group === groupOf(apiVersion),
  defaultApiVersion: currentApiVersion,
};

/** {@link PARSE_OPTIONS} with the run's input limits (defaults when absent). */
export function parseOptions(limits: InputLimits | undefined): ParseOptions {
  return limits ? { ...PARSE_OPTIONS, limits } : PARSE_OPTIONS;
}
