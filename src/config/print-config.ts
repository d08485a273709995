import { DEFAULT_NAMESPACE } from '../index/object-index.js';
import type { ObjectRef } from '../parser/object-ref.js';
import { classifyPath } from './classify-path.js';
import type { RuleSeverity, StslintConfig } from './config.js';
import { matchExemption } from './match-exemption.js';

/** What {@link printConfig} needs. */
export interface PrintConfigInput {
  /** Absolute path of the file asked about (`--print-config <file>`, resolved). */
  file: string;
  config: StslintConfig;
  /** Severity of every rule after the config file and `--rule` (`resolveRuleSeverities`). */
  severities: ReadonlyMap<string, RuleSeverity>;
  /** `--namespace`, which wins over the file's `namespace`. */
  cliNamespace?: string;
  /**
   * The Kubernetes objects of the file, namespace defaulted (`ObjectIndex.refOf`). When given,
   * only exemptions matching one of them are listed; when absent, every exemption of a rule that
   * is not off.
   */
  objects?: readonly Pick<ObjectRef, 'kind' | 'namespace' | 'name'>[];
  /** Today as `YYYY-MM-DD` (`localCalendarDate`), to mark expired exemptions. */
  today: string;
  /** Whether the file counts as named on the command line (see `classifyPath`); default false. */
  named?: boolean;
}

/**
 * The effective configuration for one file, as pretty JSON (two-space indent, final newline), for
 * `--print-config <file>`: the config file (`null` when none), the folder globs are relative to,
 * the file's role (`lint`, `context`, `ignored` or `unlisted`, see `classifyPath`), the default
 * namespace (`--namespace`, else the file's `namespace`, else `default`), the globs, the severity
 * of every rule after overrides, and the exemptions that could apply to the file's objects, each
 * with its position in the config file and whether it has expired. An ignored file has none.
 */
export function printConfig(input: PrintConfigInput): string {
  const { config, severities } = input;
  const role = classifyPath(input.file, config, { named: input.named ?? false });
  const candidates = role === 'ignored' ? [] : config.exemptions.filter((exemption) => severities.get(exemption.rule) !== 'off');
  const exemptions = candidates.flatMap((exemption) => {
    if (!input.objects) {
      return [{ ...exemption, expired: exemption.expires !== undefined && input.today >= exemption.expires }];
    }
    const matches = input.objects.map((object) => matchExemption([exemption], exemption.rule, object, input.today));
    const match = matches.find((candidate) => candidate !== undefined);
    return match ? [{ ...exemption, expired: match.expired }] : [];
  });
  const output = {
    file: input.file,
    configFile: config.file,
    baseDirectory: config.baseDirectory,
    role,
    namespace: input.cliNamespace ?? config.namespace ?? DEFAULT_NAMESPACE,
    files: config.files,
    ignores: config.ignores,
    context: config.context,
    rules: Object.fromEntries(severities),
    kustomize: config.kustomize.enabled ? { command: config.kustomize.command ?? null } : 'off',
    helm: { chartRoot: config.helmChartRoot ?? null },
    exemptions,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
