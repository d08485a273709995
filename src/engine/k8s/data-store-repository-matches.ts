import { dataStoreNameMatches } from './data-store-name-matches.js';

/**
 * True when an image repository (`dataStoreImageRepository`) matches an entry of
 * `DataStoreFamily.imageRepositories`: an entry without `/` is compared with the last path segment
 * (`postgresql` matches `bitnami/postgresql`), an entry with `/` with as many trailing segments as
 * it has (`pires/docker-elasticsearch-kubernetes`). `*` matches any run of characters.
 */
export function dataStoreRepositoryMatches(repository: string, pattern: string): boolean {
  const wanted = pattern.split('/');
  const segments = repository.split('/');
  if (segments.length < wanted.length) return false;
  const tail = segments.slice(segments.length - wanted.length);
  return wanted.every((part, position) => dataStoreNameMatches(tail[position]!, part));
}
