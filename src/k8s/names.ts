/**
 * Name formats and length limits of Kubernetes objects (statefulset-semantics §0, §1.2, §2.5).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
import type { GroupKind } from './group-kind.js';

/** Longest DNS-1123 or DNS-1035 label, so the longest pod name, hostname and label value: 63. */
export const DNS_LABEL_MAX_LENGTH = 63;

/** Longest DNS-1123 subdomain, the longest name of most objects: 253. */
export const DNS_SUBDOMAIN_MAX_LENGTH = 253;

/**
 * Longest StatefulSet name that always gets its pods created: 52 characters. The controller labels
 * each pod `controller-revision-hash: <name>-<hash>` with a hash of up to 10 characters, and a
 * label value may have at most 63 (statefulset-semantics §2.5; kubernetes#64023).
 */
export const STATEFUL_SET_NAME_MAX_LENGTH = 52;

/**
 * The format an object name must have:
 * - `dns-1123-label`: lower-case letters, digits and `-`, starting and ending with a letter or digit,
 *   at most 63 characters;
 * - `dns-1035-label`: the same, but starting with a letter;
 * - `dns-1123-subdomain`: such labels joined by `.`, at most 253 characters.
 */
export type NameFormat = 'dns-1123-label' | 'dns-1035-label' | 'dns-1123-subdomain';

/**
 * The name format the API server requires of a kind: a DNS-1123 label for StatefulSets (since
 * 1.27, kubernetes#114172: pods take the name as hostname), a DNS-1035 label for Services (their
 * name is a DNS name in the cluster domain), and a DNS-1123 subdomain for the other kinds stslint
 * checks (ConfigMap, PersistentVolume, PersistentVolumeClaim, StorageClass, PodDisruptionBudget,
 * Deployment).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names
 */
export function nameFormatOf(groupKind: GroupKind): NameFormat {
  if (groupKind.group === 'apps' && groupKind.kind === 'StatefulSet') return 'dns-1123-label';
  if (groupKind.group === '' && groupKind.kind === 'Service') return 'dns-1035-label';
  return 'dns-1123-subdomain';
}

/** What is wrong with a name. */
export type NameProblem = { problem: 'too-long'; length: number; limit: number } | { problem: 'bad-format'; format: NameFormat };

const DNS_1123_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z](?:[-a-z0-9]*[a-z0-9])?$/;

/**
 * What keeps `name` from being a valid name of that format, or `undefined` when it is valid. The
 * length is checked first, so the pattern never runs on an over-long name. An empty name is left
 * to the caller (`generateName` objects have none).
 */
export function nameProblem(name: string, format: NameFormat): NameProblem | undefined {
  const limit = format === 'dns-1123-subdomain' ? DNS_SUBDOMAIN_MAX_LENGTH : DNS_LABEL_MAX_LENGTH;
  if (name.length > limit) return { problem: 'too-long', length: name.length, limit };
  const valid = format === 'dns-1123-subdomain' ? name.split('.').every((label) => DNS_1123_LABEL.test(label)) : (format === 'dns-1035-label' ? DNS_1035_LABEL : DNS_1123_LABEL).test(name);
  return valid ? undefined : { problem: 'bad-format', format };
}
