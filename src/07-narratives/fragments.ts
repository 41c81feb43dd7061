/**
 * Step 7.8c: one verdict told by many speakers is one narrative. The claim graph joins claims
 * that share words; a side of an evaluation ("Young's remarks were offensive", "there is no
 * excuse for that word", "his words were hurtful") is told by many speakers in their own words,
 * one or two claims each, and comes out as one narrative per speaker. Two such fragments are
 * joined when both condemn, they talk about the same thing (their claims' words taken together
 * meet), and nothing sets them against each other.
 *
 * Leave-one-event-out on the 23 dev gold events (2026-11-28): B-cubed 63.3 -> 64.2 (P 77.5 ->
 * 76.7, R 53.5 -> 55.2), narratives 176 -> 170 (gold 142), omission precision 23.5 (17) -> 28.6
 * (14), backers 74.5 -> 74.4, disputers 51.7 -> 50.0; 4 events up (December jobs 84.6 -> 100,
 * Mexico wall 60.4 -> 63.4, Nebraska/Oklahoma 49.1 -> 52.7, Trump "lynching" 49.1 -> 51.9), one
 * down (Weiner 68.7 -> 68.1), the other 18 unchanged. With the actors' terms in the words 64.3
 * but Khashoggi fell 74.3 -> 69.8; binding also on a shared target actor cost the DOJ alumni
 * letter 3 points.
 */
import type { ClaimFeatures } from './features.js';
import type { Side, SideConflict } from './sides.js';
import type { Contradiction } from './signals.js';
import { cosine, type Vector } from './similarity.js';

/** Share of a side's claims that must condemn (negative valence) for it to be a verdict. */
export const CONDEMNING_SHARE = 0.5;
/** TF-IDF cosine of two sides' summed claim vectors at which they talk about the same thing. */
export const SAME_WORDS = 0.15;

/** What the fragment rule reads of one side. */
export interface SideReading {
  /** Speakers of its telling claims. */
  readonly speakers: ReadonlySet<string>;
  /** Share of its telling claims whose valence is below 0. */
  readonly condemning: number;
  /** Its claims' TF-IDF word vectors summed and normalised (actor terms left out). */
  readonly words: Vector;
  /** The specific questions its claims answer (`truth` left out). */
  readonly questions: ReadonlySet<string>;
}

/** Read a side (its telling claims) for {@link sameVerdict}. */
export function readSide(telling: readonly number[], features: readonly ClaimFeatures[], valences: readonly number[], tfidf: readonly Vector[]): SideReading {
  const speakers = new Set(telling.map((i) => features[i]?.claim.actorId).filter((x): x is string => !!x));
  const words = new Map<string, number>();
  // Words only, not the actors' terms (`@A3`): two verdicts on different things can share an actor
  // ("sanctions would harm the US" / "Riyadh would retaliate against the US").
  for (const i of telling) for (const [term, w] of tfidf[i] ?? []) if (!term.startsWith('@')) words.set(term, (words.get(term) ?? 0) + w);
  const norm = Math.sqrt([...words.values()].reduce((s, w) => s + w * w, 0)) || 1;
  for (const [term, w] of words) words.set(term, w / norm);
  return {
    speakers,
    condemning: telling.length === 0 ? 0 : telling.filter((i) => (valences[i] ?? 0) < 0).length / telling.length,
    words,
    questions: new Set(telling.map((i) => features[i]?.question ?? 'truth').filter((q) => q !== 'truth')),
  };
}

/**
 * Whether two sides pass one verdict on one thing: both mostly condemn ("Congressman Young's
 * remarks were offensive" / "there is no excuse for the offensive word he used"), their claims'
 * words taken together meet (TF-IDF cosine of the summed vectors at least `sameWords`: each
 * speaker says it differently, but over a few claims the thing judged recurs), and they answer no
 * two different specific questions. Whether anything opposes them is the caller's to check.
 * @example sameVerdict(condemning 1, words {remark, offens}, condemning 0.5, words {offens, word}) // true when the cosine is >= 0.15
 */
