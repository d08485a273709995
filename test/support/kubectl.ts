import { spawnSync } from 'node:child_process';

/**
 * Whether `kubectl` (with its embedded kustomize) can run here, and why not when it cannot. Tests
 * that need the real kustomize skip themselves with this reason printed.
 */
export const KUBECTL: { available: boolean; reason: string } = (() => {
  const probe = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.error) return { available: false, reason: `kubectl is not runnable here (${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message})` };
  if (probe.status !== 0) return { available: false, reason: `kubectl version --client exited with ${probe.status}` };
  return { available: true, reason: '' };
})();

/** Prints why kubectl tests are skipped (once per file that calls it). */
export function reportKubectlSkip(what: string): void {
  if (!KUBECTL.available) console.warn(`skipping ${what}: ${KUBECTL.reason}`);
}
