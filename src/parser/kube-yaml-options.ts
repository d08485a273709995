import type { DocumentOptions, ParseOptions, SchemaOptions, Tags } from 'yaml';

/**
 * Floats as go-yaml v2 resolves them (resolve.go): a scalar starting with a digit or sign is a
 * float when, with its underscores removed, it matches `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`;
 * one starting with `.` when Go's `ParseFloat` reads it as it is (no underscores). Anything else
 * stays a string: `.` (a working directory), `-.`, `e1`, `E5`, `._5`, which the `yaml` package's
 * YAML 1.1 tags read as NaN or a number.
 */
const GO_YAML_FLOAT = /^(?:(?=.*[0-9])[-+0-9][0-9_]*\.[0-9_]*|\.[0-9]+)$/;
const GO_YAML_FLOAT_EXP = /^(?:(?=[^eE]*[0-9])[-+0-9][0-9_]*(?:\.[0-9_]*)?[eE]_*[-+]?[0-9_]*[0-9][0-9_]*|\.[0-9]+[eE][-+]?[0-9]+)$/;

/**
 * Drops the YAML 1.1 types that Kubernetes' decoder does not produce. The API machinery decodes
 * YAML with go-yaml v2 (through sigs.k8s.io/yaml), which resolves YAML 1.1 booleans (`yes`, `on`,
 * `y`), octal (`0644`), `<<` merges and base-2/16 integers, but leaves timestamps as strings when
 * decoding into untyped values, and has no sexagesimal (`1:20`) numbers. Floats are recognised by
 * go-yaml's rule ({@link GO_YAML_FLOAT}).
 */
function kubernetesTags(tags: Tags): Tags {
  return tags
    .filter((tag) => {
      if (typeof tag !== 'object') return true;
      return tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME';
    })
    .map((tag) => {
      if (typeof tag !== 'object' || tag.tag !== 'tag:yaml.org,2002:float' || !('test' in tag) || !tag.test) return tag;
      if (tag.format === 'EXP') return { ...tag, test: GO_YAML_FLOAT_EXP };
      return /inf/.test(String(tag.test)) ? tag : { ...tag, test: GO_YAML_FLOAT };
    });
}

/** `parseAllDocuments` options for `.yaml`/`.yml` files: Kubernetes' YAML 1.1 scalar rules. */
export const KUBE_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: kubernetesTags,
  merge: true,
  uniqueKeys: true,
  prettyErrors: false,
  // `yaml` writes some warnings to the process (a collection used as a key): problems are reported
  // as findings instead (parse-documents.ts), and nothing raw reaches stderr.
  logLevel: 'error',
};

/** `parseAllDocuments` options for `.json` files: JSON's scalars, positions still tracked. */
export const JSON_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'json',
  uniqueKeys: true,
  prettyErrors: false,
  logLevel: 'error',
};
