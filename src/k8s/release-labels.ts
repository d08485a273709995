/**
 * Labels whose value changes with every release of an application or chart: the chart and version
 * labels that Helm charts and the recommended labels set, and values that are versions or image
 * tags (statefulset-semantics §1.3; helm/charts#7803). Harmless on a pod template, fatal in a field
 * the API server never lets change.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/
 * @see https://helm.sh/docs/chart_best_practices/labels/
 */
import { DNS_LABEL_MAX_LENGTH } from './names.js';

/**
 * Label keys whose values are a chart or application version by convention: Helm's `helm.sh/chart`
 * (`<chart>-<version>`), the legacy `chart`, the recommended `app.kubernetes.io/version`, and `version`.
 */
export const RELEASE_LABEL_KEYS: ReadonlyMap<string, 'chart-key' | 'version-key'> = new Map([
  ['helm.sh/chart', 'chart-key'],
  ['chart', 'chart-key'],
  ['app.kubernetes.io/version', 'version-key'],
  ['version', 'version-key'],
] as const);

/**
 * A semantic version at the end of a value, on its own or after `-`/`_`, with an optional `v`,
 * pre-release and build: `1.2.3`, `v1.2.3`, `postgresql-12.1.6`, `8.0.36-debian-12-r3`. A constant
 * pattern, only ever run on values of at most 63 characters (the longest valid label value).
 */
const SEMANTIC_VERSION_AT_END = /(?:^|[-_])v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** Why a label changes with each release. */
export type ReleaseLabelReason = 'chart-key' | 'version-key' | 'version' | 'image-tag';

/**
 * Why a label with this key and value changes with each release, or `undefined` when nothing says
 * it does: its key is one of {@link RELEASE_LABEL_KEYS} (`chart-key` or `version-key`); its value equals the
 * given image tag (`image-tag`, e.g. the main container's, compared only when it is not empty); or
 * its value ends in a semantic version (`version`). Values longer than a label value may be are
 * not looked at (the schema check reports them).
 */
export function releaseLabelReason(key: string, value: string, imageTag: string | undefined): ReleaseLabelReason | undefined {
  const keyReason = RELEASE_LABEL_KEYS.get(key);
  if (keyReason !== undefined) return keyReason;
  if (value.length === 0 || value.length > DNS_LABEL_MAX_LENGTH) return undefined;
  if (imageTag !== undefined && imageTag !== '' && value === imageTag) return 'image-tag';
  return SEMANTIC_VERSION_AT_END.test(value) ? 'version' : undefined;
}

/**
 * The tag of a container image reference, without digest: `postgres:16.4` → `16.4`,
 * `registry:5000/team/app:v2@sha256:…` → `v2`; `undefined` when the reference has no tag (a
 * registry port is not a tag) or is not a string.
 *
 * @see https://kubernetes.io/docs/concepts/containers/images/#image-names
 */
export function imageTag(image: unknown): string | undefined {
  if (typeof image !== 'string') return undefined;
  const withoutDigest = image.split('@')[0]!;
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon === -1 ? undefined : lastSegment.slice(colon + 1);
}
