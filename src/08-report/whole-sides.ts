/**
 * Is a narrative a whole side, or may it be a fragment of a side the outlet tells through other
 * voices? "Washington Times omits 'Lynching is an act of terror' (Kevin Kruse, Cory Booker)" is
 * wrong when the Times tells the same side ("the word was wrong") through other people: the
 * clustering cut one side told by many speakers into one narrative per speaker, and judged against
 * one fragment the outlet carries nothing. On the 23 dev events (2026-11-28, leave-one-event-out)
 * 7 of the 13 wrong stated omissions were such fragments, and 79% of the reported narratives of
 * two or three claims shared their gold side with another reported narrative. So an omission is
 * stated only where the evidence of absence holds for the whole side (see `omissions.ts`):
 *
 * - the narrative is side-sized: told by at least {@link SIDE_CLAIMS} claims, or disputed (a claim
 *   in the articles denies or doubts it: "Iran warned Russia", one claim that Peskov denies twice,
 *   is a side of a debate however few tell it). A conflict with another narrative alone does not
 *   make one or two claims a side: it is read between two claims, and one quote the detector sets
 *   against another is as often a fragment of the same side (Murphy's "Trump is delaying the
 *   stimulus checks so his signature can be printed" against Omar's "the president is delaying
 *   relief ... so he can see his name on a check", a "denial" through "can't pay rent"). On the
 *   23 dev events (2026-11-29, leave-one-event-out) 5 of the 6 `omits` judgements on such
 *   conflict-only narratives of one or two claims were wrong, and both wrong stated omissions
 *   were one of them;
 * - the outlet tells no other narrative (its rivals aside) with a claim that paraphrases one of
 *   the narrative's: a centred word-vector cosine of at least {@link PARAPHRASE}, the level at which
 *   the pair features start to read two claims as saying the same thing.
 *
 * Both tests hold whether the narratives are fragments or whole sides: merged sides are bigger and
 * have no sibling left, so their omissions are stated; fragments are left unstated (`coverage`
 * still says `omits`: not found, a weaker judgement).
 */
import { cosine as vectorCosine, type WordVectors } from '../adapters/embeddings.js';
import { claimVectors } from '../07-narratives/similarity.js';
import type { Narrative, NarrativeAnalysis, NarrativeClaim } from '../types/index.js';

/** Least number of telling claims of an uncontested narrative read as a whole side. */
export const SIDE_CLAIMS = 3;
/** Centred word-vector cosine from which two claims paraphrase each other (pair-features' floor). */
export const PARAPHRASE = 0.5;

const outletOf = (c: NarrativeClaim): string => c.outlet ?? c.articleId;

/**
 * Whether a narrative is a whole side rather than a possible fragment: {@link SIDE_CLAIMS} telling
 * claims or more, or disputed by a claim of the articles (a conflict with another narrative alone
 * is not enough; see the file's comment).
 * @example sideSized({ claimIds: ['c1'], disputingClaimIds: ['c2'] }) // true: someone denies it
 */
export function sideSized(n: Pick<Narrative, 'claimIds' | 'disputingClaimIds'>): boolean {
  return n.claimIds.length >= SIDE_CLAIMS || n.disputingClaimIds.length > 0;
}

/**
 * Outlet -> narrative id -> the highest cosine between a claim of the narrative and a claim of
 * another narrative the outlet tells (one of its own claims is among that narrative's telling
 * claims), rivals in conflict with it left out. `vectors` are the event's claims' sentence vectors
 * (by claim id); without them (no word vectors) every value is 0.
 */
export function toldParaphrase(analysis: Pick<NarrativeAnalysis, 'claims' | 'narratives' | 'conflicts'>, outlets: readonly string[], vectors: ReadonlyMap<string, Float32Array>): Map<string, Map<string, number>> {
  const byId = new Map(analysis.claims.map((c) => [c.id, c]));
  const rivals = new Map(analysis.narratives.map((n) => [n.id, new Set(analysis.conflicts.flatMap((c) => (c.a === n.id ? [c.b] : c.b === n.id ? [c.a] : [])))]));
  // Closest pair of claims of two narratives (symmetric, computed once per pair).
  const closest = new Map<string, number>();
  const between = (x: Narrative, y: Narrative): number => {
    const key = x.id < y.id ? `${x.id} ${y.id}` : `${y.id} ${x.id}`;
    let best = closest.get(key);
    if (best === undefined) {
      best = 0;
      for (const i of x.claimIds) for (const j of y.claimIds) {
        const a = vectors.get(i);
        const b = vectors.get(j);
        if (a && b) best = Math.max(best, vectorCosine(a, b));
      }
      closest.set(key, best);
    }
    return best;
  };
  return new Map(outlets.map((outlet) => {
    const told = analysis.narratives.filter((n) => n.claimIds.some((id) => { const c = byId.get(id); return c !== undefined && outletOf(c) === outlet; }));
    return [outlet, new Map(analysis.narratives.map((n) => [n.id,
      Math.max(0, ...told.filter((t) => t.id !== n.id && !rivals.get(n.id)?.has(t.id)).map((t) => between(n, t)))]))];
  }));
}

/**
 * Sentence vectors of an event's claims by claim id, centred on the event as the graph's are
 * (`claimVectors`): what two claims share as the event's topic does not count as paraphrase.
 */
export function claimVectorsById(claims: readonly NarrativeClaim[], embeddings: WordVectors): Map<string, Float32Array> {
  const rows = claimVectors(claims.map((c) => c.text), embeddings);
  return new Map(claims.map((c, i) => [c.id, rows[i] ?? new Float32Array(embeddings.dim)]));
}
