import path from 'node:path';
import type { StslintConfig } from '../config/config.js';
import { matchExemption } from '../config/match-exemption.js';
import type { ExemptionCheck } from '../engine/suppress-findings.js';

/** An exemption check for a run, and the stderr lines for the expired exemptions it met. */
export interface RunExemptions {
  check: ExemptionCheck;
  /** One line per expired exemption that matched a finding, in the order met. */
  expiredNotices(): string[];
}

/**
 * Builds the configured exemptions' check for one run (`today` as `YYYY-MM-DD`). A matching
 * exemption hides the finding; an expired one no longer does, and both a related location of the
 * finding (at the exemption in the config file) and a stderr notice say that it expired.
 */
export function exemptionCheck(config: StslintConfig, today: string, cwd: string): RunExemptions {
  const notices = new Map<string, string>();
  const configPath = config.file ? path.relative(cwd, config.file) || config.file : '';
  return {
    check: (finding) => {
      if (!finding.object || config.exemptions.length === 0) return undefined;
      const match = matchExemption(config.exemptions, finding.ruleId, finding.object, today);
      if (!match) return undefined;
      const { exemption } = match;
      if (!match.expired) return { suppress: true, reason: exemption.reason };
      const where = `${configPath}:${exemption.line}:${exemption.column}`;
      notices.set(where, `stslint: ${where}: the exemption of "${exemption.rule}" expired on ${exemption.expires} and no longer applies`);
      const range = { line: exemption.line, column: exemption.column, endLine: exemption.line, endColumn: exemption.column + 1 };
      return { suppress: false, expired: { file: config.file ?? configPath, range, message: `its exemption expired on ${exemption.expires}` } };
    },
    expiredNotices: () => [...notices.values()],
  };
}
