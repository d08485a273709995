import type { ReplicationEvidence } from './replication-evidence.js';

/** Variables that hold the pod's name in scripts even without a `fieldRef` (the shell's `HOSTNAME`, common spellings). */
const POD_NAME_VARIABLES = ['HOSTNAME', 'HOST_NAME', 'POD_NAME', 'MY_POD_NAME', 'PODNAME'];

/**
 * True when a container, init container or mounted ConfigMap derives the pod's ordinal from its
 * name (statefulset-semantics §5.2): a shell suffix strip `${HOSTNAME##*-}` (also of a variable
 * set from `fieldRef: metadata.name`, e.g. `${POD_NAME##*-}`), a bash regex read through
 * `BASH_REMATCH`, the pod name piped into `awk`/`sed`/`rev`/`cut`/`grep`/`tr` or given to `expr`,
 * `gethostname().rsplit('-', 1)`, or an environment variable from the
 * `apps.kubernetes.io/pod-index` label. App helper scripts that derive it internally
 * (`start-zookeeper`) are family indicators instead (`data-store-families.ts`).
 */
export function ordinalDerivationFound(evidence: ReplicationEvidence): boolean {
  if (evidence.podIndexFromLabel) return true;
  const names = [...new Set([...POD_NAME_VARIABLES, ...evidence.podNameEnvNames])].filter((name) => /^[A-Za-z_]\w*$/.test(name)).join('|');
  const variable = `\\$(?:\\{(?:${names})\\}|(?:${names})\\b)`;
  const podName = `(?:\\bhostname\\b|${variable})`;
  const patterns = [
    new RegExp(`\\$\\{(?:${names})(?:##?[^}]*-|:\\s*-\\d+|//[^}]*)\\}`),
    /\bBASH_REMATCH\b/,
    new RegExp(`${podName}[^\\n|]*\\|\\s*(?:awk|sed|rev|cut|grep|tr)\\b`),
    new RegExp(`\\b(?:awk|sed|cut|grep)\\b[^\\n]*<<<\\s*["']?(?:\\$\\(hostname\\)|${variable})`),
    new RegExp(`\\bexpr\\b[^\\n]*(?:\\$\\(hostname\\)|${variable})`),
    /gethostname\(\)[^\n]*\.r?split\(/,
  ];
  return evidence.texts.some((text) => patterns.some((pattern) => pattern.test(text)));
}
