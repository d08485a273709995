import picomatch from 'picomatch';
import type { ObjectRef } from '../parser/object-ref.js';
import type { Exemption } from './config.js';

/** The exemption that covers a finding, and whether it has expired. */
export interface ExemptionMatch {
  exemption: Exemption;
  /**
   * True when `today` is on or after `exemption.expires`: the exemption no longer applies, the
   * finding is reported, and the caller says that the exemption expired.
   */
  expired: boolean;
}

/**
 * Finds the exemption that covers a finding of rule `ruleId` on `object`: an exemption matches
 * when its `rule` is `ruleId`, its `kind` (if set) equals the object's kind, its `namespace` (if
 * set) equals the object's namespace after defaulting, and its `name` glob (if set, `picomatch`)
 * matches `metadata.name`. The first matching exemption that has not expired wins; when all the
 * matching ones have expired, the first of them is returned with `expired: true`.
 *
 * @param today - the current date as `YYYY-MM-DD` (see `localCalendarDate`); an exemption with
 *   `expires: 2027-01-31` applies up to 2027-01-30 and has expired from 2027-01-31 on
 * @returns `undefined` when no exemption matches
 */
export function matchExemption(
  exemptions: readonly Exemption[],
  ruleId: string,
  object: Pick<ObjectRef, 'kind' | 'namespace' | 'name'>,
  today: string,
): ExemptionMatch | undefined {
  let expiredMatch: Exemption | undefined;
  for (const exemption of exemptions) {
    if (exemption.rule !== ruleId) continue;
    if (exemption.kind !== undefined && exemption.kind !== object.kind) continue;
    if (exemption.namespace !== undefined && exemption.namespace !== object.namespace) continue;
    if (exemption.name !== undefined && !picomatch.isMatch(object.name, exemption.name, { dot: true })) continue;
    if (exemption.expires === undefined || today < exemption.expires) return { exemption, expired: false };
    expiredMatch ??= exemption;
  }
  return expiredMatch && { exemption: expiredMatch, expired: true };
}
