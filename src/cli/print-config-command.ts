import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { StslintConfig, RuleSeverity } from '../config/config.js';
import { localCalendarDate } from '../config/local-calendar-date.js';
import { printConfig } from '../config/print-config.js';
import { ObjectIndex } from '../index/object-index.js';
import { parseDocuments } from '../parser/parse-documents.js';
import type { CliIO } from './cli-io.js';
import type { CliOptions } from './program.js';

/**
 * `--print-config <file>`: prints the effective configuration for that file as JSON (its role,
 * namespace, every rule's severity, the exemptions that could apply to its objects). The file need
 * not exist; when it does, its objects narrow the exemptions listed.
 */
export async function printConfigCommand(
  file: string,
  options: CliOptions,
  config: StslintConfig,
  severities: ReadonlyMap<string, RuleSeverity>,
  io: CliIO,
): Promise<void> {
  const absolute = path.resolve(io.cwd, file);
  const text = await fs.readFile(absolute, 'utf8').catch(() => undefined);
  const namespace = options.namespace ?? config.namespace;
  const index = text === undefined ? undefined : new ObjectIndex(parseDocuments({ path: absolute, text }).documents, { namespace });
  io.writeStdout(
    printConfig({
      file: absolute,
      config,
      severities,
      cliNamespace: options.namespace,
      objects: index?.all.map((document) => index.refOf(document)),
      today: localCalendarDate(io.now()),
      named: true,
    }),
  );
}
