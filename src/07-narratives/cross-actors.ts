/**
 * Step 7.1: merge the per-article actors of a comparison into cross-article actors, so "Kremlin
 * spokesman Dmitry Peskov" in one outlet and "Peskov" in another count as one backer.
 */
import { gazetteers } from '../04-actors/gazetteers.js';
import { jaroWinkler } from '../adapters/natural.js';
import type { Actor, ActorKind, AnalyzedArticle } from '../types/index.js';
import type { CrossActor } from '../types/narratives.js';
import { INSTITUTIONS } from './speakers.js';

export { speakersOf } from './speakers.js';

/** The cross-article actors of a comparison and a lookup from article-local ids. */
export interface CrossActors {
  readonly actors: readonly CrossActor[];
  /** Cross-actor id of an article's local actor id, or undefined. */
  idOf(articleId: string, actorId: string | null | undefined): string | undefined;
}

/** Normalise a name for matching: lower case, straight quotes, no leading article or possessive. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[’‘]/g, "'").replace(/^(the|a|an)\s+/, '').replace(/'s$/, '').replace(/\s+/g, ' ').trim();
}

/** Aliases that name the actor rather than describe it: they start with a capital or a digit ("FSB", "ISIS-K", not "the group"). */
function namingAliases(actor: Actor): string[] {
  const keys = new Set([nameKey(actor.name)]);
  if (actor.kind === 'anonymous' || actor.kind === 'generic') return [...keys];
  for (const alias of actor.aliases) if (/^[A-Z0-9]/.test(alias) && !/^(The|A|An)\s/.test(alias)) keys.add(nameKey(alias));
  return [...keys];
}

/**
 * Whether two given names are one name: equal, a nickname of the same formal name ("Bill" /
 * "William", "Liz" / "Elizabeth", from `data/gazetteers/nicknames.json`), or a short form of three
 * letters or more that begins the full one ("Ben" / "Benjamin", "Chris" / "Christopher").
 * @example sameGivenName('Bill', 'William') // true
 * @example sameGivenName('Liz', 'Mary') // false
 */
export function sameGivenName(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\.$/, '');
  const y = b.toLowerCase().replace(/\.$/, '');
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 3 && long.startsWith(short)) return true;
  const formal = gazetteers().formalNames;
  const fx = formal(x);
  return formal(y).some((f) => fx.includes(f));
}

/** The given name of a full name, past leading initials: "A. Barry Rand" -> "Barry" (one person with "Barry Rand"). */
function givenName(name: string): string {
  const parts = name.split(/\s+/);
  return parts.slice(0, -1).find((p) => !/^[A-Z]\.$/.test(p)) ?? parts[0] ?? '';
}

/** Quantifiers before a description that are not part of what it names ("Many", "Some", "Most"). */
const QUANTIFIER = /^(?:many|some|most|several|other|few|all|both|the|a|an|these|those)\s+/i;

/**
 * The fuller descriptions a source writes for an anonymous or generic actor that the actor stage
 * named by its head noun: "Net neutrality supporters" for "supporters", "Many open internet
 * activists" as "open internet activists" for "activists". Read from the sources it speaks in, so
 * they are surface forms of that actor; they become aliases, never merge keys (two outlets'
 * "supporters" still merge only on identical descriptions).
 */
function describedAs(article: AnalyzedArticle, actor: Actor): string[] {
  const described = actor.kind === 'generic' || actor.kind === 'anonymous';
  const collective = INSTITUTIONS.has(actor.kind);
  if (!described && !collective) return [];
  const out = new Set<string>();
  const names = [actor.name, ...actor.aliases].map((n) => n.toLowerCase().replace(/^the\s+/, ''));
  for (const a of article.attributions) {
    if (a.source?.actorId !== actor.id || a.source.spans.length !== 1) continue;
    const text = (a.source.spans[0]?.text ?? '').trim().replace(QUANTIFIER, '');
    const lower = text.toLowerCase();
    if (text.split(/\s+/).length > 5 || /[,;:()]/.test(text)) continue;
    // A modifier before a description's head: "Net neutrality supporters", not "supporters of the bill who spoke".
    if (described && lower.endsWith(actor.name.toLowerCase()) && text.length > actor.name.length) out.add(text);
    // An institution's people speaking as it: "Tea Party groups", "Tea Party organizers" for the Tea Party.
    if (collective && names.some((n) => new RegExp(`^${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(?:${COLLECTIVE})$`).test(lower))) out.add(text);
  }
  return [...out];
}

/** Plural nouns for an institution's people speaking as it ("Tea Party organizers", "NAACP leaders"). */
const COLLECTIVE = 'groups|members|organizers|organisers|leaders|activists|officials';

/** A legal or coalition suffix of an organisation's name ("Coalition", "Inc.", "Corp.", "LLC"). */
const ORG_SUFFIX = /,?\s+(?:coalition|inc\.?|incorporated|corp\.?|corporation|co\.|llc|ltd\.?|plc)$/;

/** Kinds that may merge: a metonym's state and the state, groups tagged as organisations. */
function compatible(a: ActorKind, b: ActorKind): boolean {
  if (a === b) return true;
  const loose = new Set<ActorKind>(['organisation', 'group', 'state']);
  return loose.has(a) && loose.has(b);
}

/**
 * Merge actors across articles. Two actors merge when they share a canonical name or a naming
 * alias and their kinds are compatible ("Peskov" (person) never merges with "Kremlin" (state)).
 * Anonymous and generic sources merge only on identical descriptions ("US officials").
 * Linear in the number of actors (a map from name keys to the first actor that used them).
 */
