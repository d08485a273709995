/**
 * The repository of a container image reference, as data-store detection compares it: without
 * registry host, tag or digest, lower-cased, and without Docker Hub's `library/` prefix.
 * `docker.io/bitnami/postgresql:16` → `bitnami/postgresql`; `postgres@sha256:…` → `postgres`;
 * `public.ecr.aws/docker/library/redis:8` → `docker/library/redis` (its last segment is what most
 * family entries compare). The first segment is a registry when it contains `.` or `:` or is
 * `localhost` (the rule of the reference grammar, distribution/reference). `undefined` for an empty
 * or non-string image.
 *
 * @see https://kubernetes.io/docs/concepts/containers/images/#image-names
 */
export function dataStoreImageRepository(image: unknown): string | undefined {
  if (typeof image !== 'string') return undefined;
  let reference = image.trim().toLowerCase();
  const at = reference.indexOf('@');
  if (at !== -1) reference = reference.slice(0, at);
  const segments = reference.split('/');
  const last = segments.length - 1;
  const colon = segments[last]!.indexOf(':');
  if (colon !== -1) segments[last] = segments[last]!.slice(0, colon);
  if (segments.length > 1 && /[.:]|^localhost$/.test(segments[0]!)) segments.shift();
  if (segments.length > 1 && segments[0] === 'library') segments.shift();
  const repository = segments.join('/');
  return repository === '' || segments.some((segment) => segment === '') ? undefined : repository;
}
