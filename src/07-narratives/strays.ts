/**
 * Step 7.8b: claims left in sides too small to be narratives join the narrative where their
 * speaker already speaks (see {@link attachSpeakerStrays}).
 */
import type { NarrativeClaim } from '../types/narratives.js';
import type { ClaimFeatures } from './features.js';
import { speakersOfClaim, type Side } from './sides.js';

/** Whether a claim backs what it says: not a denial, a doubt or an open question. */
export const backing = (f: ClaimFeatures | undefined): boolean => !!f && f.claim.stance !== 'denies' && f.claim.stance !== 'doubts' && !f.openQuestion;

/** Least mean edge weight for a stray claim to join its speaker's narrative (see `NarrativeOptions.strayFloor`). */
export const STRAY_FLOOR = 0;

/**
 * A speaker stays on one side of one question: on the dev gold events, 96% of the pairs of one
 * speaker's claims that answer the same question are in the same narrative. A claim left in a side
 * too small to be a narrative (a lone quote of a speaker) joins the narrative where the same
 * speaker already speaks, when it leans towards that speaker's claims there (mean edge weight at
 * least `floor`): the speaker is already a backer, so backers do not change, and a narrative is
 * no longer told by a few of its speaker's sentences only. Only backing claims move (a denial
 * would make the speaker contradict themself), only claims of sides that are not narratives, and
 * never into the speaker's answer to another specific question.
 */
export function attachSpeakerStrays(sides: Side[], kept: boolean[], claims: readonly NarrativeClaim[], features: readonly ClaimFeatures[], weight: (i: number, j: number) => number, floor: number): void {
  // Speaker -> kept sides where that speaker has a backing claim (the claim indices per side).
  const bySpeaker = new Map<string, Map<number, number[]>>();
  sides.forEach((side, s) => {
    if (!kept[s]) return;
    for (const i of side.telling) {
      if (!backing(features[i])) continue;
      for (const speaker of speakersOfClaim(claims[i] as NarrativeClaim)) {
        const row = bySpeaker.get(speaker) ?? new Map<number, number[]>();
        bySpeaker.set(speaker, row);
        row.set(s, [...(row.get(s) ?? []), i]);
      }
    }
  });
  const moves: StrayMove[] = [];
  sides.forEach((side, s) => {
    if (kept[s]) return;
    for (const i of side.telling) {
      const speaker = claims[i]?.actorId;
      if (!speaker || claims[i]?.voice !== 'attributed' || !backing(features[i])) continue;
      let best = -1;
      let bestWeight = floor - 1e-9;
      const question = features[i]?.question ?? 'truth';
      for (const [target, own] of bySpeaker.get(speaker) ?? []) {
        // Not into the speaker's answer to another specific question ("US officials said they had
        // warned Moscow" does not join their "ISIS-K did it").
        if (question !== 'truth' && own.every((j) => { const q = features[j]?.question ?? 'truth'; return q !== 'truth' && q !== question; })) continue;
        const mean = own.reduce((sum, j) => sum + weight(i, j), 0) / own.length;
        if (mean > bestWeight) { best = target; bestWeight = mean; }
      }
      if (best >= 0) moves.push({ from: s, claim: i, to: best });
    }
  });
  // Decided on the sides as they were, then applied: the order of sides changes nothing.
  applyMoves(sides, moves);
}


/**
 * A claim that gives the same answer to "who did it?" as a narrative's claims tells that
 * narrative, whoever says it: "the group claimed responsibility for the attack on its Telegram
 * channel" (one outlet, the group backs nothing yet) joins "ISIS-K alone bears responsibility" /
 * "Islamic State's Afghan affiliate carried out the massacre". A backing attributed claim of a side
 * that is no narrative moves to the narrative whose claims it shares an answer with (`sameAnswer`:
 * `agreement`, only in an event about a deed) when it leans towards that narrative's claims (mean
 * edge weight at least `floor`); of several, the one it leans to most. Decided on the sides as
 * they were, then applied.
 */
export function attachAnswerStrays(sides: Side[], kept: readonly boolean[], claims: readonly NarrativeClaim[], features: readonly ClaimFeatures[], weight: (i: number, j: number) => number, sameAnswer: (i: number, j: number) => boolean, floor: number): number {
  const moves: StrayMove[] = [];
  sides.forEach((side, s) => {
    if (kept[s]) return;
    for (const i of side.telling) {
      if (claims[i]?.voice !== 'attributed' || !backing(features[i])) continue;
      let best = -1;
      let bestWeight = floor - 1e-9;
      sides.forEach((target, t) => {
        if (!kept[t] || target.telling.length === 0 || !target.telling.some((j) => sameAnswer(i, j))) return;
        const mean = target.telling.reduce((sum, j) => sum + weight(i, j), 0) / target.telling.length;
        if (mean > bestWeight) { best = t; bestWeight = mean; }
      });
      if (best >= 0) moves.push({ from: s, claim: i, to: best });
    }
  });
  applyMoves(sides, moves);
  return moves.length;
}

/** A claim moved from one side to another, decided before any move is applied. */
interface StrayMove { readonly from: number; readonly claim: number; readonly to: number }

/** Applies moves decided on the sides as they were; the moved-to sides keep their claims in order. */
function applyMoves(sides: Side[], moves: readonly StrayMove[]): void {
  for (const { from, claim, to } of moves) {
    const source = sides[from];
    const target = sides[to];
    if (!source || !target) continue;
    source.telling.splice(source.telling.indexOf(claim), 1);
    target.telling.push(claim);
  }
  for (const { to } of moves) sides[to]?.telling.sort((a, b) => a - b);
}
