import path from 'node:path';
import { STDIN_PATH } from '../parser/source-file.js';

/**
 * A file path as shown to users: relative to `baseDirectory` with `/` separators when the file is
 * inside it, absolute otherwise; `<stdin>` stays as it is.
 */
export function relativePath(file: string, baseDirectory: string): string {
  if (file === STDIN_PATH) return file;
  const relative = path.relative(baseDirectory, file);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (relative === '' || outside) return file.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
