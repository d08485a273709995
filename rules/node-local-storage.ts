import { defineRule } from '../src/engine/rule.js';

// TODO: stub, to be written.
export default defineRule({
  id: 'node-local-storage',
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
