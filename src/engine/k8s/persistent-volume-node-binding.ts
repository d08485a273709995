import { asArray, asRecord, isRecord } from '../../parser/plain-value.js';

/** How a PersistentVolume is tied to a node, and where that is written. */
export interface PersistentVolumeNodeBinding {
  /** `local` (`spec.local`), `nodeAffinity` (`spec.nodeAffinity` naming nodes) or `hostPath` (`spec.hostPath`). */
  source: 'local' | 'nodeAffinity' | 'hostPath';
  /** Path of that field from the PersistentVolume's root, e.g. `['spec', 'local']`. */
  path: readonly string[];
  /**
   * True when the scheduler pins pods to the volume's node (`local`, node affinity): if the node is
   * lost the pod stays Pending. False for a `hostPath` volume without node affinity: a pod may run
   * anywhere and finds that node's directory.
   */
  pinned: boolean;
}

/** Label keys whose last segment names one node (`kubernetes.io/hostname`, `openebs.io/nodename`, `topology.topolvm.io/node`). */
const NODE_KEY_NAME = /^(?:hostname|node|nodename|node-name|nodeid|node-id)$/i;

/**
 * How a PersistentVolume keeps its data on one node (statefulset-semantics §3.3), or `undefined`
 * when it does not:
 *
 * - `spec.local` (a local volume; the API requires node affinity with it);
 * - `spec.nodeAffinity.required.nodeSelectorTerms` where every term has an `In` requirement on a
 *   key naming a node (`kubernetes.io/hostname`, a CSI topology key ending in `/node`,
 *   `/nodename`, `/nodeid`…) or an `In` requirement in `matchFields` on `metadata.name`: node-local
 *   CSI drivers provision such volumes. Terms on zones or regions (`topology.kubernetes.io/zone`)
 *   pin a volume to a zone, not a node, and do not count;
 * - `spec.hostPath` (a directory on whichever node runs the pod, unless node affinity pins it).
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#node-affinity
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#local
 */
export function persistentVolumeNodeBinding(persistentVolume: unknown): PersistentVolumeNodeBinding | undefined {
  const spec = asRecord(asRecord(persistentVolume).spec);
  if (isRecord(spec.local)) return { source: 'local', path: ['spec', 'local'], pinned: true };
  if (nodeAffinityPinsToNodes(spec.nodeAffinity)) return { source: 'nodeAffinity', path: ['spec', 'nodeAffinity'], pinned: true };
  if (isRecord(spec.hostPath)) return { source: 'hostPath', path: ['spec', 'hostPath'], pinned: false };
  return undefined;
}

function nodeAffinityPinsToNodes(nodeAffinity: unknown): boolean {
  const terms = asArray(asRecord(asRecord(nodeAffinity).required).nodeSelectorTerms);
  return terms.length > 0 && terms.every(termPinsToNodes);
}

function termPinsToNodes(term: unknown): boolean {
  const { matchExpressions, matchFields } = asRecord(term);
  const byLabel = asArray(matchExpressions).some((requirement) => isNodeRequirement(requirement, (key) => NODE_KEY_NAME.test(key.split('/').pop() ?? '')));
  const byField = asArray(matchFields).some((requirement) => isNodeRequirement(requirement, (key) => key === 'metadata.name'));
  return byLabel || byField;
}

function isNodeRequirement(requirement: unknown, namesNode: (key: string) => boolean): boolean {
  const { key, operator, values } = asRecord(requirement);
  return typeof key === 'string' && namesNode(key) && operator === 'In' && asArray(values).length > 0;
}
