import { defineRule } from '../src/engine/rule.js';

/**
 * Parse problems. The parser finds them (`src/parser/parse-documents.ts`) and the engine reports
 * them under this id; `check` has nothing to do. The module exists so that the reserved id has
 * metadata, docs, fixtures and a severity like every other rule.
 */
export default defineRule({
  id: 'yaml-syntax',
  title: 'Manifests are well-formed YAML without duplicate keys',
  severity: 'error',
  kinds: [],
  rationale: [
    'A document that cannot be parsed is rejected by `kubectl apply` and the API server, and no other',
    'rule can check it. Duplicate keys are accepted by the API server\'s decoder, which silently keeps the',
    'last one: whatever the first occurrence said is lost, which is rarely what the author meant.',
    '',
    'Each broken document is reported at the parser\'s position; the other documents of the file and all',
    'other files are still linted. A document whose only problem is a duplicate key is still linted, with',
    'the last key winning, and the finding names the repeated key where it is repeated. Files are read with',
    'the YAML 1.1 scalar rules Kubernetes uses (`yes`/`on` are booleans, `0644` is octal); `.json` files are',
    'read as JSON.',
    '',
    'kubectl and the API server decode YAML with go-yaml (a port of libyaml), which tolerates a few things',
    'YAML 1.2 forbids: a quoted value continued on a line indented less than its key (or with tabs), a line',
    'of a flow `[...]` or `{...}` indented less than its key (or with tabs), a comment right after a closing',
    'quote or bracket. Such a document is linted as kubectl reads it, and this rule warns (at most at',
    '`warning` severity) so that stricter tools in the pipeline do not trip over it. A document kubectl',
    'rejects too is an error and is not linted.',
    '',
    'YAML also allows a mapping or a sequence as a key (`? [a, b]`, `{a: 1}: x`); a Kubernetes object does',
    'not: kubectl converts YAML to JSON, whose keys are strings, and rejects the document ("Unsupported map',
    'key"). Such a key is reported where it is written and the document is not linted.',
  ].join('\n'),
  remediation: 'Fix the YAML at the reported position, and keep one occurrence of each key.',
  messages: {
    syntax: '{{language}} syntax error: {{detail}}',
    duplicateKey: 'Duplicate key "{{detail}}": the API server keeps only the last value',
    kubectlLenient: 'YAML 1.2 error that kubectl tolerates: {{detail}}',
    collectionKey: 'Mapping key is a {{detail}}: kubectl takes only scalar keys and rejects the document',
  },
  examples: { good: 'valid/multi-document-with-comments.yaml', bad: 'invalid/duplicate-key.yaml' },
  references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/#describing-a-kubernetes-object'],
  check() {},
});
