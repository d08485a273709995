import { existsSync } from 'node:fs';
import path from 'node:path';

/** The file that makes a folder a Helm chart. */
export const CHART_FILE = 'Chart.yaml';

/**
 * Finds the Helm chart a file belongs to: the nearest folder, the file's own or an ancestor,
 * holding a `Chart.yaml`. A chart's templates are Go templates, not YAML, so stslint skips charts
 * and lints their output (`helm template <chart> | stslint -`) instead. Answers are cached per
 * folder for the life of the object (one run).
 */
export class HelmCharts {
  private readonly byFolder = new Map<string, string | null>();

  /** The chart folder holding `file` (absolute), or `undefined`. */
  chartOf(file: string): string | undefined {
    return this.chartOfFolder(path.dirname(path.resolve(file))) ?? undefined;
  }

  private chartOfFolder(folder: string): string | null {
    const cached = this.byFolder.get(folder);
    if (cached !== undefined) return cached;
    const parent = path.dirname(folder);
    const chart = existsSync(path.join(folder, CHART_FILE)) ? folder : parent === folder ? null : this.chartOfFolder(parent);
    this.byFolder.set(folder, chart);
    return chart;
  }
}

/** The notice for a skipped chart, naming the command whose output to lint instead. */
export function skippedChartNotice(chart: string, cwd: string): string {
  const shown = (path.relative(cwd, chart) || '.').split(path.sep).join('/');
  return `stslint: ${shown}: Helm chart skipped (Go templates are not YAML); lint its output: helm template ${shown} | stslint -`;
}
