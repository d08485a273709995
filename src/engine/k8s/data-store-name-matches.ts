/**
 * True when `name` matches `pattern` exactly, where `*` in the pattern matches any run of
 * characters (`*_SEEDS` matches `CASSANDRA_SEEDS`, `spilo-*` matches `spilo-16`). Case-sensitive;
 * used for environment variable names and image repositories in the data-store family table
 * (`data-store-families.ts`).
 */
export function dataStoreNameMatches(name: string, pattern: string): boolean {
  if (!pattern.includes('*')) return name === pattern;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}
