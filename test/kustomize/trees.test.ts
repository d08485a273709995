import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenText, lintTree, noKustomize, TREES, treeScenarios, type TreeRun } from '../support/recorded-kustomize.js';

// Golden tests of kustomize trees that run without kustomize: each tree under
// test/kustomize/trees/<scenario>/tree is linted as `stslint tree/` would lint it, with the builds
// `kubectl kustomize` made when the scenario was recorded (`npm run record:kustomize`), and the
// findings (with related locations and notices) are compared with <scenario>/expected.out; then
// again as on a machine without kustomize (expected-without-kustomize.out).

/** Findings on a patch file that only a patch linted as a whole object gives. */
function wholeObjectFindings(run: TreeRun): string[] {
  return run.results
    .flatMap((result) => result.findings)
    .filter((finding) => run.patchFiles.has(finding.file) && ['pod-selector-mismatch', 'governing-service-missing', 'schema-violation'].includes(finding.ruleId))
    .map((finding) => `${path.relative(run.tree, finding.file)}:${finding.range.line}: ${finding.message} [${finding.ruleId}]`);
}

describe.each(treeScenarios())('kustomize tree › %s', (scenario) => {
  it('reports each finding where the field was written', async () => {
    const run = await lintTree(scenario);
    expect(run.kustomize.builds.length).toBeGreaterThan(0);
    expect(wholeObjectFindings(run)).toEqual([]);
    await expect(goldenText(run)).toMatchFileSnapshot(path.join(TREES, scenario, 'expected.out'));
  });

  it('without kustomize: one notice per tree, resources linted as plain files, no patch linted', async () => {
    const run = await lintTree(scenario, noKustomize);
    expect(run.kustomize.built).toEqual([]);
    expect(run.kustomize.notices).toHaveLength(run.kustomize.builds.length);
    for (const notice of run.kustomize.notices) expect(notice).toMatch(/: not built \(no kustomize or kubectl on PATH\); its (patches were not linted|resources were linted as written)$/);
    expect(run.results.flatMap((result) => result.findings).filter((finding) => run.patchFiles.has(finding.file))).toEqual([]);
    await expect(goldenText(run)).toMatchFileSnapshot(path.join(TREES, scenario, 'expected-without-kustomize.out'));
  });
});
