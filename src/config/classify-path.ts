import path from 'node:path';
import picomatch from 'picomatch';
import { STDIN_PATH } from '../parser/source-file.js';
import { BUILTIN_IGNORES, type StslintConfig } from './config.js';

/**
 * What a run does with a file:
 * - `lint`: parsed, indexed and reported;
 * - `context`: parsed and indexed for cross-object checks, not reported;
 * - `ignored`: neither read nor indexed;
 * - `unlisted`: in a run without paths, not read at all (matches neither `files` nor `context`).
 */
export type PathRole = 'lint' | 'context' | 'ignored' | 'unlisted';

/** Options of {@link classifyPath}. */
export interface ClassifyPathOptions {
  /**
   * True when the file was reached through the command-line paths (named, inside a named folder,
   * or matched by a named glob): it is linted unless ignored, whatever `files` and `context` say.
   * False (default) for a run without paths.
   */
  named?: boolean;
}

type GlobConfig = Pick<StslintConfig, 'baseDirectory' | 'files' | 'ignores' | 'context'>;

interface Matchers {
  files: (relative: string) => boolean;
  context: (relative: string) => boolean;
  ignoredFile: (relative: string) => boolean;
  ignoredFolder: (relative: string) => boolean;
}

const MATCHERS = new WeakMap<GlobConfig, Matchers>();

/**
 * The {@link PathRole} of an absolute file path under a configuration. Checked in this order:
 * `ignores` (and `**\/node_modules/**`) → `ignored`; `named` or `files` → `lint`; `context` →
 * `context`; else `unlisted`. An explicitly named file that is ignored is skipped, with a notice,
 * as ESLint does.
 *
 * Globs are `picomatch` patterns matched against the path relative to `config.baseDirectory`, with
 * `/` separators. Dot-files and dot-folders match only when the pattern spells the dot (ESLint's
 * behaviour, `dot: false`). An `ignores` pattern also ignores everything inside a folder it
 * matches (`deploy/legacy` ignores `deploy/legacy/x.yaml`); a pattern ending in `/` matches
 * folders only. Files outside `baseDirectory` match no pattern that does not start with `../`.
 * Standard input without `--stdin-filename` (`<stdin>`) is never ignored.
 */
export function classifyPath(file: string, config: GlobConfig, options: ClassifyPathOptions = {}): PathRole {
  if (file === STDIN_PATH) return options.named ? 'lint' : 'unlisted';
  let matchers = MATCHERS.get(config);
  if (!matchers) {
    matchers = compile(config);
    MATCHERS.set(config, matchers);
  }
  const relative = path.relative(config.baseDirectory, path.resolve(config.baseDirectory, file)).split(path.sep).join('/');
  if (isIgnored(relative, matchers)) return 'ignored';
  if (options.named || matchers.files(relative)) return 'lint';
  if (matchers.context(relative)) return 'context';
  return 'unlisted';
}

function isIgnored(relative: string, matchers: Matchers): boolean {
  if (matchers.ignoredFile(relative)) return true;
  const segments = relative.split('/');
  for (let end = 1; end < segments.length; end++) {
    if (matchers.ignoredFolder(segments.slice(0, end).join('/'))) return true;
  }
  return false;
}

function compile(config: GlobConfig): Matchers {
  const options = { dot: false };
  const any = (patterns: readonly string[]) => (patterns.length === 0 ? () => false : picomatch([...patterns], options));
  const ignores = [...BUILTIN_IGNORES, ...config.ignores];
  const folderOnly = ignores.filter((pattern) => pattern.endsWith('/')).map((pattern) => pattern.replace(/\/+$/, ''));
  const fileOrFolder = ignores.filter((pattern) => !pattern.endsWith('/'));
  const folders = any([...fileOrFolder, ...folderOnly]);
  return { files: any(config.files), context: any(config.context), ignoredFile: any(fileOrFolder), ignoredFolder: folders };
}