export function sameVerdict(a: SideReading, b: SideReading, sameWords = SAME_WORDS): boolean {
  if (a.condemning < CONDEMNING_SHARE || b.condemning < CONDEMNING_SHARE) return false;
  const specific = new Set([...a.questions, ...b.questions]);
  if (specific.size > 1) return false;
  return cosine(a.words, b.words) >= sameWords;
}

/**
 * Whether two sides are set against each other: a conflict links them, a contradiction links their
 * claims, or a speaker of one contradicts a speaker of the other anywhere in the event. Built once
 * per event; `readings` give each side's speakers.
 */
function opposition(sides: readonly Side[], conflicts: readonly SideConflict[], features: readonly ClaimFeatures[], contradictions: ReadonlyMap<string, Contradiction>, speakersOf: (s: number) => ReadonlySet<string>): (s: number, t: number) => boolean {
  const opponents = new Set<string>();
  const claimPairs = new Set<string>();
  for (const key of contradictions.keys()) {
    const [i = 0, j = 0] = key.split(',').map(Number);
    claimPairs.add(`${i},${j}`);
    const x = features[i]?.claim.actorId;
    const y = features[j]?.claim.actorId;
    if (x && y && x !== y) { opponents.add(`${x}|${y}`); opponents.add(`${y}|${x}`); }
  }
  const inConflict = new Set(conflicts.map((c) => `${Math.min(c.a, c.b)},${Math.max(c.a, c.b)}`));
  const claimsOf = (side: Side): number[] => [...side.telling, ...side.disputing];
  return (s, t) => {
    if (inConflict.has(`${Math.min(s, t)},${Math.max(s, t)}`)) return true;
    const x = sides[s];
    const y = sides[t];
    if (!x || !y) return true;
    for (const i of claimsOf(x)) for (const j of claimsOf(y)) if (claimPairs.has(`${Math.min(i, j)},${Math.max(i, j)}`)) return true;
    const ps = speakersOf(s);
    const pt = speakersOf(t);
    return [...ps].some((p) => [...pt].some((q) => opponents.has(`${p}|${q}`)));
  };
}

/**
 * Merge each group of sides into its first (telling and disputing claims, disputers); the others
 * are emptied and no longer kept, and the conflicts are renumbered onto the kept sides (one per
 * pair of sides). Returns how many sides were joined.
 */
function mergeGroups(sides: Side[], kept: boolean[], conflicts: SideConflict[], groups: readonly (readonly number[])[]): number {
  let joined = 0;
  const into = sides.map((_, s) => s);
  for (const group of groups) {
    const [first, ...rest] = group;
    const target = sides[first ?? -1];
    if (!target) continue;
    for (const s of rest) {
      const side = sides[s];
      if (!side) continue;
      target.telling.push(...side.telling.splice(0));
      target.disputing.push(...side.disputing.splice(0));
      for (const by of side.disputedBy) target.disputedBy.add(by);
      side.disputedBy.clear();
      kept[s] = false;
      into[s] = first ?? s;
      joined++;
    }
    target.telling.sort((x, y) => x - y);
    target.disputing.sort((x, y) => x - y);
  }
  const seen = new Set<string>();
  const remapped = conflicts.splice(0).flatMap((c) => {
    const a = into[c.a] ?? c.a;
    const b = into[c.b] ?? c.b;
    const key = `${Math.min(a, b)},${Math.max(a, b)}`;
    if (a === b || seen.has(key)) return [];
    seen.add(key);
    return [{ ...c, a: Math.min(a, b), b: Math.max(a, b) }];
  });
  conflicts.push(...remapped);
  return joined;
}

/**
 * Join the kept sides that pass one verdict on one thing (see {@link sameVerdict}), unless a
 * contradiction links their claims, a conflict links the sides, or a speaker of one contradicts a
 * speaker of the other anywhere in the event. Joined sides go into the first of their group
 * (telling and disputing claims, disputers); the others are emptied and no longer kept. The
 * conflicts are renumbered onto the kept sides. Returns how many sides were joined.
 */
