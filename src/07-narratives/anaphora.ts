/**
 * Step 7.5b: claims about another claim by anaphora. "Russian officials have alleged that Kyiv
 * helped the gunmen. Ukraine rejected the accusations as absurd.": the denial names no topic word
 * of what it denies; "the accusations" points back to the claim before it. Likewise "We have no
 * reason to doubt the claim" endorses the claim just reported.
 */
import type { ClaimFeatures } from './features.js';

// "the accusations", "these claims", "the allegation", "such reports", "the claim of responsibility".
const POINTER = /^(?:that\s+)?(?:the|these|those|this|such|that|all|any)\s+(?:[\w-]+\s+)?(accusations?|allegations?|claims?|charges?|reports?|suggestions?|assertions?|statements?|narrative|version|account|assessment|theory|theories|insinuations?)\b/i;
const MENTION = /\b(?:the|these|those|this|such)\s+(accusations?|allegations?|claims?|charges?|reports?|suggestions?|assertions?|narrative|insinuations?)\b/i;

/** A claim pointing back at an earlier one: `from` is about `to`. */
export interface Anaphor {
  readonly from: number;
  readonly to: number;
}

/**
 * For each claim whose content is, or mentions, "the accusations" (and similar), the nearest
 * earlier claim of the same article, within two sentences, by another speaker.
 * @example "Ukraine rejected the accusations as absurd" -> the allegation just before it
 */
export function anaphors(features: readonly ClaimFeatures[]): Anaphor[] {
  const out: Anaphor[] = [];
  features.forEach((f, i) => {
    const text = f.claim.text.replace(/^[“"‘']/, '');
    if (!POINTER.test(text) && !(f.words.length <= 6 && MENTION.test(text))) return;
    let best = -1;
    features.forEach((g, j) => {
      if (j === i || g.claim.articleId !== f.claim.articleId) return;
      const gap = f.claim.sentence - g.claim.sentence;
      if (gap < 0 || gap > 2 || g.claim.start >= f.claim.start) return;
      if (f.claim.actorId !== undefined && g.claim.actorId === f.claim.actorId) return;
      if (POINTER.test(g.claim.text)) return;
      if (best < 0 || g.claim.start > (features[best]?.claim.start ?? 0)) best = j;
    });
    if (best >= 0) out.push({ from: i, to: best });
  });
  return out;
}

/**
 * The features with every anaphor resolved: a claim about "the accusations" takes on what the
 * accusation asserts (its words, actors, question and answer) with its own polarity, so
 * "Ukraine rejected the accusations as absurd" is a denial of "Kyiv helped the gunmen" and
 * "we have no reason to doubt the claim" agrees with the claim of responsibility it follows.
 */
export function resolveAnaphora(features: readonly ClaimFeatures[]): ClaimFeatures[] {
  const out = [...features];
  for (const { from, to } of anaphors(features)) {
    const f = features[from];
    const g = features[to];
    if (!f || !g) continue;
    const polarity: 1 | -1 = f.polarity === g.polarity ? 1 : -1;
    out[from] = {
      ...f, words: [...f.words, ...g.words], entities: new Set([...f.entities, ...g.entities]),
      agency: g.agency, culprits: g.culprits, exclusive: g.exclusive, question: g.question, polarity,
    };
  }
  return out;
}