export function mergeActors(articles: readonly AnalyzedArticle[]): CrossActors {
  interface Group { name: string; kind: ActorKind; aliases: Set<string>; members: { articleId: string; actorId: string }[]; mentions: number }
  const groups: Group[] = [];
  const byKey = new Map<string, number>();
  const local = new Map<string, number>();
  for (const article of articles) {
    for (const actor of article.actors) {
      const keys = namingAliases(actor);
      let index = keys.map((k) => byKey.get(`${k}`)).find((i) => i !== undefined && compatible(groups[i]?.kind ?? actor.kind, actor.kind));
      if (index === undefined) {
        index = groups.length;
        groups.push({ name: actor.name, kind: actor.kind, aliases: new Set(), members: [], mentions: 0 });
      }
      const group = groups[index];
      if (!group) continue;
      // The most-mentioned member names the group: "Dmitry Peskov" over "Peskov".
      if (actor.mentions.length > group.mentions || (actor.name.length > group.name.length && actor.mentions.length === group.mentions)) {
        group.name = actor.name;
        group.mentions = actor.mentions.length;
      }
      for (const alias of actor.aliases) group.aliases.add(alias);
      group.aliases.add(actor.name);
      for (const written of describedAs(article, actor)) group.aliases.add(written);
      group.members.push({ articleId: article.id, actorId: actor.id });
      for (const key of keys) if (!byKey.has(key)) byKey.set(key, index);
      local.set(`${article.id}\u0000${actor.id}`, index);
    }
  }
  // "Soleimani" in one outlet, "Qassem Soleimani" in another: a one-word person name joins the
  // only person whose full name ends with it.
  const target = groups.map((_, i) => i);
  // Within each bucket, merge the later group into the earlier wherever `same` holds for two groups
  // still standing for themselves (`rename`: the most-mentioned member then names the person).
  const mergeWithin = (buckets: Iterable<number[]>, same: (a: Group, b: Group) => boolean, rename: boolean): void => {
    for (const members of buckets) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const i = members[x] ?? 0;
          const j = members[y] ?? 0;
          const a = groups[i];
          const b = groups[j];
          if (!a || !b || target[j] !== j || target[i] !== i || !same(a, b)) continue;
          target[j] = i;
          a.members.push(...b.members);
          for (const alias of b.aliases) a.aliases.add(alias);
          if (rename && b.mentions > a.mentions) { a.name = b.name; a.mentions = b.mentions; }
          for (let k = 0; k < target.length; k++) if (target[k] === j) target[k] = i;
        }
      }
    }
  };
  // Full person names (two words or more) still standing for themselves, by surname.
  const fullNamesBySurname = (): Map<string, number[]> => {
    const out = new Map<string, number[]>();
    groups.forEach((g, i) => {
      const parts = g.name.split(/\s+/);
      if (g.kind === 'person' && parts.length > 1 && target[i] === i) {
        const last = nameKey(parts[parts.length - 1] ?? '');
        out.set(last, [...(out.get(last) ?? []), i]);
      }
    });
    return out;
  };
  // "Qassem Soleimani" and "Qasem Soleimani": full person names spelt alike (Jaro-Winkler >= 0.95),
  // compared within buckets of the same surname initials so the pass stays near linear.
  const buckets = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (g.kind !== 'person' || target[i] !== i || !g.name.includes(' ')) return;
    const key = nameKey(g.name.split(/\s+/).pop() ?? '').slice(0, 3);
    buckets.set(key, [...(buckets.get(key) ?? []), i]);
  });
  mergeWithin(buckets.values(), (a, b) => jaroWinkler(a.name, b.name) >= 0.95, false);
  // "Bill Kristol" in one outlet, "William Kristol" in another; "Ben Jealous" and "Benjamin Todd
  // Jealous": full person names with one surname whose given names are one name are one person.
  mergeWithin(fullNamesBySurname().values(), (a, b) => sameGivenName(givenName(a.name), givenName(b.name)), true);
  const bySurname = fullNamesBySurname();
  groups.forEach((g, i) => {
    if (g.kind !== 'person' || g.name.includes(' ') || target[i] !== i) return;
    const candidates = bySurname.get(nameKey(g.name)) ?? [];
    const into = candidates[0];
    if (candidates.length !== 1 || into === undefined) return;
    target[i] = into;
    const full = groups[into];
    if (!full) return;
    full.members.push(...g.members);
    for (const alias of g.aliases) full.aliases.add(alias);
  });
  // "St. Louis Tea Party Coalition" in one outlet, "St. Louis Tea Party" in another; "Verizon
  // Inc." and "Verizon": an organisation's name with a legal or coalition suffix is the bare name,
  // when one organisation alone bears the bare name.
  const bare = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (target[i] !== i || !compatible(g.kind, 'organisation')) return;
    const key = nameKey(g.name).replace(ORG_SUFFIX, '');
    bare.set(key, [...(bare.get(key) ?? []), i]);
  });
  mergeWithin([...bare.values()].filter((members) => members.filter((i) => !ORG_SUFFIX.test(nameKey(groups[i]?.name ?? ''))).length === 1), () => true, false);
  const kept = groups.map((_, i) => i).filter((i) => target[i] === i);
  const idOfGroup = new Map(kept.map((i, k) => [i, `A${k + 1}`]));
  const actors: CrossActor[] = kept.map((i) => {
    const g = groups[i] as Group;
    return { id: idOfGroup.get(i) ?? '', name: g.name, kind: g.kind, aliases: [...g.aliases].sort(), members: g.members };
  });
  return {
    actors,
    idOf: (articleId, actorId) => {
      if (!actorId) return undefined;
      const index = local.get(`${articleId}\u0000${actorId}`);
      return index === undefined ? undefined : idOfGroup.get(target[index] ?? index);
    },
  };
}