export function joinVerdictFragments(sides: Side[], kept: boolean[], conflicts: SideConflict[], features: readonly ClaimFeatures[], contradictions: ReadonlyMap<string, Contradiction>, valences: readonly number[], tfidf: readonly Vector[], sameWords = SAME_WORDS): number {
  const readings = sides.map((side) => readSide(side.telling, features, valences, tfidf));
  const opposed = opposition(sides, conflicts, features, contradictions, (s) => readings[s]?.speakers ?? new Set());
  // Groups grow from the first side; a side joins a group only when it passes the verdict test
  // with, and is opposed by none of, the group's sides (no chains through a middle side).
  const groups: number[][] = [];
  const place = (s: number): void => {
    for (const group of groups) {
      if (group.some((t) => sameVerdict(readings[t] as SideReading, readings[s] as SideReading, sameWords)) && group.every((t) => !opposed(t, s))) {
        group.push(s);
        return;
      }
    }
    groups.push([s]);
  };
  sides.forEach((_, s) => { if (kept[s]) place(s); });
  return mergeGroups(sides, kept, conflicts, groups);
}

/**
 * Average linkage over sides: the correlation clustering joins two clusters only when the summed
 * edges between them are positive, so a side told by several outlets in different words can stay
 * cut into pieces whose claims each lean a little apart. Two kept sides whose mean edge weight
 * (over their telling claims) is at least `link` are joined, the closest pair first and the
 * linkage recomputed after each join, unless they are opposed (as for the verdict join) or answer
 * two different specific questions. Returns how many sides were joined.
 */
export function joinLinkedSides(sides: Side[], kept: boolean[], conflicts: SideConflict[], features: readonly ClaimFeatures[], contradictions: ReadonlyMap<string, Contradiction>, weight: (i: number, j: number) => number, link: number, sharedSpeaker = false): number {
  const speakers = (s: number): Set<string> => new Set((sides[s]?.telling ?? []).map((i) => features[i]?.claim.actorId).filter((x): x is string => !!x));
  const questions = (s: number): Set<string> => new Set((sides[s]?.telling ?? []).map((i) => features[i]?.question ?? 'truth').filter((q) => q !== 'truth'));
  // Groups of side indices, each standing for the union of its sides' claims.
  const groups = sides.map((_, s) => (kept[s] ? [s] : [])).filter((g) => g.length > 0);
  const opposed = opposition(sides, conflicts, features, contradictions, speakers);
  const telling = (g: readonly number[]): number[] => g.flatMap((s) => sides[s]?.telling ?? []);
  const mean = (a: readonly number[], b: readonly number[]): number => {
    let sum = 0;
    for (const i of a) for (const j of b) sum += weight(i, j);
    return a.length * b.length === 0 ? -Infinity : sum / (a.length * b.length);
  };
  for (;;) {
    let best: { x: number; y: number; w: number } | null = null;
    for (let x = 0; x < groups.length; x++) for (let y = x + 1; y < groups.length; y++) {
      const gx = groups[x] ?? [];
      const gy = groups[y] ?? [];
      if (gx.some((s) => gy.some((t) => opposed(s, t)))) continue;
      if (new Set([...gx.flatMap((s) => [...questions(s)]), ...gy.flatMap((s) => [...questions(s)])]).size > 1) continue;
      if (sharedSpeaker) { const voices = new Set(gx.flatMap((s) => [...speakers(s)])); if (!gy.some((t) => [...speakers(t)].some((p) => voices.has(p)))) continue; }
      const w = mean(telling(gx), telling(gy));
      if (w >= link && (!best || w > best.w + 1e-12)) best = { x, y, w };
    }
    if (!best) break;
    groups[best.x] = [...(groups[best.x] ?? []), ...(groups[best.y] ?? [])].sort((a, b) => a - b);
    groups.splice(best.y, 1);
  }
  return mergeGroups(sides, kept, conflicts, groups.filter((g) => g.length > 1));
}
