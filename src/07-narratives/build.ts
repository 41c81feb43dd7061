/**
 * Step 7.10: the narratives of one event: claims -> propositions -> signed graph -> correlation
 * clusters -> sides of contested questions, with backers, disputers, conflicts, the questions
 * and the event's background.
 */
import type { AnalyzedArticle } from '../types/index.js';
import type { Narrative, NarrativeAnalysis, NarrativeClaim, NarrativeConflict, NarrativeQuestion, QuestionKind } from '../types/narratives.js';
import { correlationClusters } from './cluster.js';
import type { CrossActors } from './cross-actors.js';
import { eventClaims } from './event-claims.js';
import type { ClaimFeatures } from './features.js';
import { buildGraph, type GraphOptions } from './graph.js';
import { answerOf, centralClaim, listOf } from './label.js';
import { deedOf, questionText } from './questions.js';
import type { Contradiction } from './signals.js';
import { sidesOf, speakersOfClaim, type Side } from './sides.js';
import { splitAnsweredDenials } from './denial-sides.js';
import { attachAnswerStrays, attachSpeakerStrays, backing, STRAY_FLOOR } from './strays.js';
import { agreement, deedEvent } from './signals.js';
import { joinLinkedSides, joinVerdictFragments, SAME_WORDS } from './fragments.js';
import { vectorize } from './similarity.js';
import { valenceOf } from './valence.js';

/** Options of {@link buildNarratives}. */
export interface NarrativeOptions extends GraphOptions {
  /**
   * Weakest contradiction (summed over claim pairs) that makes two narratives a conflict (a
   * denial cluster joins what it denies from 0.5). Only aimed denials between the two sides'
   * leading voices count (see `sidesOf`), so one of them is reason enough: leave-one-event-out on
   * the dev gold events, 0.5 reports 6 conflicts, 4 right (recall 11.5%), 0.8 3, 2 right, 1.2 1,
   * right. (Before denials had to be aimed, 0.5 gave 13% precision on 23.) On the 23 dev events
   * (2026-11-28, after the same-negation, refusal and own-voice rules): 0.5 reports 11, 7 right
   * (recall 13.6%); 0.8 reports 3, all right (6.8%).
   * @default 0.5
   */
  readonly minConflict?: number;
  /**
   * Whether a denial whose speaker asserts an alternative on the same matter is a rival side in
   * conflict with what it denies, not a disputing claim (see `splitAnsweredDenials`).
   * @default true
   */
  readonly denialSides?: boolean;
  /**
   * Most claims one event is clustered with. The signed graph is dense (n² weights: 3,000 claims
   * take 72 MB), so an event past this (a whole feed compared as one event) keeps an even share of
   * each article's claims, taken in turn, and reports how many it skipped.
   * @default 3000
   */
  readonly maxClaims?: number;
  /**
   * Least mean edge weight for a claim of a side too small to be a narrative to join a narrative
   * where its speaker already speaks (above 1: never). Leave-one-event-out on the dev gold
   * events: -0.1 puts 50.0% of gold claims in narratives at B-cubed 63.1, 0 47.6% at 63.7, 0.1
   * 46.6% at 63.9; without the step 43.2% at 63.2.
   * @default 0
   */
  readonly strayFloor?: number;
  /**
   * TF-IDF cosine at which two narratives that both condemn talk about the same thing and are
   * joined (see `joinVerdictFragments`; `false`: never). Leave-one-event-out on the 23 dev gold
   * events: off 63.3 B-cubed (176 narratives), 0.1 64.1 (165), 0.15 64.2 (170), 0.2 63.7 (173).
   * @default 0.15
   */
  readonly verdictWords?: number | false;
  /**
   * Least mean edge weight at which two kept sides are joined by average linkage (see
   * `joinLinkedSides`; `false`: never).
   * @default false
   */
  readonly sideLink?: number | false;
  /**
   * `sideLink` joins only sides that share a speaker (one speaker's pieces that lean together on
   * average). Leave-one-event-out on the 23 dev events (2026-11-29), `sideLink` -0.25: B-cubed
   * 67.2 -> 67.6 (P 76.0 -> 74.0, R 60.2 -> 62.1), backers 84.0 -> 84.5, narratives 147 -> 138,
   * conflicts and omissions unchanged; without the guard 67.2 (the Barr testimony -14.9). Off: three
   * events up (net neutrality +12.7, Cheney +1.7, Steele +1.6), four down (Mexico wall -2.2,
   * Santorum -2.0, name checks -2.0, Weiner -1.4): the gain rests on one event.
   * @default false
   */
  readonly sideLinkSpeaker?: boolean;
  /**
   * Called once with the sides before and after the stray step, and why each side is or is not a
   * narrative: for the error scripts (`scripts/narrative-errors.ts --fate`), never for output.
   */
  readonly trace?: (trace: NarrativeTrace) => void;
}

