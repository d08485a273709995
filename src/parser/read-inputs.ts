import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { STDIN_PATH, type SourceFile } from './source-file.js';

/** A path that could not be read: fatal for the run (exit 2), but the other inputs are still linted. */
export interface InputError {
  path: string;
  message: string;
}

/** Files found and read, plus the paths that failed. */
export interface ReadInputsResult {
  files: SourceFile[];
  errors: InputError[];
}

/** Options of {@link readInputs}. */
export interface ReadInputsOptions {
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Reads standard input; called at most once, for the operand `-`. */
  readStdin?: () => Promise<string>;
  /** Path standard input is reported under (`--stdin-filename`), resolved against `cwd`. */
  stdinFilename?: string;
  /** Files found by walking folders or expanding globs that must be left out (configured ignores). */
  ignore?: (file: string) => boolean;
  /** Reads a file's bytes (tests replace it to simulate unreadable files). */
  readFile?: (file: string) => Promise<Uint8Array>;
  /** What a folder walk picks up; default {@link MANIFEST_GLOB}. */
  patterns?: readonly string[];
}

/** Manifest files a folder walk picks up. Files named explicitly are read whatever their extension. */
export const MANIFEST_GLOB = '**/*.{yaml,yml,json}';

/**
 * Resolves operands to files and reads them: `-` is standard input; a file is read as it is; a
 * folder is walked recursively for `.yaml`, `.yml` and `.json` files, skipping `node_modules` and
 * dot-folders, following symbolic links (a link loop is visited once); anything else is tried as a
 * glob pattern. Files are decoded as UTF-8 with a byte-order mark removed, and each file is read
 * once even when reached twice (the first place it is reached decides its position). Files are
 * read concurrently; the result is in operand and walk order. Never throws: a missing or unreadable path becomes an
 * {@link InputError} and the rest is still read.
 */
export async function readInputs(operands: readonly string[], options: ReadInputsOptions): Promise<ReadInputsResult> {
  const readFile = options.readFile ?? ((file: string) => fs.readFile(file));
  // Operands are resolved in order into slots (a file to read, standard input, an error); the files
  // are then read concurrently, and the slots put back in order.
  type Slot = { file: string } | { stdin: SourceFile } | { error: InputError };
  const slots: Slot[] = [];
  for (const operand of operands) {
    if (operand === '-') {
      const text = options.readStdin ? await options.readStdin() : '';
      const name = options.stdinFilename ? path.resolve(options.cwd, options.stdinFilename) : STDIN_PATH;
      slots.push({ stdin: { path: name, text: text.replace(/^\uFEFF/, ''), fromStdin: true } });
      continue;
    }
    const absolute = path.resolve(options.cwd, operand);
    const stat = await fs.stat(absolute).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (stat instanceof Error) {
      if (stat.code === 'ENOENT' && isDynamicPattern(operand)) {
        const matches = await walk(options.cwd, [operand]);
        if (matches.length === 0) slots.push({ error: { path: operand, message: 'No files match this pattern' } });
        for (const match of matches) if (!options.ignore?.(match)) slots.push({ file: match });
      } else {
        slots.push({ error: { path: operand, message: describe(stat) } });
      }
    } else if (stat.isDirectory()) {
      for (const match of await walk(absolute, [...(options.patterns ?? [MANIFEST_GLOB])])) if (!options.ignore?.(match)) slots.push({ file: match });
    } else {
      slots.push({ file: absolute });
    }
  }
  const paths = slots.flatMap((slot) => ('file' in slot ? [slot.file] : []));
  const reads = new Map<string, { real: string; text?: string; error?: string }>();
  for (let first = 0; first < paths.length; first += CONCURRENT_READS) {
    await Promise.all(
      paths.slice(first, first + CONCURRENT_READS).map(async (file) => {
        const real = await fs.realpath(file).catch(() => file);
        try {
          reads.set(file, { real, text: decode(await readFile(file)) });
        } catch (error) {
          reads.set(file, { real, error: describe(error) });
        }
      }),
    );
  }
  const files: SourceFile[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  for (const slot of slots) {
    if ('stdin' in slot) files.push(slot.stdin);
    else if ('error' in slot) errors.push(slot.error);
    else {
      const read = reads.get(slot.file)!;
      if (seen.has(read.real)) continue;
      seen.add(read.real);
      if (read.text !== undefined) files.push({ path: slot.file, text: read.text });
      else errors.push({ path: slot.file, message: read.error! });
    }
  }
  return { files, errors };
}

/** How many files are read at once: enough to hide disk latency, few enough to spare file handles. */
const CONCURRENT_READS = 32;

async function walk(cwd: string, patterns: string[]): Promise<string[]> {
  const matches = await glob(patterns, {
    cwd,
    absolute: true,
    dot: false,
    followSymbolicLinks: true,
    ignore: ['**/node_modules/**'],
    onlyFiles: true,
  });
  return matches.map((match) => path.normalize(match)).sort();
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied';
    case 'ELOOP':
      return 'Too many levels of symbolic links';
    case 'EISDIR':
      return 'Is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
