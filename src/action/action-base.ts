import { readFileSync } from 'node:fs';

/** The revision the action compares the linted files with (`--base`). */
export interface ActionBase {
  /** A git revision: the input as given, or the pull request's base commit. */
  ref: string;
  /** How messages name it: the base branch for a pull request's base commit. */
  label?: string;
  /** False for the pull request default: files new since the base then get no notice. */
  explicit: boolean;
}

/** Events whose payload has `pull_request.base.sha`. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * The base of the action's comparison from its `base` input: `none` gives none; a revision is used
 * as it is; empty (the default) gives, on `pull_request` and `pull_request_target` events, the
 * pull request's base commit (`pull_request.base.sha` in the event payload at `$GITHUB_EVENT_PATH`,
 * named after `pull_request.base.ref`), and none on other events. A pull request event whose
 * payload cannot be read is a problem (exit 2): the comparison asked for cannot be made.
 */
export function actionBase(input: string, env: Readonly<Record<string, string | undefined>>): { base?: ActionBase; problem?: string } {
  if (input === 'none') return {};
  if (input !== '') return { base: { ref: input, explicit: true } };
  if (!PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) return {};
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as { pull_request?: { base?: { sha?: unknown; ref?: unknown } } };
    const { sha, ref } = event.pull_request?.base ?? {};
    if (typeof sha === 'string' && /^[0-9a-f]{40,64}$/i.test(sha)) {
      return { base: { ref: sha, explicit: false, ...(typeof ref === 'string' && ref !== '' ? { label: ref } : {}) } };
    }
  } catch {
    // Reported below.
  }
  return { problem: `stslint: cannot read the pull request's base commit from the event payload ($GITHUB_EVENT_PATH); set the "base" input, or "none"` };
}
