import type { DocumentOptions, ParseOptions, SchemaOptions, Tags } from 'yaml';

/**
 * Drops the YAML 1.1 types that Kubernetes' decoder does not produce. The API machinery decodes
 * YAML with go-yaml v2 (through sigs.k8s.io/yaml), which resolves YAML 1.1 booleans (`yes`, `on`,
 * `y`), octal (`0644`), `<<` merges and base-2/16 integers, but leaves timestamps as strings when
 * decoding into untyped values, and has no sexagesimal (`1:20`) numbers.
 */
function kubernetesTags(tags: Tags): Tags {
  return tags.filter((tag) => {
    if (typeof tag !== 'object') return true;
    return tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME';
  });
}

/** `parseAllDocuments` options for `.yaml`/`.yml` files: Kubernetes' YAML 1.1 scalar rules. */
export const KUBE_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: kubernetesTags,
  merge: true,
  uniqueKeys: true,
  prettyErrors: false,
};

/** `parseAllDocuments` options for `.json` files: JSON's scalars, positions still tracked. */
export const JSON_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'json',
  uniqueKeys: true,
  prettyErrors: false,
};