/** What {@link NarrativeOptions.trace} receives (claim and side indices of this event). */
export interface NarrativeTrace {
  readonly claims: readonly NarrativeClaim[];
  readonly features: readonly ClaimFeatures[];
  /** Telling claims of each side before strays moved. */
  readonly tellingBefore: readonly (readonly number[])[];
  readonly sides: readonly Side[];
  /** Per side: null when it is a narrative, else why not (see {@link whyNotNarrative}). */
  readonly reasons: readonly (string | null)[];
  readonly kept: readonly boolean[];
  /** The signed graph's edge weight of two claims. */
  readonly weight: (i: number, j: number) => number;
  /** The graph's contradictions by pair key `i,j`. */
  readonly contradictions: ReadonlyMap<string, Contradiction>;
}

const outletOf = (c: NarrativeClaim): string => c.outlet ?? c.articleId;
/** Share of a statement's content words the rival side uses for it to state their shared proposition. */
const SHARED_PROPOSITION = 0.5;
// A statement whose subject is a pronoun: "he must make ...", "that it received ...".

/**
 * Why a side is not a narrative, or null when it is one. A narrative is told by at least one
 * attributed speaker, and contested (in a conflict or disputed) or told by a named speaker in more
 * than one outlet; the reasons are `empty`, `no attributed speaker`, `uncontested, no named
 * speaker` and `uncontested, one outlet` (counted per gold claim by `narrative-errors.ts --fate`).
 * Own-voice statements are the event's background; a lone quote in one outlet is not a story of
 * the event (it may join its speaker's narrative, see `attachSpeakerStrays`). One speaker's story
 * that several outlets carry is one, whoever answers it: in the dev gold, a question answered by one side only
 * ("Santorum: governments should not run schools", told by two outlets) is still a narrative.
 * Until the false denials were removed, such sides were mostly kept as "contested"; requiring two
 * voices besides two outlets then left 37.1% of gold claims in narratives (77 narratives for 94),
 * one voice in two outlets 45.6% (98) at B-cubed 65.1 instead of 66.0, backers 80.4 (77.7).
 */
export function whyNotNarrative(side: Side, claims: readonly NarrativeClaim[], contested: boolean): string | null {
  const own = side.telling.map((i) => claims[i]).filter((c): c is NarrativeClaim => c !== undefined);
  // A story told only in outlets' own voices is background however it is disputed: narratives
  // are what someone claims ("Barr is scheduled to testify on Wednesday" is context).
  if (!own.some((c) => c.voice === 'attributed' && (c.actorId || c.sourceText))) return own.length === 0 ? 'empty' : 'no attributed speaker';
  if (contested || side.disputing.length > 0 || side.disputedBy.size > 0) return null;
  if (!own.some((c) => c.actorId && c.voice === 'attributed')) return 'uncontested, no named speaker';
  return new Set(own.map(outletOf)).size >= 2 ? null : 'uncontested, one outlet';
}

