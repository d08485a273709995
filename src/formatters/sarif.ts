import { DOCS_BASE_URL } from '../engine/docs-url.js';
import type { Finding } from '../engine/finding.js';
import { INTERNAL_ERROR } from '../engine/internal-error.js';
import type { FormatInput } from './format-input.js';
import { sarifFingerprint } from './sarif-fingerprint.js';
import { sarifPhysicalLocation, type SarifPhysicalLocation } from './sarif-physical-location.js';
import { SARIF_LEVEL, sarifRules, type SarifLevel } from './sarif-rules.js';
import { lineStartsOf, rangeFromOffsets } from '../parser/source-range.js';

/** The `$schema` GitHub's own examples use (integrations.md §1.2). */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The project's home page: the repository that holds the rule docs. */
const INFORMATION_URI = DOCS_BASE_URL.replace(/\/blob\/.*$/, '');

/** SARIF `result` (§3.27) as stslint fills it. */
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: [{ physicalLocation: SarifPhysicalLocation }];
  relatedLocations?: { id: number; physicalLocation: SarifPhysicalLocation; message: { text: string } }[];
  fixes?: {
    description: { text: string };
    artifactChanges: { artifactLocation: SarifPhysicalLocation['artifactLocation']; replacements: { deletedRegion: SarifPhysicalLocation['region']; insertedContent?: { text: string } }[] }[];
  }[];
  partialFingerprints?: { primaryLocationLineHash: string };
  suppressions?: { kind: 'inSource' | 'external'; status: 'accepted'; justification?: string }[];
}

/**
 * A SARIF 2.1.0 log, pretty-printed, for GitHub code scanning (integrations.md §1.1–§1.8): one run
 * with `tool.driver` (name `stslint`, version, rules from `sarifRules`), `automationDetails.id`
 * `stslint/` (the upload category), one invocation, `columnKind` `utf16CodeUnits` and `results`
 * (always an array, possibly empty).
 *
 * Each result has `ruleId`, `ruleIndex`, an explicit `level` (`error`, `warning`, `note` for info;
 * fatal findings are `error`), the message ending with a period, one location (see
 * `sarifPhysicalLocation` for URIs: repository-relative under `%SRCROOT%`, `file://` outside the
 * base directory, `stdin` for unnamed standard input), `relatedLocations` numbered from 1, and
 * GitHub's `primaryLocationLineHash` computed from the file text (`sarifFingerprint`).
 *
 * Suppressed findings are left out by default, because GitHub code scanning opens alerts for
 * suppressed results anyway (§1.6). With `includeSuppressed` they are included, and every result
 * carries `suppressions` (an empty array for the others, as the spec wants all or none): comments
 * and annotations are `inSource`, configured exemptions `external`.
 *
 * A fatal finding (a file or document that could not be parsed, so its rules did not run) and an
 * `internal-error` (a rule threw) are also `toolExecutionNotifications` of level `error`, and make
 * `executionSuccessful` false (§1.5): the results are incomplete.
 */
export function formatSarif(input: FormatInput): string {
  const { rules, indexOf } = sarifRules(input);
  const findings = input.results.flatMap((result) => result.findings);
  const reported = input.includeSuppressed ? input.results.flatMap((result) => [...result.findings, ...result.suppressed]) : findings;
  const lineHashes = fingerprintsByFile(input);
  const texts = new Map(input.results.map((result) => [result.file.path, result.file.text]));
  const results = reported.map((finding): SarifResult => {
    const hash = lineHashes(finding.file)?.[finding.range.line - 1];
    return {
      ruleId: finding.ruleId,
      ruleIndex: indexOf.get(finding.ruleId)!,
      level: finding.fatal ? 'error' : SARIF_LEVEL[finding.severity],
      message: { text: sentence(finding.message) },
      locations: [{ physicalLocation: sarifPhysicalLocation(finding.file, finding.range, input.baseDirectory) }],
      ...(finding.related.length > 0
        ? {
            relatedLocations: finding.related.map((related, index) => ({
              id: index + 1,
              physicalLocation: sarifPhysicalLocation(related.file, related.range, input.baseDirectory),
              message: { text: related.message },
            })),
          }
        : {}),
      ...(hash !== undefined ? { partialFingerprints: { primaryLocationLineHash: hash } } : {}),
      ...(input.includeSuppressed ? { suppressions: sarifSuppressions(finding) } : {}),
      ...sarifFixes(finding, texts.get(finding.file), input.baseDirectory),
    };
  });
  const notifications = findings
    .filter((finding) => finding.fatal || finding.ruleId === INTERNAL_ERROR.id)
    .map((finding) => notification(finding, input.baseDirectory));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'stslint', version: input.version, semanticVersion: input.version, informationUri: INFORMATION_URI, rules },
        },
        automationDetails: { id: 'stslint/' },
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * The finding's fix and suggestions as SARIF `fixes` (§3.55–§3.57, integrations.md §1.7): one
 * artifact change in the finding's file, each edit a replacement whose `deletedRegion` refers to
 * the unmodified file (an empty region inserts). GitHub code scanning ignores them; viewers and
 * SARIF tools apply them.
 */
function sarifFixes(finding: Finding, text: string | undefined, baseDirectory: string): Pick<SarifResult, 'fixes'> {
  if (text === undefined) return {};
  const proposals = [...(finding.fix ? [{ desc: `Fix: ${finding.message}`, edits: finding.fix.edits }] : []), ...(finding.suggestions ?? [])];
  if (proposals.length === 0) return {};
  const lines = { lineStarts: lineStartsOf(text) };
  return {
    fixes: proposals.map(({ desc, edits }) => ({
      description: { text: sentence(desc) },
      artifactChanges: [
        {
          artifactLocation: sarifPhysicalLocation(finding.file, finding.range, baseDirectory).artifactLocation,
          replacements: edits.map((edit) => {
            const range = rangeFromOffsets(lines, edit.start, edit.end);
            return {
              deletedRegion: { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn },
              ...(edit.text !== '' ? { insertedContent: { text: edit.text } } : {}),
            };
          }),
        },
      ],
    })),
  };
}

/** A `notification` (§3.58) saying that part of the input was not checked. */
function notification(finding: Finding, baseDirectory: string) {
  return {
    level: 'error' as const,
    descriptor: { id: finding.ruleId },
    message: { text: sentence(finding.message) },
    locations: [{ physicalLocation: sarifPhysicalLocation(finding.file, finding.range, baseDirectory) }],
  };
}

/** The line hashes of each linted file, computed once and only for files that are asked for. */
function fingerprintsByFile(input: Pick<FormatInput, 'results'>): (file: string) => readonly string[] | undefined {
  const texts = new Map(input.results.map((result) => [result.file.path, result.file.text]));
  const cache = new Map<string, readonly string[]>();
  return (file) => {
    const text = texts.get(file);
    if (text === undefined) return undefined;
    let hashes = cache.get(file);
    if (!hashes) cache.set(file, (hashes = sarifFingerprint(text)));
    return hashes;
  };
}

/** SARIF `suppressions` (§3.35) of a finding: empty when it is not suppressed. */
function sarifSuppressions(finding: Finding): NonNullable<SarifResult['suppressions']> {
  return (finding.suppressions ?? []).map((suppression) => ({
    kind: suppression.kind === 'exemption' ? ('external' as const) : ('inSource' as const),
    status: 'accepted' as const,
    ...(suppression.justification !== '' ? { justification: suppression.justification } : {}),
  }));
}

/** A message as a sentence: SARIF messages end with a period (multitool rule SARIF2001). */
function sentence(message: string): string {
  return message.endsWith('.') ? message : `${message}.`;
}
