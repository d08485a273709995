import damerauLevenshtein from 'damerau-levenshtein';

/** Longest name compared by edit distance: a DNS subdomain (253 characters), the longest Kubernetes name. */
const MAX_COMPARED_LENGTH = 253;

/**
 * The candidate a misspelt name most likely meant, for "did you mean" hints, or `undefined` when
 * none is close: a candidate equal ignoring case; else the one at the smallest Damerau–Levenshtein
 * distance (`damerau-levenshtein`: a swap of neighbouring letters is one edit), when that distance is at most a third of the name's length (at
 * least 1, at most 3); else, for names of 3 letters or more, the first candidate the name begins
 * (`warn` → `warning`). Ties go to the earlier candidate; the name itself is never suggested. Edit
 * distances are computed only for names of at most 253 characters and candidates whose length is
 * within the limit of the name's (the others cannot be close), so a hostile 30,000-character name
 * costs nothing.
 *
 * `closestName('volumeClaimTemplate', ['selector', 'volumeClaimTemplates'])` → `'volumeClaimTemplates'`.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const others = candidates.filter((candidate) => candidate !== name);
  const sameLetters = others.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  // `damerau-levenshtein` allocates a square matrix of the longer length: names and candidates
  // come from manifests (untrusted), so only lengths that can be within `limit` edits are compared,
  // and names longer than any Kubernetes name (253) are not compared at all.
  const comparable = name.length <= MAX_COMPARED_LENGTH ? others.filter((candidate) => Math.abs(candidate.length - name.length) <= limit) : [];
  for (const candidate of comparable) {
    const edits = damerauLevenshtein(lower, candidate.toLowerCase()).steps;
    if (edits < bestDistance) {
      best = candidate;
      bestDistance = edits;
    }
  }
  if (best !== undefined || name.length < 3) return best;
  return others.find((candidate) => candidate.toLowerCase().startsWith(lower));
}
