import type { Directive } from '../parser/parse-directives.js';
import type { SourceRange } from '../parser/source-range.js';
import type { Finding } from './finding.js';

/** A disable directive, or one rule it lists, that suppressed nothing (`--report-unused-disable-directives`). */
export interface UnusedDirective {
  directive: Directive;
  /** The listed rule that suppressed nothing; absent for a directive that lists no rules. */
  rule?: string;
}

/** A finding hidden by a directive, with what a formatter needs (SARIF `suppressions`, ESLint `suppressedMessages`). */
export interface SuppressedFinding {
  finding: Finding;
  /** The reason (`-- reason`) of the directive credited, else of another directive covering the finding, else `''`. */
  justification: string;
  /** The directive credited with the suppression. */
  directive: Directive;
}

/** What {@link applyDirectives} returns; `kept` and `suppressed` keep the input order. */
export interface AppliedDirectives {
  kept: Finding[];
  suppressed: SuppressedFinding[];
  unused: UnusedDirective[];
}

/** One directive for one rule (`rule` undefined: every rule), as ESLint splits them. */
interface Unit {
  directive: Directive;
  rule: string | undefined;
}

/**
 * Splits findings of one file into kept and suppressed by its inline directives, with ESLint's
 * semantics (`apply-disable-directives.js`, integrations.md §6.5) where a finding's place is the
 * start of its range:
 *
 * - `disable-line` covers findings starting on the comment's line, `disable-next-line` those on the
 *   line just after it (even when that line is a comment or `---`).
 * - `disable` covers findings starting after the comment (line, then column: a trailing comment does
 *   not cover what comes before it on its line) in the same document (`documentOfLine`), up to an
 *   `enable` that lists the finding's rule or no rule, or the end of the document. `enable` ends
 *   every `disable` of the document that covers that rule, blanket or not.
 * - `disable-file` covers the whole file, every document; `enable` does not end it.
 * - A directive that lists rules covers those rules only; one with none covers every rule.
 * - Fatal findings (a document or file that could not be parsed, so was not linted) are always
 *   kept, as ESLint never applies directives to a file that does not parse.
 *
 * Credit (for unused reporting) goes as in ESLint: to the latest `disable`/`disable-file` covering
 * the finding; only when none does, to the latest line directive. Every disable directive (every
 * listed rule of one) never credited is unused, including one made redundant by another (a
 * `disable-line` inside a `disable` range of the same rule). `enable` directives are never unused.
 * Rule ids are compared as written; unknown ids are the caller's business. Inputs are not mutated.
 *
 * @param documentOfLine - 1-based line → 0-based YAML document index (`documentOfLineFor(text)`)
 */
export function applyDirectives(
  findings: readonly Finding[],
  directives: readonly Directive[],
  documentOfLine: (line: number) => number,
): AppliedDirectives {
  const units = [...directives].sort((a, b) => comparePlace(a.range, b.range)).flatMap(unitsOf);
  const fileUnits = units.filter((unit) => unit.directive.type === 'disable-file');
  const lineUnits = units.filter((unit) => unit.directive.type === 'disable-line' || unit.directive.type === 'disable-next-line');
  const rangeUnits = new Map<number, Unit[]>();
  for (const unit of units) {
    if (unit.directive.type !== 'disable' && unit.directive.type !== 'enable') continue;
    const list = rangeUnits.get(unit.directive.documentIndex) ?? [];
    list.push(unit);
    rangeUnits.set(unit.directive.documentIndex, list);
  }
  const used = new Set<Unit>();
  const result: AppliedDirectives = { kept: [], suppressed: [], unused: [] };
  for (const finding of findings) {
    if (finding.fatal) {
      result.kept.push(finding);
      continue;
    }
    const inDocument = rangeUnits.size > 0 ? rangeUnits.get(documentOfLine(finding.range.line)) : undefined;
    const block = [...fileUnits.filter((unit) => covers(unit, finding)), ...openDisables(inDocument ?? [], finding)];
    const line = lineUnits.filter((unit) => covers(unit, finding) && targetLine(unit.directive) === finding.range.line);
    const credited = block.at(-1) ?? line.at(-1);
    if (!credited) {
      result.kept.push(finding);
      continue;
    }
    used.add(credited);
    const reason = credited.directive.reason || [...block, ...line].find((unit) => unit.directive.reason)?.directive.reason;
    result.suppressed.push({ finding, justification: reason ?? '', directive: credited.directive });
  }
  for (const unit of units) {
    if (unit.directive.type === 'enable' || used.has(unit)) continue;
    result.unused.push(unit.rule === undefined ? { directive: unit.directive } : { directive: unit.directive, rule: unit.rule });
  }
  return result;
}

function unitsOf(directive: Directive): Unit[] {
  if (directive.rules.length === 0) return [{ directive, rule: undefined }];
  return [...new Set(directive.rules)].map((rule) => ({ directive, rule }));
}

function covers(unit: Unit, finding: Finding): boolean {
  return unit.rule === undefined || unit.rule === finding.ruleId;
}

function targetLine(directive: Directive): number {
  return directive.type === 'disable-next-line' ? directive.line + 1 : directive.line;
}

/** The `disable` units still open at the finding: a stack that a matching `enable` empties. */
function openDisables(units: readonly Unit[], finding: Finding): Unit[] {
  let open: Unit[] = [];
  for (const unit of units) {
    if (comparePlace(unit.directive.range, finding.range) > 0) break;
    if (!covers(unit, finding)) continue;
    open = unit.directive.type === 'enable' ? [] : [...open, unit];
  }
  return open;
}

function comparePlace(a: SourceRange, b: SourceRange): number {
  return a.line - b.line || a.column - b.column;
}
