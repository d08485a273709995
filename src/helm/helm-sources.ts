import path from 'node:path';
import { locate, type LocateTarget, type NodePath } from '../parser/locate.js';
import type { ManifestDocument } from '../parser/manifest-document.js';
import type { ParsedFile } from '../parser/parse-documents.js';
import type { SourceFile } from '../parser/source-file.js';
import type { DocumentOrigin, MappedLocation } from '../parser/source-location.js';
import type { SourceRange } from '../parser/source-range.js';

/** How documents of `helm template` output are reported. */
export interface HelmOptions {
  /**
   * Absolute folder of the chart (`--helm-chart-root`, `helm.chartRoot`): a template written
   * `<chart>/templates/db.yaml` is the file `<chartRoot>/templates/db.yaml`. Absent: the path is
   * taken as written, relative to `cwd`.
   */
  chartRoot?: string;
  /** Folder that template paths are relative to without a chart root (the working directory). */
  cwd: string;
  /** Reads a template file's text; `undefined` when it is not on disk. */
  readTemplate(file: string): string | undefined;
}

/** The comment `helm template` writes above each document: `# Source: <chart>/templates/<file>`. */
const SOURCE_COMMENT = /^#\s*Source:\s*(\S.*?)\s*$/;

/**
 * Gives each document of `helm template` output (a document preceded by `# Source: <path>`) a
 * {@link HelmOrigin}, so that its findings are reported under the template; documents without
 * the comment are left as they are (reported under the input's path, `--stdin-filename`
 * included). Returns the template files named, with their text when on disk (empty otherwise).
 */
export function attachHelmSources(parsed: ParsedFile, options: HelmOptions): SourceFile[] {
  const sources = sourcesByLine(parsed.file.text);
  if (!sources) return [];
  const templates = new Map<string, SourceFile>();
  for (const document of parsed.documents) {
    const written = sources[locate(document, [], 'value').line - 1];
    if (written === undefined) continue;
    const file = templatePath(written, options);
    let template = templates.get(file);
    if (!template) {
      template = { path: file, text: options.readTemplate(file) ?? '' };
      templates.set(file, template);
    }
    document.origin = new HelmOrigin(document, template);
  }
  return [...templates.values()];
}

/**
 * The template of each line of `helm template` output (index 0 is line 1): the path of the
 * `# Source:` comment at the top of the YAML document holding the line, as written, or `undefined`
 * for lines of documents without one. `undefined` altogether when the text has no such comment
 * (one scan; most inputs are not Helm output).
 */
export function sourcesByLine(text: string): (string | undefined)[] | undefined {
  if (!/^#\s*Source:/m.test(text)) return undefined;
  const sources: (string | undefined)[] = [];
  let current: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^---(\s|$)/.test(line)) current = undefined;
    else current = SOURCE_COMMENT.exec(line)?.[1] ?? current;
    sources.push(current);
  }
  return sources;
}

/**
 * Moves a problem found in `helm template` output (a document that does not parse) to its
 * template: the template's first line, with the rendered place as the related location. Returns
 * `undefined` when the line is in no `# Source:` document.
 */
export function templatePlaceOfLine(rendered: SourceFile, range: SourceRange, options: HelmOptions): { template: SourceFile; range: SourceRange } | undefined {
  const written = sourcesByLine(rendered.text)?.[range.line - 1];
  if (written === undefined) return undefined;
  const file = templatePath(written, options);
  const template = { path: file, text: options.readTemplate(file) ?? '' };
  return { template, range: firstLine(template.text) };
}

/** The file a `# Source:` path names: under the chart root without the chart's name, else as written. */
export function templatePath(written: string, options: Pick<HelmOptions, 'chartRoot' | 'cwd'>): string {
  const segments = written.split('/').filter((segment) => segment !== '');
  if (options.chartRoot && segments.length > 1) return path.join(options.chartRoot, ...segments.slice(1));
  return path.resolve(options.cwd, written);
}

/**
 * The source map of a document of `helm template` output: a field is reported in its template,
 * at the line of its key when the template is on disk and the key occurs exactly once in it (a
 * template is Go text, not YAML, so nothing finer can be trusted), else at the template's first
 * line; the rendered line is given as a related location.
 */
export class HelmOrigin implements DocumentOrigin {
  constructor(
    private readonly document: ManifestDocument,
    private readonly template: SourceFile,
  ) {}

  locate(path: NodePath, target: LocateTarget): MappedLocation {
    const rendered = { file: this.document.file.path, range: locate(this.document, path, target) };
    return { file: this.template.path, range: keyInTemplate(this.template.text, path) ?? firstLine(this.template.text), rendered };
  }
}

/** The range of the path's last key in a template, when it is written exactly once as a key. */
function keyInTemplate(text: string, path: NodePath): SourceRange | undefined {
  const key = [...path].reverse().find((segment): segment is string => typeof segment === 'string');
  // The key comes from a manifest: a key longer than any Kubernetes field or label key is not searched.
  if (key === undefined || text === '' || key.length > 317) return undefined;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^([ \\t]*(?:-[ \\t]+)*)(["']?)${escaped}\\2[ \\t]*:(?:[ \\t]|$)`, 'gm');
  const matches = [...text.matchAll(pattern)];
  if (matches.length !== 1) return undefined;
  const match = matches[0]!;
  const line = text.slice(0, match.index).split('\n').length;
  const column = match[1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + key.length + 2 * match[2]!.length };
}

function firstLine(text: string): SourceRange {
  const length = /^[^\r\n]*/.exec(text)![0].length;
  return { line: 1, column: 1, endLine: 1, endColumn: length + 1 };
}
