/**
 * Step 7.9b: the answer a narrative gives, in a few words, built from its propositions rather
 * than from the first words of a sentence: the culprits of a responsibility answer ("ISIS-K
 * alone", "United States, United Kingdom and Ukraine"), otherwise the statement of its most
 * central telling claim, shortened.
 */
import type { NarrativeClaim } from '../types/narratives.js';
import type { ClaimFeatures } from './features.js';
import { deedOf } from './questions.js';
import { formRank, readStatement } from './statement.js';

const MAX_WORDS = 12;

/**
 * Shorten a claim into a label: drop a leading complementiser, quotes, connectives and a lead-in
 * phrase, a trailing speech tag and any sentence after the first (see `readStatement`), keep at
 * most twelve words ("that ISIS-K was the sole culprit behind the Crocus City Hall attack" -> "ISIS-K was the
 * sole culprit behind the Crocus City Hall attack").
 */
export function shorten(text: string, maxWords = MAX_WORDS): string {
  const clean = readStatement(text.replace(/^(that|whether|if)\s+/i, '')).text.replace(/[,;:–—-]+$/, '');
  const words = clean.split(' ');
  const cut = words.length > maxWords ? `${words.slice(0, maxWords).join(' ').replace(/[,;:–—-]+$/, '')}…` : clean;
  return cut.charAt(0).toUpperCase() + cut.slice(1);
}

/** "A", "A and B", "A, B and C". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The claim most connected to the others of its narrative (the medoid of its positive edges),
 * preferring a named speaker and a positive, unhedged statement on ties, among the claims whose
 * statement reads best (a clause with a named subject, else a pronoun subject, else any): the
 * label is this claim's statement, and a fragment ("on the group's website Tuesday") makes no
 * label.
 * @param members indices of the narrative's telling claims in `claims`
 * @param weight edge weight between two claim indices
 */
export function centralClaim(members: readonly number[], claims: readonly NarrativeClaim[], features: readonly ClaimFeatures[], weight: (i: number, j: number) => number): number {
  let best = members[0] ?? 0;
  let bestScore = -Infinity;
  const rank = new Map(members.map((i) => [i, formRank(readStatement(claims[i]?.statement ?? claims[i]?.text ?? '').form)]));
  const top = Math.min(...rank.values());
  for (const i of members) {
    if (rank.get(i) !== top) continue;
    let score = 0;
    for (const j of members) if (j !== i) score += Math.max(0, weight(i, j));
    const claim = claims[i];
    if (claim?.actorId) score += 0.05;
    if (claim?.stance === 'hedges') score -= 0.02;
    if ((features[i]?.polarity ?? 1) < 0) score -= 0.1;
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/**
 * The answer of a narrative. For "who is responsible?", the actors its positive claims name
 * (most named first, three at most; an offshoot stands for its parent group), "alone" when one
 * of them says so; otherwise the central
 * claim's statement, shortened.
 */
export function answerOf(members: readonly number[], claims: readonly NarrativeClaim[], features: readonly ClaimFeatures[], central: number, nameOf: (id: string) => string, kin: ReadonlyMap<string, string> = new Map()): string {
  const counts = new Map<string, number>();
  let exclusive = false;
  let responsibility = 0;
  for (const i of members) {
    const f = features[i];
    if (!f || f.question !== 'responsibility' || f.polarity < 0) continue;
    responsibility++;
    if (f.exclusive) exclusive = true;
    for (const id of f.culprits) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  // "ISIS-K" and its parent "Islamic State" are one answer: name the offshoot only.
  for (const [child, parent] of kin) {
    if (counts.has(child) && counts.has(parent)) {
      counts.set(child, (counts.get(child) ?? 0) + (counts.get(parent) ?? 0));
      counts.delete(parent);
    }
  }
  // Culprits answer only where the claims name the deed ("behind the attack"): "who was behind
  // it?" answered by a list of names tells a reader nothing.
  const named = deedOf(members.filter((i) => features[i]?.question === 'responsibility').map((i) => claims[i]?.statement ?? claims[i]?.text ?? '')) !== null;
  if (named && responsibility * 2 >= members.length && counts.size > 0) {
    const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([id]) => nameOf(id));
    return `${listOf([...new Set(top)])}${exclusive ? ' alone' : ''}`;
  }
  const claim = claims[central];
  return shorten(claim?.statement ?? claim?.text ?? '');
}
