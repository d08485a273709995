import { defineRule } from '../src/engine/rule.js';

// TODO: stub, to be written.
export default defineRule({
  id: 'pod-selector-mismatch',
  title: 'TODO',
  severity: 'error',
  kinds: ['StatefulSet'],
  rationale: 'TODO',
  remediation: 'TODO.',
  messages: { todo: 'TODO' },
  examples: { good: 'valid/TODO.yaml', bad: 'invalid/TODO.yaml' },
  references: [],
  check() {},
});
