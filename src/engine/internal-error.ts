import { defineReservedRule } from './rule.js';

/**
 * The reserved id of a finding that stands for a rule that threw. It is not a rule: it cannot be
 * configured, and it always fails the run, because some findings may be missing.
 */
export const INTERNAL_ERROR = defineReservedRule<'threw'>({
  id: 'internal-error',
  title: 'A rule failed while checking an object',
  severity: 'error',
  kinds: [],
  rationale: 'A rule threw an exception on this object, so its findings for the object are missing. This is a bug in stslint.',
  remediation: 'Report the message and the manifest to the stslint maintainers.',
  messages: { threw: 'Rule "{{rule}}" failed on this object: {{error}}' },
  examples: { good: '', bad: '' },
  references: [],
});
