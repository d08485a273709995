import { parseDirectives, documentOfLineFor } from '../parser/parse-directives.js';
import type { SourceFile } from '../parser/source-file.js';
import { applyDirectives } from './apply-directives.js';
import type { Finding, RelatedLocation, Severity, Suppression } from './finding.js';
import { INTERNAL_ERROR } from './internal-error.js';
import { interpolate } from './interpolate.js';
import { defineReservedRule } from './rule.js';

/** The reserved id of `--report-unused-disable-directives` findings. */
export const UNUSED_DISABLE_DIRECTIVE = 'unused-disable-directive';

/** Metadata of {@link UNUSED_DISABLE_DIRECTIVE} (SARIF lists it like a rule); not configurable. */
export const UNUSED_DISABLE_DIRECTIVE_META = defineReservedRule<'unused' | 'unusedRule'>({
  id: UNUSED_DISABLE_DIRECTIVE,
  title: 'Disable comments suppress something',
  severity: 'error',
  kinds: [],
  rationale: 'A `# stslint-disable` comment that suppresses nothing is stale: the problem it silenced is gone, or the rule id is misspelt. Reported with `--report-unused-disable-directives`.',
  remediation: 'Remove the comment, or correct the rule id it names.',
  messages: {
    unused: 'Unused stslint-disable directive: no problem was reported where it applies',
    unusedRule: 'Unused stslint-disable directive: no "{{rule}}" problem was reported where it applies',
  },
  examples: { good: '', bad: '' },
  references: [],
});

/**
 * What a configured exemption does to a finding: hide it (with its reason), or, once expired, let
 * it through with a related location on the exemption saying so (the message stays as short as
 * the rule wrote it).
 */
export type ExemptionVerdict = { suppress: true; reason: string } | { suppress: false; expired: RelatedLocation };

/** Looks up the configured exemption covering a finding; `undefined` when none does. */
export type ExemptionCheck = (finding: Finding) => ExemptionVerdict | undefined;

/** Options of {@link suppressFindings}. */
export interface SuppressOptions {
  /** `false` ignores `# stslint-…` comments (`--no-inline-config`). */
  inlineConfig?: boolean;
  exempt?: ExemptionCheck;
  /** Severity of unused-directive findings; absent = not reported. */
  reportUnusedDisableDirectives?: Severity;
}

/**
 * Splits one file's findings into reported and suppressed: first by the file's inline directives,
 * then by configured exemptions (an expired one leaves a note in the message); findings an annotation suppressed (marked by the engine) stay
 * suppressed. `internal-error` findings are never suppressed: they mean findings are missing.
 * Unused directives become findings when asked for.
 */
export function suppressFindings(file: SourceFile, findings: readonly Finding[], options: SuppressOptions): { findings: Finding[]; suppressed: Finding[] } {
  const suppressed: Finding[] = findings.filter((finding) => finding.suppressions !== undefined);
  let candidates = findings.filter((finding) => finding.suppressions === undefined && finding.ruleId !== INTERNAL_ERROR.id);
  const kept: Finding[] = findings.filter((finding) => finding.ruleId === INTERNAL_ERROR.id);
  if (options.inlineConfig !== false) {
    const directives = parseDirectives(file.text, file.path);
    if (directives.length > 0) {
      const applied = applyDirectives(candidates, directives, documentOfLineFor(file.text));
      candidates = applied.kept;
      for (const { finding, justification } of applied.suppressed) suppressed.push(withSuppression(finding, { kind: 'directive', justification }));
      if (options.reportUnusedDisableDirectives) {
        for (const { directive, rule } of applied.unused) {
          const messageId = rule === undefined ? 'unused' : 'unusedRule';
          kept.push({
            ruleId: UNUSED_DISABLE_DIRECTIVE,
            messageId,
            message: interpolate(UNUSED_DISABLE_DIRECTIVE_META.messages[messageId], { rule: rule ?? '' }),
            severity: options.reportUnusedDisableDirectives,
            file: file.path,
            range: directive.range,
            related: [],
          });
        }
      }
    }
  }
  for (const finding of candidates) {
    const verdict = options.exempt?.(finding);
    if (verdict === undefined) kept.push(finding);
    else if (verdict.suppress) suppressed.push(withSuppression(finding, { kind: 'exemption', justification: verdict.reason }));
    else kept.push({ ...finding, related: [...finding.related, verdict.expired] });
  }
  return { findings: kept, suppressed };
}

function withSuppression(finding: Finding, suppression: Suppression): Finding {
  return { ...finding, suppressions: [...(finding.suppressions ?? []), suppression] };
}
