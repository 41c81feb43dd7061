/**
 * Which of an outlet's `omits` judgements the report states as omissions. "Gulf Monitor omits
 * 'Ukraine helped the attackers' (Bortnikov, Putin)" is a strong statement, and the coverage
 * judgement behind it is weak where the clustering is: on the dev gold events most reported
 * omissions were narratives the outlet tells in claims the clustering put in a sibling narrative,
 * in the background or in none. So an omission is reported only when the evidence is strong:
 *
 * 1. its coverage is `omits`: no claim of the outlet tells, disputes or discusses it;
 * 2. the outlet names none of the narrative's identifiable actors: its backers with a name ("Ted
 *    Cruz", "Justice Department"), or, when it has none (only descriptions such as "three sources
 *    familiar with the matter", "the representative", "supporters", which another outlet would
 *    write differently), its distinctive answer actors ("Iran" in "Iran warned Russia"). An
 *    outlet that quotes Santorum on the event and "omits" one of Santorum's narratives mostly
 *    tells it in claims the clustering put elsewhere; one that never names Ted Cruz does not
 *    carry Cruz's "Obamacare for the Internet". A narrative with no identifiable actor at all
 *    is never reported omitted: there is nothing to check the outlet against.
 *
 * 3. the outlet's text names none of them either ("the Trump administration" names Trump, though
 *    the actor stage takes no actor from it);
 * 4. its named backers speak in at least two outlets, or else the outlet never names its answer
 *    actors either. A voice one outlet alone quotes ("Alex Poulter" on the Tea Party, "Anita L.
 *    Russell" on the NAACP) is that outlet's own source, and the other outlets mostly tell the
 *    same side through other voices: on the dev gold events every such stated omission was wrong,
 *    while every right one had its backers quoted in two outlets. An outlet that never names Iran
 *    does not carry "Iran warned Russia", however few outlets carry it.
 *
 * The third session (2026-11-28) counted narratives one outlet carries too; the fourth measured
 * each test on dev (scripts/omission-errors.ts, README "Omissions and backers").
 * Test 2 then: 12 of 22 reported omissions right, 10 of the 18 gold ones found; requiring two
 * outlets instead: 4 of 9 right, 4 found.
 *
 * 5. it is a whole side, not a possible fragment of one the outlet tells through other voices:
 *    told by three claims or more, or contested, and the outlet tells no other narrative (its
 *    rivals aside) that paraphrases it (`whole-sides.ts`). On the 23 dev events (2026-11-28) 7 of
 *    the 13 wrong stated omissions were fragments of a gold side the outlet tells.
 *
 * The per-narrative `coverage` is unchanged: it still says `omits`; `omitted` lists only the
 * omissions stated with confidence.
 */
import type { ActorKind, Narrative, NarrativeClaim } from '../types/index.js';
import type { Coverage } from './types.js';
import { PARAPHRASE } from './whole-sides.js';

/** What test 5 reads (see `whole-sides.ts`), per narrative id. */
export interface WholeSide {
  /** The narrative is a whole side: enough telling claims, or contested (`sideSized`). */
  readonly sideSized: (id: string) => boolean;
  /** Highest paraphrase cosine to another narrative the outlet tells (`toldParaphrase`). */
  readonly paraphraseTold: (id: string) => number;
}

