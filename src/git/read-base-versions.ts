/**
 * The inputs as they were at a git revision (`--base <ref>`), read with the user's own `git`: the
 * linted files at that commit, plus the earlier side of every file renamed, deleted or modified
 * since (so that an object that moved between files is still found, by identity, in the base).
 */
import { execFile, spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../parser/source-file.js';

/** Options of {@link readBaseVersions}. */
export interface ReadBaseOptions {
  /** Where git runs: its repository is the one compared. */
  cwd: string;
  /** A git revision: `HEAD`, `origin/main`, a commit. Never starts with `-`. */
  ref: string;
  /** Absolute paths of the linted files (`<stdin>` and the like are never in git). */
  files: readonly string[];
  /** How messages name the base; by default the ref, a full commit id cut to 7 characters. */
  label?: string;
}

/** What {@link readBaseVersions} found. */
export interface BaseVersionsRead {
  /** How messages name the base: the ref as given, a full commit id cut to 7 characters. */
  label: string;
  /** The files at the base, each under its working-tree path. */
  files: SourceFile[];
  /** Linted files with nothing to compare: new since the base, outside the repository, or no git at all. */
  uncompared: string[];
  /** Why nothing at all could be compared (`not a git repository`), when that is so. */
  reason?: string;
  /** Set when the ref names no commit of the repository (`no such commit in …`): the run cannot do what was asked (exit 2). */
  error?: string;
}

/** Largest file read at the base; a bigger blob is left out (it would not be linted either). */
const MAX_BLOB_BYTES = 16 * 1024 * 1024;
const MANIFEST = /\.(ya?ml|json)$/i;

/**
 * Reads the base versions of the linted files with the git CLI: finds the repository of `cwd` and
 * resolves `ref` to a commit (`git rev-parse --show-toplevel --verify`), lists the files changed
 * since it (`git diff --name-status -M <commit>`: renames and deletions give their old paths), and
 * reads the candidates' blobs at the commit with `git cat-file --batch` (what `git show
 * <ref>:<path>` prints for a file, for many files in one process). A `HEAD` without commits yet (a new repository)
 * and a missing git or repository mean nothing to compare; a ref that names no commit is an
 * {@link BaseVersionsRead.error}. Never throws.
 */
export async function readBaseVersions(options: ReadBaseOptions): Promise<BaseVersionsRead> {
  const label = options.label ?? (/^[0-9a-f]{40,64}$/i.test(options.ref) ? options.ref.slice(0, 7) : options.ref);
  const nothing = (reason: string, error?: string): BaseVersionsRead => ({ label, files: [], uncompared: [...options.files], reason, ...(error ? { error } : {}) });
  const located = await locateCommit(options.ref, options.cwd);
  if (located.missing) return nothing('git is not installed');
  if (located.root === undefined) return nothing(`${options.cwd} is not in a git repository`);
  const { root, commit } = located;
  if (commit === 'unborn') return nothing(`${options.ref} has no commit yet`);
  if (commit === undefined) {
    const hint = ' (a shallow clone? fetch it, e.g. actions/checkout with fetch-depth: 0)';
    return nothing('no such commit', `no such commit in the repository ${root}${hint}`);
  }
  const relative = new Map<string, string>(); // repository path → working-tree path
  for (const file of options.files) {
    const inside = path.relative(root, realPath(file));
    if (inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside)) relative.set(inside.split(path.sep).join('/'), file);
  }
  // The linted files and the list of changed files are read at once; the earlier side of renamed,
  // deleted or modified files not linted (rare in a hook, where the changed files are the linted
  // ones) takes a second read.
  const [linted, changed] = await Promise.all([readBlobs(commit, [...relative.keys()], root), earlierPaths(commit, root)]);
  const extra = changed.filter((earlier) => MANIFEST.test(earlier) && !relative.has(earlier));
  for (const earlier of extra) relative.set(earlier, path.join(root, ...earlier.split('/')));
  const blobs = extra.length === 0 ? linted : new Map([...linted, ...(await readBlobs(commit, extra, root))]);
  const files = [...relative].flatMap(([inRepository, file]) => {
    const text = blobs.get(inRepository);
    return text === undefined ? [] : [{ path: file, text }];
  });
  const found = new Set(files.map((file) => file.path));
  return { label, files, uncompared: options.files.filter((file) => !found.has(file)) };
}

/** The path with symbolic links resolved (git reports the repository's real path), or as it is. */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * The repository of `cwd` and the commit `ref` names there, in one `git rev-parse`: `root`
 * undefined outside a repository; `commit` `'unborn'` for a `HEAD` without commits, undefined for
 * a ref that names no commit.
 */
async function locateCommit(ref: string, cwd: string): Promise<{ root?: string; commit?: string | 'unborn'; missing?: boolean }> {
  const result = await git(['rev-parse', '--show-toplevel', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
  if (result.missing) return { missing: true };
  const [top, commit] = result.stdout.toString('utf8').split('\n');
  if (!top) return {};
  const root = realPath(path.resolve(top));
  if (result.code === 0 && commit) return { root, commit };
  if (ref === 'HEAD' && (await git(['symbolic-ref', '--quiet', 'HEAD'], root)).code === 0) return { root, commit: 'unborn' };
  return { root };
}

/** Old paths of the files renamed, deleted or modified between the commit and the working tree. */
async function earlierPaths(commit: string, root: string): Promise<string[]> {
  const diff = await git(['diff', '--name-status', '-z', '-M', '--no-ext-diff', commit, '--'], root);
  if (diff.code !== 0) return [];
  const fields = diff.stdout.toString('utf8').split('\0');
  const paths: string[] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i++]!;
    const first = fields[i++]!;
    if (/^[RC]/.test(status)) i++; // the new path follows
    if (/^[RDMT]/.test(status)) paths.push(first);
  }
  return paths;
}

/** The text of each path's blob at the commit (missing paths and trees left out), read in one process. */
async function readBlobs(commit: string, paths: readonly string[], root: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const asked = paths.filter((file) => !/[\n\r]/.test(file));
  if (asked.length === 0) return texts;
  const result = await git(['cat-file', '--batch'], root, asked.map((file) => `${commit}:${file}\n`).join(''));
  if (result.code !== 0) return texts;
  const output = result.stdout;
  let offset = 0;
  for (const file of asked) {
    const end = output.indexOf(0x0a, offset);
    if (end === -1) break;
    const header = output.subarray(offset, end).toString('utf8').split(' ');
    offset = end + 1;
    if (header.length !== 3) continue; // "<name> missing" or "ambiguous"
    const size = Number(header[2]);
    if (header[1] === 'blob' && size <= MAX_BLOB_BYTES) texts.set(file, new TextDecoder('utf-8').decode(output.subarray(offset, offset + size)).replace(/^\uFEFF/, ''));
    offset += size + 1;
  }
  return texts;
}

interface GitResult {
  code: number | null;
  stdout: Buffer;
  /** True when git could not be started (not installed). */
  missing?: boolean;
}

/** Runs git with arguments (never through a shell), optionally feeding standard input. Never throws. */
function git(args: readonly string[], cwd: string, input?: string): Promise<GitResult> {
  if (input === undefined) {
    return new Promise((resolve) => {
      execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, ...(error && error.code === 'ENOENT' ? { missing: true } : {}) });
      });
    });
  }
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, windowsHide: true, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve({ code: null, stdout: Buffer.alloc(0), missing: true }));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks) }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
