/**
 * Step 7.8: a short readable label for a narrative, made from its own words: the claim most
 * connected to the others (the medoid of its positive edges), cut to a dozen words.
 */
import type { NarrativeClaim } from '../types/narratives.js';

const MAX_WORDS = 12;

/**
 * Shorten a claim into a label: drop a leading complementiser and quotes, keep at most twelve
 * words ("that ISIS-K was the sole culprit behind the Crocus City Hall attack" -> "ISIS-K was the
 * sole culprit behind the Crocus City Hall attack").
 */
export function shorten(text: string, maxWords = MAX_WORDS): string {
  const clean = text.replace(/[“”"]/g, '').replace(/^(that|whether|if)\s+/i, '').replace(/\s+/g, ' ').trim().replace(/[,;:–—-]+$/, '');
  const words = clean.split(' ');
  const cut = words.length > maxWords ? `${words.slice(0, maxWords).join(' ').replace(/[,;:–—-]+$/, '')}…` : clean;
  return cut.charAt(0).toUpperCase() + cut.slice(1);
}

/**
 * The label of a cluster: its most central claim shortened, preferring claims with a named
 * backer over the reporter's own voice on ties, marked "Denied:" or "Doubted:" when that claim
 * denies or doubts its content.
 * @param members indices of the cluster's claims in `claims`
 * @param weight edge weight between two claim indices
 */
export function labelOf(members: readonly number[], claims: readonly NarrativeClaim[], weight: (i: number, j: number) => number): string {
  let best = members[0] ?? 0;
  let bestScore = -Infinity;
  for (const i of members) {
    let score = 0;
    for (const j of members) if (j !== i) score += Math.max(0, weight(i, j));
    const claim = claims[i];
    if (claim?.actorId) score += 0.05;
    if (claim && claim.stance === 'hedges') score -= 0.02;
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = i;
    }
  }
  const claim = claims[best];
  const text = shorten(claim?.statement ?? claim?.text ?? '');
  // A statement says who denies ("Moscow appears to be skeptical about ..."); a bare content
  // says so with a mark: "Doubted: any warnings coming from Iran ahead of the attack".
  if (claim?.statement) return text;
  if (claim?.stance === 'denies') return `Denied: ${text}`;
  if (claim?.stance === 'doubts') return `Doubted: ${text}`;
  return text;
}
