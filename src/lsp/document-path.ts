import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The absolute file-system path of a `file:` URI as an LSP client sends it (percent-encoding and
 * Windows drive letters handled by Node's `fileURLToPath`), normalised so that it equals the
 * paths the configuration's globs give. `undefined` for other schemes (`untitled:`) and for URIs
 * that cannot be parsed.
 */
export function documentPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
