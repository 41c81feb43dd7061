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
 * the denial an answer: leave-one-event-out on the 23 dev gold events, with the denials as a side
 * of their own, any named denier made 21 conflicts (13 right), a denier with any asserting claim
 * 17 (13 right), one whose asserting claim leans towards the denial 14 (12 right).
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
 * The side (other than `target`) holding the speaker's asserting claim that leans most towards
 * the denials, or -1: where the denier's own answer is told.
 */
function homeOf(target: number, denials: readonly number[], sideOf: ReadonlyMap<number, number>, input: DenialSidesInput): number {
  const { claims, features, weight, backing } = input;
  let home = -1;
  let best = -Infinity;
  features.forEach((f, k) => {
    const t = sideOf.get(k);
    if (t === undefined || t === target || !backing(f) || f.polarity <= 0 || !denials.some((i) => claims[i]?.actorId === f.claim.actorId)) return;
    const w = Math.max(...denials.map((i) => weight(i, k)));
    if (w >= SAME_MATTER && w > best) { best = w; home = t; }
  });
  return home;
}

/**
 * Answered denials become part of the rival answer: for each kept side, its disputing claims
 * whose speakers answer the question themselves (see {@link answered}) leave it and join the
 * side where that answer is told (the side of the speaker's claim leaning most towards them),
 * which is then a narrative in conflict with the side they deny; when there is no such side, or
 * it does not stand against the denied side, they form a side of their own. A conflict stands on
 * the contradictions between the two sides' leading voices (never the outlet's own voice, never a
 * speaker who backs both: the rules of `sidesOf` and `sharedVoice`). The denials' speakers still
 * dispute the side they deny. Mutates `sides`, `kept`, `reasons` and `conflicts`; returns how many
 * denial groups moved. Leave-one-event-out on the 23 dev gold events (2026-11-29), see README.
 */
export function splitAnsweredDenials(sides: Side[], kept: boolean[], reasons: (string | null)[], conflicts: SideConflict[], input: DenialSidesInput): number {
  const { claims, features, contradictions, backing } = input;
  const sideOf = new Map<number, number>();
  sides.forEach((side, k) => { for (const i of side.telling) sideOf.set(i, k); });
  const attributed = (i: number): boolean => claims[i]?.voice === 'attributed';
  const speakers = (ids: readonly number[]): string[] => ids.flatMap((i) => speakersOfClaim(claims[i] as NarrativeClaim));
  const conflictOf = (x: number, y: number): SideConflict | undefined => conflicts.find((c) => (c.a === x && c.b === y) || (c.a === y && c.b === x));
  // The evidence that `telling` stands against side `s`, or null (none, or a speaker on both).
  const against = (s: number, telling: readonly number[]): SideConflict['evidence'] | null => {
    const side = sides[s] as Side;
    const lead = leadingVoices(side.telling, features);
    const rival = leadingVoices(telling, features);
    const voiced = (i: number, j: number): boolean => rival.has(i) && lead.has(j) && attributed(i) && attributed(j);
    const evidence = [...contradictions].flatMap(([key, c]) => {
      const [i = 0, j = 0] = key.split(',').map(Number);
      return voiced(i, j) || voiced(j, i) ? [{ signal: c.signal, i, j, weight: c.weight }] : [];
    });
    const backers = new Set(speakers(side.telling.filter((i) => backing(features[i]))));
    return evidence.length > 0 && !speakers(telling).some((x) => backers.has(x)) ? evidence : null;
  };
  const count = sides.length;
  let moved = 0;
  for (let s = 0; s < count; s++) {
    const side = sides[s];
    if (!side || !kept[s] || side.disputing.length === 0) continue;
    const denials = answered(side, input);
    if (denials.length === 0) continue;
    const home = homeOf(s, denials, sideOf, input);
    const homeTelling = [...(sides[home]?.telling ?? []), ...denials];
    const joined = home >= 0 && (conflictOf(s, home) ? [] : against(s, homeTelling));
    const alone = joined ? null : against(s, denials);
    if (!joined && !alone) continue;
    side.disputing.splice(0, side.disputing.length, ...side.disputing.filter((i) => !denials.includes(i)));
    for (const i of denials) side.disputedBy.add(i);
    const evidence = (joined || alone) as SideConflict['evidence'];
    const total = evidence.reduce((sum, e) => sum + e.weight, 0);
    if (joined) {
      (sides[home] as Side).telling.push(...denials);
      for (const i of denials) sideOf.set(i, home);
      kept[home] = true;
      reasons[home] = null;
      if (evidence.length > 0) conflicts.push({ a: Math.min(s, home), b: Math.max(s, home), total, evidence });
    } else {
      sides.push({ cluster: -1, telling: denials, disputing: [], disputedBy: new Set() });
      kept.push(true);
      reasons.push(null);
      conflicts.push({ a: s, b: sides.length - 1, total, evidence });
    }
    moved++;
  }
  return moved;
}
