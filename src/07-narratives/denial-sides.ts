/**
 * Step 7.9b: denials that are one answer of a yes/no question. A denial of a narrative joins it
 * as a disputing claim; it is a side of its own only when its speaker asserts an alternative
 * (issue 13). A speaker who denies a narrative and, elsewhere in the event, asserts something on
 * the same matter gives the other answer of a yes/no question rather than a bare dispute:
 *
 * - "Hooper: the last-minute request will result in a delay" / "a Treasury official denied that
 *   it would cause a delay" — the official also says "the checks go out on time as planned":
 *   "Will the change delay the checks? Yes (Hooper) vs No (Treasury)";
 * - "Liz Cheney: voters should decide state by state" / "Mary Cheney: it is not something to be
 *   decided by a show of hands" — Mary also says "freedom means freedom for everyone";
 * - "Peskov was not aware of any warnings" against "Iran warned Russia", with nothing else from
 *   Peskov on the matter, stays a disputing claim of "Iran warned Russia".
 *
 * "On the same matter" is the signed graph's reading: the speaker's asserting claim leans towards
 * the denial (edge weight >= 0). A speaker's claims on other questions of the event do not make
 * the denial an answer (without that test: leave-one-event-out on the 23 dev gold events, 17
 * conflicts reported, 13 right; any named denier, no alternative asked: 21, 13 right).
 */
import type { NarrativeClaim } from '../types/narratives.js';
import type { ClaimFeatures } from './features.js';
import type { Contradiction } from './signals.js';
import { leadingVoices, speakersOfClaim, type Side, type SideConflict } from './sides.js';

/** Least edge weight between a denial and its speaker's asserting claim for both to be on one matter. */
export const SAME_MATTER = 0;

/** What {@link answeredDenials} reads besides the sides. */
export interface DenialSidesInput {
  readonly claims: readonly NarrativeClaim[];
  readonly features: readonly ClaimFeatures[];
  readonly contradictions: ReadonlyMap<string, Contradiction>;
  /** The signed graph's edge weight of two claims. */
  readonly weight: (i: number, j: number) => number;
  /** Whether a claim backs what it says (asserts, endorses or hedges it). */
  readonly backing: (f: ClaimFeatures | undefined) => boolean;
}

/**
 * The disputing claims of a side whose speakers answer the question themselves: a named,
 * attributed denial whose speaker has an asserting claim (positive polarity, not itself a denial)
 * outside the side's disputing claims that leans towards it.
 * @example answered(side, input) // [12] ("denied that it would cause a delay", Treasury, who also says the checks go out on time)
 */
export function answered(side: Side, input: DenialSidesInput): number[] {
  const { claims, features, weight, backing } = input;
  const disputing = new Set(side.disputing);
  return side.disputing.filter((i) => {
    const speaker = claims[i]?.actorId;
    if (!speaker || claims[i]?.voice !== 'attributed') return false;
    return features.some((f, k) => !disputing.has(k) && f.claim.actorId === speaker && f.claim.voice === 'attributed'
      && backing(f) && f.polarity > 0 && weight(i, k) >= SAME_MATTER);
  });
}

/**
 * Turn answered denials into rival sides: for each kept side, its disputing claims whose
 * speakers answer the question themselves (see {@link answered}) leave it and form a new side,
 * in conflict with it on the evidence of the contradictions between the two sides' leading
 * voices (never the outlet's own voice, never a speaker who backs both: the same rules as
 * `sidesOf` and `sharedVoice`). The new sides are appended to `sides` and marked kept, and the
 * conflicts pushed to `conflicts`; returns how many sides were made. Leave-one-event-out on the
 * 23 dev gold events (2026-11-29): conflicts 81.8 / 11.4 (11 : 44) -> 85.7 / 15.9 (14 : 44).
 */
export function splitAnsweredDenials(sides: Side[], kept: boolean[], reasons: (string | null)[], conflicts: SideConflict[], input: DenialSidesInput): number {
  const { claims, features, contradictions, backing } = input;
  const count = sides.length;
  let made = 0;
  for (let s = 0; s < count; s++) {
    const side = sides[s];
    if (!side || !kept[s] || side.disputing.length === 0) continue;
    const telling = answered(side, input);
    if (telling.length === 0) continue;
    const lead = leadingVoices(side.telling, features);
    const rival = leadingVoices(telling, features);
    const attributed = (i: number): boolean => claims[i]?.voice === 'attributed';
    const voiced = (i: number, j: number): boolean => rival.has(i) && lead.has(j) && attributed(i) && attributed(j);
    const evidence = [...contradictions].flatMap(([key, c]) => {
      const [i = 0, j = 0] = key.split(',').map(Number);
      return voiced(i, j) || voiced(j, i) ? [{ signal: c.signal, i, j, weight: c.weight }] : [];
    });
    if (evidence.length === 0) continue;
    const backers = new Set(side.telling.filter((i) => backing(features[i])).flatMap((i) => speakersOfClaim(claims[i] as NarrativeClaim)));
    if (telling.some((i) => speakersOfClaim(claims[i] as NarrativeClaim).some((x) => backers.has(x)))) continue;
    side.disputing.splice(0, side.disputing.length, ...side.disputing.filter((i) => !telling.includes(i)));
    // Their speakers still dispute what they deny: they back the rival answer and dispute this one.
    for (const i of telling) side.disputedBy.add(i);
    sides.push({ cluster: -1, telling, disputing: [], disputedBy: new Set() });
    kept.push(true);
    reasons.push(null);
    conflicts.push({ a: s, b: sides.length - 1, total: evidence.reduce((sum, e) => sum + e.weight, 0), evidence });
    made++;
  }
  return made;
}
