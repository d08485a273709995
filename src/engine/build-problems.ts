import type { BuildProblem } from '../kustomize/kustomize-run.js';
import type { Finding } from './finding.js';
import { interpolate } from './interpolate.js';
import { defineReservedRule } from './rule.js';

/**
 * The reserved id of a kustomize build that failed: a finding on the kustomization file, with
 * kustomize's message. Like `yaml-syntax` for a file, it is `fatal`: the tree's objects were not
 * linted as built (its resources were linted as plain files). Not configurable; `kustomize: off`
 * turns building off altogether.
 */
export const KUSTOMIZE_BUILD = defineReservedRule<'failed'>({
  id: 'kustomize-build',
  title: 'Kustomizations build',
  severity: 'error',
  kinds: [],
  rationale:
    'stslint lints what gets deployed: each top kustomization is built with the kustomize found on PATH. When the build fails (a missing file, a patch that matches nothing), kustomize would fail the deployment the same way, and the overlay\'s objects could not be checked.',
  remediation: 'Fix the kustomization so that `kustomize build` succeeds.',
  messages: { failed: 'kustomize build failed: {{detail}}' },
  examples: { good: '', bad: '' },
  references: ['https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/'],
});

/** The findings of failed builds. */
export function buildFindings(problems: readonly BuildProblem[]): Finding[] {
  return problems.map((problem) => ({
    ruleId: KUSTOMIZE_BUILD.id,
    messageId: 'failed',
    message: interpolate(KUSTOMIZE_BUILD.messages.failed, { detail: problem.message }),
    severity: 'error',
    fatal: true,
    file: problem.file,
    range: problem.range,
    related: [],
  }));
}
