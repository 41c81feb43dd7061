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
 * A narrative only one outlet carries counts too ("only Fox quotes Jim DeMint; the Times never
 * names him"). The earlier rule reported only narratives two outlets carry, because one outlet's
 * story "omitted" by the others was mostly told by them in other claims; with test 2 that is no
 * longer so. On the 16 dev gold events (2026-11-28): 12 of 22 reported omissions right, 10 of
 * the 18 gold ones found; requiring two outlets: 4 of 9 right, 4 found; requiring two outlets or
 * a named backer of two claims or more: 6 of 14, 5 found.
 *
 * The per-narrative `coverage` is unchanged: it still says `omits`; `omitted` lists only the
 * omissions stated with confidence.
 */
import type { ActorKind, Narrative } from '../types/index.js';
import type { Coverage } from './types.js';

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
 * The narratives an outlet is reported to omit, in the order of `narratives`. `coverage` is the
 * outlet's coverage of each narrative (by id); `mentioned` the cross-actor ids its articles name;
 * `answers` each narrative's distinctive answer actors (see `distinctiveActors`); `actorOf` looks
 * an actor id up (an unknown id counts as not named).
 */
export function reportedOmissions(
  narratives: readonly Narrative[], coverage: ReadonlyMap<string, Coverage> | undefined, mentioned: ReadonlySet<string> | undefined,
  answers: ReadonlyMap<string, ReadonlySet<string>>, actorOf: (id: string) => OmissionActor | undefined, texts: readonly string[] = [],
): string[] {
  const named = (id: string): boolean => { const actor = actorOf(id); return actor !== undefined && namedActor(actor); };
  const inText = (id: string): boolean => { const actor = actorOf(id); return actor !== undefined && namedIn(actor, texts); };
  return narratives.filter((n) => {
    if (coverage?.get(n.id) !== 'omits') return false;
    const backers = n.backers.filter(named);
    const identifiable = backers.length > 0 ? backers : [...(answers.get(n.id) ?? [])].filter(named);
    return identifiable.length > 0 && !identifiable.some((id) => mentioned?.has(id) || inText(id));
  }).map((n) => n.id);
}
