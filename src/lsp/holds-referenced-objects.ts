import {
  CONFIG_MAP,
  ENDPOINTS,
  ENDPOINT_SLICE,
  PERSISTENT_VOLUME,
  SERVICE,
  STORAGE_CLASS,
  groupKindKey,
  groupOf,
} from '../k8s/group-kind.js';
import type { ParsedFile } from '../parser/parse-documents.js';

/**
 * The kinds the rules look up in the index when they check a StatefulSet: its governing Service
 * and the Service's Endpoints/EndpointSlices (`resolveGoverningService`, `hasManagedEndpoints`),
 * the StorageClasses and PersistentVolumes of its claims (`findStorageClass`,
 * `findPersistentVolumesForClaim`), and the ConfigMaps it mounts (`findMountedConfigMaps`).
 * `test/lsp/referenced-kinds.test.ts` checks on the corpus that other kinds change no finding.
 */
export const REFERENCED_KINDS: ReadonlySet<string> = new Set(
  [SERVICE, ENDPOINTS, ENDPOINT_SLICE, PERSISTENT_VOLUME, STORAGE_CLASS, CONFIG_MAP].map(groupKindKey),
);

/**
 * True when a parsed file holds at least one object of a {@link REFERENCED_KINDS} kind (API group
 * included, `kind: List` items counted): such a file can change the findings of StatefulSets in
 * other files. The language server passes only these files as context, and re-lints the other
 * open documents when one of them changes.
 */
export function holdsReferencedObjects(parsed: ParsedFile): boolean {
  return parsed.documents.some((document) =>
    REFERENCED_KINDS.has(groupKindKey({ group: groupOf(document.apiVersion), kind: document.kind })),
  );
}