/**
 * Two sides one speaker tells are not rivals: a speaker stays on one side of a question (on the
 * dev gold events 96% of the pairs of one speaker's claims on one question are one narrative), so
 * sides that share a backer are one story the clustering split, or rival claims it mixed ("Mexico
 * will not pay" beside "his plan to build a wall" in one cluster, both Trump's and Fox's). Such a
 * conflict is not reported; a speaker who really contradicts themself is flagged on the
 * narrative instead (`selfContradicted`).
 * @example sharedVoice(new Set(['A1', 'A2']), new Set(['A2'])) // true
 */
export function sharedVoice(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return [...a].some((x) => b.has(x));
}

/**
 * Find the competing narratives of one event. `articles` are the event's analysed articles
 * (duplicates are skipped); `actors` the comparison's cross-article actors; `event` prefixes the
 * ids (`e1.n2`, `e1.q1`, `e1.c5`) so they stay unique over a grouped comparison.
 */
export function buildNarratives(articles: readonly AnalyzedArticle[], actors: CrossActors, event: string, options: NarrativeOptions = {}): NarrativeAnalysis {
  const { claims, features, context, skippedClaims } = eventClaims(articles, actors, event, options);
  const graph = buildGraph(features, options);
  const n = graph.size;
  const weight = (i: number, j: number): number => graph.weights[i * n + j] ?? 0;
  const clusters = correlationClusters(n, graph.weights);
  const { sides, conflicts: found } = sidesOf(clusters, features, graph.contradictions, options.minConflict ?? 0.5);
  const backersOf = (side: Side): Set<string> => new Set(side.telling.filter((i) => backing(features[i])).flatMap((i) => speakersOfClaim(claims[i] as NarrativeClaim)));
  const conflicts = found.filter((c) => !sharedVoice(backersOf(sides[c.a] as Side), backersOf(sides[c.b] as Side)));

  const inConflict = new Set(conflicts.flatMap((c) => [c.a, c.b]));
  const reasons = sides.map((side, s) => whyNotNarrative(side, claims, inConflict.has(s)));
  const kept = reasons.map((r) => r === null);
  const tellingBefore = options.trace ? sides.map((side) => [...side.telling]) : [];
  attachSpeakerStrays(sides, kept, claims, features, weight, options.strayFloor ?? STRAY_FLOOR);
  if (options.sameAnswer !== false) {
    const deeds = deedEvent(features);
    const sameAnswer = (i: number, j: number): boolean => { const a = features[i]; const b = features[j]; return !!a && !!b && a.polarity === b.polarity && agreement(a, b, deeds) > 0; };
    if (deeds) attachAnswerStrays(sides, kept, claims, features, weight, sameAnswer, options.strayFloor ?? STRAY_FLOOR);
  }
  if (options.verdictWords !== false) joinVerdictFragments(sides, kept, conflicts, features, graph.contradictions, claims.map((c) => valenceOf(c.text)), vectorize(features), options.verdictWords ?? SAME_WORDS);
  if (options.sideLink !== undefined && options.sideLink !== false) joinLinkedSides(sides, kept, conflicts, features, graph.contradictions, weight, options.sideLink, options.sideLinkSpeaker ?? false);
  if (options.denialSides !== false) splitAnsweredDenials(sides, kept, reasons, conflicts, { claims, features, contradictions: graph.contradictions, weight, backing });
  options.trace?.({ claims, features, tellingBefore, sides, reasons, kept, weight, contradictions: graph.contradictions });
  const nameOf = (id: string): string => actors.actors.find((a) => a.id === id)?.name ?? id;

  // Questions: sides linked by conflicts share one; a side nobody contests is its own question.
  const group = sides.map((_, s) => s);
  const root = (s: number): number => { while (group[s] !== s) s = group[s] ?? s; return s; };
  for (const c of conflicts) if (kept[c.a] && kept[c.b]) group[root(c.b)] = root(c.a);

  const ids = new Map<number, string>();
  let next = 1;
  sides.forEach((_, s) => { if (kept[s]) ids.set(s, `${event}.n${next++}`); });
  const narratives: Narrative[] = [];
  const draft = new Map<number, { central: number; answer: string; backers: string[]; disputers: string[] }>();
  sides.forEach((side, s) => {
    if (!kept[s]) return;
    const central = centralClaim(side.telling, claims, features, weight);
    const answer = answerOf(side.telling, claims, features, central, nameOf, context.kin);
    // Backers assert or endorse it; disputers deny or doubt it.
    const backed = side.telling.filter((i) => backing(features[i]));
    const speakersAt = (i: number): string[] => speakersOfClaim(claims[i] as NarrativeClaim);
    const backers = [...new Set(backed.flatMap(speakersAt))];
    const against = [...new Set([...side.disputing, ...side.disputedBy].flatMap(speakersAt))];
    draft.set(s, { central, answer, backers, disputers: against });
  });

  const questions: NarrativeQuestion[] = [];
  const questionOf = new Map<number, string>();
  const membersOf = (r: number): number[] => sides.map((_, s) => s).filter((s) => kept[s] && root(s) === r)
    .sort((a, b) => (draft.get(b)?.backers.length ?? 0) - (draft.get(a)?.backers.length ?? 0) || a - b);
  const weightOf = (r: number): [number, number] => {
    const members = membersOf(r);
    const contested = members.length > 1 || members.some((s) => (draft.get(s)?.disputers.length ?? 0) > 0);
    return [contested ? 1 : 0, members.reduce((sum, s) => sum + (draft.get(s)?.backers.length ?? 0) + (draft.get(s)?.disputers.length ?? 0), 0)];
  };
  // Contested questions first, then the most voices.
  const roots = [...new Set(sides.map((_, s) => s).filter((s) => kept[s]).map(root))]
    .map((r) => ({ r, w: weightOf(r) })).sort((a, b) => b.w[0] - a.w[0] || b.w[1] - a.w[1] || a.r - b.r).map((x) => x.r);
  roots.forEach((r, q) => {
    const members = membersOf(r);
    const telling = members.flatMap((s) => sides[s]?.telling ?? []);
    const kinds = new Map<QuestionKind, number>();
    for (const i of telling) { const k = features[i]?.question ?? 'truth'; kinds.set(k, (kinds.get(k) ?? 0) + 1); }
    const statementOf = (i: number): string => claims[i]?.statement ?? claims[i]?.text ?? '';
    // A question is about responsibility when any of its sides answers it ("who did it" beats "is
    // it true") and its claims name the deed ("behind the attack"); "who was behind it?" asks nothing.
    const deed = deedOf(telling.filter((i) => features[i]?.question === 'responsibility').map(statementOf)) !== null;
    const kind: QuestionKind = kinds.has('responsibility') && members.length > 1 && deed ? 'responsibility'
      : [...kinds].filter(([k]) => k !== 'responsibility' || deed).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'truth';
    const lead = draft.get(members[0] ?? -1);
    // The question is asked from the statement that reads best (see `questionText`): the lead
    // side's central claim first, then its other backing claims, then the other sides' central claims.
    const leadTelling = (sides[members[0] ?? -1]?.telling ?? []).filter((i) => i !== lead?.central && backing(features[i]));
    let candidates = [...(lead ? [lead.central] : []), ...leadTelling, ...members.slice(1).map((s) => draft.get(s)?.central ?? -1)].filter((i) => i >= 0);
    // Two sides answer one proposition ("Mexico will pay for the wall" / "Mexico will not pay for
    // a wall"): the question is asked from the statement that shares most words with the other
    // sides' claims, whichever side says it.
    if (members.length > 1) {
      const sideOf = new Map(members.flatMap((s) => (sides[s]?.telling ?? []).map((i) => [i, s] as const)));
      const wordsOf = new Map(members.map((s) => [s, new Set((sides[s]?.telling ?? []).flatMap((i) => features[i]?.words ?? []))]));
      const shared = (i: number): number => {
        const words = new Set(features[i]?.words ?? []);
        if (words.size === 0) return 0;
        let best = 0;
        for (const s of members) {
          if (s === sideOf.get(i)) continue;
          const other = wordsOf.get(s) ?? new Set<string>();
          best = Math.max(best, [...words].filter((w) => other.has(w)).length / words.size);
        }
        return best;
      };
      const all = [...new Set([...candidates, ...members.slice(1).flatMap((s) => (sides[s]?.telling ?? []).filter((i) => backing(features[i])))])];
      const score = new Map(all.map((i) => [i, shared(i)]));
      // Only a statement most of whose words the other side uses states the shared proposition.
      const shared50 = all.filter((i) => (score.get(i) ?? 0) >= SHARED_PROPOSITION).sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || all.indexOf(a) - all.indexOf(b));
      candidates = [...shared50, ...candidates.filter((i) => !shared50.includes(i))];
    }
    const statements = kind === 'responsibility' ? telling.map(statementOf) : candidates.map(statementOf);
    const text = questionText(kind, statements);
    const id = `${event}.q${q + 1}`;
    const answers = members.map((s) => {
      const d = draft.get(s);
      const who = listOf((d?.backers ?? []).slice(0, 3).map(nameOf));
      return `${d?.answer ?? ''}${who ? ` (${who})` : ''}`;
    });
    const single = draft.get(members[0] ?? -1);
    const disputed = members.length === 1 && single && single.disputers.length > 0 ? `; disputed by ${listOf(single.disputers.slice(0, 3).map(nameOf))}` : '';
    const contested = members.length > 1 || (single?.disputers.length ?? 0) > 0;
    questions.push({ id, event, kind, text, label: `${text} ${answers.join(' vs ')}${disputed}`, contested, narratives: members.map((s) => ids.get(s) ?? '') });
    for (const s of members) questionOf.set(s, id);
  });
  const questionById = new Map(questions.map((q) => [q.id, q]));

  sides.forEach((side, s) => {
    const id = ids.get(s);
    const d = draft.get(s);
    if (!id || !d) return;
    const telling = side.telling.map((i) => claims[i] as NarrativeClaim);
    const disputing = side.disputing.map((i) => claims[i] as NarrativeClaim);
    // One speaker on both sides of a narrative contradicts themself: flagged, not a disputer.
    const selfContradicted = d.disputers.filter((x) => d.backers.includes(x));
    const question = questionOf.get(s) ?? '';
    narratives.push({
      id, event, question, answer: d.answer, label: `${questionById.get(question)?.text ?? ''} ${d.answer}`.trim(),
      claimIds: telling.map((c) => c.id), disputingClaimIds: disputing.map((c) => c.id),
      backers: d.backers, disputers: d.disputers.filter((x) => !d.backers.includes(x)),
      outlets: [...new Set([...telling, ...disputing].map(outletOf))],
      ...(selfContradicted.length > 0 ? { selfContradicted } : {}),
    });
  });

  const result: NarrativeConflict[] = conflicts.flatMap((c) => {
    const a = ids.get(c.a);
    const b = ids.get(c.b);
    if (!a || !b) return [];
    const evidence = c.evidence.map((e) => ({ signal: e.signal, claimA: claims[e.i]?.id ?? '', claimB: claims[e.j]?.id ?? '', weight: Math.round(e.weight * 100) / 100 }))
      .sort((x, y) => y.weight - x.weight);
    return [{ a, b, reason: [...new Set(evidence.map((e) => e.signal))].join('; '), evidence }];
  });
  const inNarrative = new Set(narratives.flatMap((x) => [...x.claimIds, ...x.disputingClaimIds]));
  const background = claims.filter((c) => c.voice === 'own' && !inNarrative.has(c.id)).map((c) => c.id);
  return { event, claims, questions, narratives, conflicts: result, background, skippedClaims };
}