/** What {@link reportedOmissions} needs to know about an actor. */
export interface OmissionActor {
  readonly name: string;
  readonly kind: ActorKind;
  /** Other names it goes by ("Trump", "Donald Trump"); only those that name it are read. */
  readonly aliases?: readonly string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The names an outlet's text would use for an actor: its proper names and, for a person, the
 * surname alone ("Trump" for "Donald Trump"). Descriptions ("the president") are not names.
 * @example namesOf({ name: 'Ted Cruz', kind: 'person', aliases: ['Cruz', 'the senator'] }) // ['Ted Cruz', 'Cruz']
 */
export function namesOf(actor: OmissionActor): string[] {
  const names = [actor.name, ...(actor.aliases ?? [])].filter((n) => namedActor({ name: n, kind: actor.kind }));
  if (actor.kind === 'person') for (const n of [...names]) { const last = n.split(/\s+/).pop() ?? ''; if (last !== n && /^\p{Lu}\p{L}{2,}$/u.test(last)) names.push(last); }
  return [...new Set(names)];
}

/**
 * Whether a text names the actor: one of {@link namesOf} as a whole word, case as written. It
 * reads the text itself, not the actor stage's mentions, which miss names it does not take for
 * actors ("the Trump administration" names Trump; "Sen. Collins' office" names Collins).
 * @example namedIn({ name: 'Donald Trump', kind: 'person' }, ['trade rows within the Trump administration']) // true
 */
export function namedIn(actor: OmissionActor, texts: readonly string[]): boolean {
  const names = namesOf(actor);
  if (names.length === 0) return false;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  return texts.some((t) => re.test(t));
}

/** Kinds whose name describes rather than names ("three sources", "experts", "a poll"). */
const DESCRIBED: ReadonlySet<ActorKind> = new Set(['anonymous', 'generic', 'document']);

/**
 * Whether an actor's name identifies it across outlets: a proper name ("Ted Cruz", "FSB",
 * "Justice Department"), not a description ("the representative", "A source", "supporters").
 * @example namedActor({ name: 'Ted Cruz', kind: 'person' }) // true
 * @example namedActor({ name: 'the congressman', kind: 'person' }) // false
 */
export function namedActor(actor: OmissionActor): boolean {
  return !DESCRIBED.has(actor.kind) && /^[\p{Lu}\p{N}]/u.test(actor.name) && !/^(?:The|A|An)\s/.test(actor.name);
}

/**
 * Per narrative id, the number of outlets in which one of its backers speaks a claim that tells it
 * (the main speaker or a co-speaker): 1 for a voice one outlet alone quotes.
 */
export function voicedOutlets(narratives: readonly Narrative[], claims: readonly NarrativeClaim[]): Map<string, number> {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return new Map(narratives.map((n) => {
    const backers = new Set(n.backers);
    const outlets = new Set<string>();
    for (const id of n.claimIds) {
      const c = byId.get(id);
      if (c && [c.actorId, ...(c.coActorIds ?? [])].some((a) => a !== undefined && backers.has(a))) outlets.add(c.outlet ?? c.articleId);
    }
    return [n.id, outlets.size];
  }));
}

/**
 * The narratives an outlet is reported to omit, in the order of `narratives`. `coverage` is the
 * outlet's coverage of each narrative (by id); `mentioned` the cross-actor ids its articles name;
 * `answers` each narrative's distinctive answer actors (see `distinctiveActors`); `actorOf` looks
 * an actor id up (an unknown id counts as not named); `texts` the outlet's sentences; `voicedIn`
 * the outlets each narrative's backers speak in (see {@link voicedOutlets}; without it test 4 is
 * not applied); `whole` the side tests of `whole-sides.ts` (without it test 5 is not applied).
 */
export function reportedOmissions(
  narratives: readonly Narrative[], coverage: ReadonlyMap<string, Coverage> | undefined, mentioned: ReadonlySet<string> | undefined,
  answers: ReadonlyMap<string, ReadonlySet<string>>, actorOf: (id: string) => OmissionActor | undefined, texts: readonly string[] = [],
  voicedIn?: ReadonlyMap<string, number>, whole?: WholeSide,
): string[] {
  const named = (id: string): boolean => { const actor = actorOf(id); return actor !== undefined && namedActor(actor); };
  const inText = (id: string): boolean => { const actor = actorOf(id); return actor !== undefined && namedIn(actor, texts); };
  return narratives.filter((n) => {
    if (coverage?.get(n.id) !== 'omits') return false;
    // Test 5: a whole side the outlet tells through no sibling (whole-sides.ts).
    if (whole && (!whole.sideSized(n.id) || whole.paraphraseTold(n.id) >= PARAPHRASE)) return false;
    const silentOn = (ids: readonly string[]): boolean => ids.length > 0 && !ids.some((id) => mentioned?.has(id) || inText(id));
    const backers = n.backers.filter(named);
    const answerActors = [...(answers.get(n.id) ?? [])].filter(named);
    if (backers.length === 0) return silentOn(answerActors);
    if (!silentOn(backers)) return false;
    // A voice one outlet alone quotes: stated only if the outlet is silent on the answer too.
    return !voicedIn || (voicedIn.get(n.id) ?? 0) >= 2 || silentOn(answerActors);
  }).map((n) => n.id);
}
