/**
 * Step 7.1: merge the per-article actors of a comparison into cross-article actors, so "Kremlin
 * spokesman Dmitry Peskov" in one outlet and "Peskov" in another count as one backer.
 */
import { gazetteers } from '../04-actors/gazetteers.js';
import { jaroWinkler } from '../adapters/natural.js';
import type { Actor, ActorKind, AnalyzedArticle, Attribution } from '../types/index.js';
import type { CrossActor } from '../types/narratives.js';

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

/** Rank of an actor kind as a speaker: a named person is the most specific source. */
const SPECIFICITY: Readonly<Record<ActorKind, number>> = {
  person: 5, anonymous: 4, media: 3, document: 3, generic: 3, group: 2, organisation: 2, state: 1,
};

/**
 * The article-local actors who speak in an attribution, the main speaker first. The attribution
 * stage sometimes resolves a source phrase to the state in it; the most specific actor mentioned
 * inside the source spans wins ("Kremlin spokesman Dmitry Peskov said" -> Peskov, not Russia), the
 * last mention on ties (the head of an English noun phrase comes last). A coordinated source
 * without a person gives every actor in it ("The US and the EU have insisted" -> US, EU).
 */
export function speakersOf(article: AnalyzedArticle, attribution: Attribution): string[] {
  // Claims, framing and prominence all ask for the same attribution: compute it once.
  const cached = speakerCache.get(attribution);
  if (cached) return cached;
  const found = findSpeakers(article, attribution);
  speakerCache.set(attribution, found);
  return found;
}

const speakerCache = new WeakMap<Attribution, string[]>();

/** A party label right after a mention: "South Carolina[ Republican]", "Tennessee[ Democrat]". */
const PARTY_AFTER = /^\s+(?:Republican|Democrat|Independent|Libertarian)\b/;

/** Kinds that are institutions, not people described: their former staff do not speak for them. */
const INSTITUTIONS: ReadonlySet<ActorKind> = new Set(['organisation', 'state', 'group']);

/** "The DOJ alumni", "Pentagon veterans": the institution's name only qualifies its former staff. */
const alumni = (spans: readonly { readonly start: number; readonly text: string }[], mention: { readonly start: number; readonly end: number }): boolean =>
  spans.some((s) => mention.start >= s.start && /^\s+(?:alumni|alums|veterans)\b/i.test(s.text.slice(mention.end - s.start)));

function findSpeakers(article: AnalyzedArticle, attribution: Attribution): string[] {
  const source = attribution.source;
  if (!source) return [];
  const found: { id: string; rank: number; start: number; end: number }[] = [];
  // "More than 1,100 former Department of Justice officials": people who once worked for an
  // institution speak for themselves, not for it.
  const former = source.spans.flatMap((s) => [...s.text.matchAll(/\bformer\b/gi)].map((m) => s.start + (m.index ?? 0)));
  let formerOnly = false;
  let qualifierOnly = false;
  const modifiers = modifierStarts(article, source.spans);
  for (const actor of article.actors) {
    for (const mention of actor.mentions) {
      if (!source.spans.some((s) => mention.start >= s.start && mention.end <= s.end)) continue;
      if (modifiers.some((m) => mention.start >= m.start && mention.end <= m.end)) continue;
      // "the South Carolina Republican said", "a Tennessee Democrat": a place before a party
      // label describes a politician; the state does not speak.
      if (actor.kind !== 'person' && PARTY_AFTER.test(article.text.slice(mention.end, mention.end + 16))) {
        qualifierOnly = true;
        continue;
      }
      // "the former department officials": "former" inside an institution's mention counts too
      // ("The former official" is a person described, and speaks for themself).
      const before = former.some((at) => at < mention.start && mention.start - at <= 12);
      const inside = INSTITUTIONS.has(actor.kind) && former.some((at) => at > mention.start && at < mention.end);
      if (actor.kind !== 'person' && (before || inside || alumni(source.spans, mention))) {
        formerOnly = true;
        continue;
      }
      found.push({ id: actor.id, rank: SPECIFICITY[actor.kind] + (actor.id === source.actorId ? 0.5 : 0), start: mention.start, end: mention.end });
    }
  }
  const named = titledNameAfter(article, source.spans);
  if (named) found.push({ id: named.actorId, rank: SPECIFICITY.person + 1, start: named.start, end: named.start });
  if (found.length === 0) return source.actorId && !formerOnly && !qualifierOnly ? [source.actorId] : antecedentOf(article, source.spans);
  found.sort((x, y) => y.rank - x.rank || y.start - x.start);
  const main = found[0];
  if (!main) return [];
  const reported = mainIsMedia(article, main.id) ? personOpening(article, attribution) : undefined;
  if (reported) return [reported];
  const coordinated = /\band\b|&/.test(source.spans.map((s) => s.text).join(' ')) && main.rank < SPECIFICITY.person;
  const ids = coordinated ? found.map((f) => f.id) : coordinatedPeople(article, found, main) ?? [main.id];
  return [...new Set(ids)];
}

/**
 * People named side by side with "and" in one source all speak: "Two other Republican senators,
 * John McCain and Rand Paul, said" is McCain and Paul ("Marco Rubio, Jeff Flake and Bob Corker"
 * too). Only names joined by nothing but commas and "and"; undefined when the main speaker is
 * in no such list.
 */
function coordinatedPeople(article: AnalyzedArticle, found: readonly { id: string; rank: number; start: number; end: number }[], main: { id: string; start: number }): string[] | undefined {
  const people = found.filter((f) => f.rank >= SPECIFICITY.person && f.end > f.start).sort((a, b) => a.start - b.start);
  let chain: typeof people = [];
  let joinedByAnd = false;
  for (const p of people) {
    const previous = chain[chain.length - 1];
    const gap = previous ? article.text.slice(previous.end, p.start) : '';
    if (previous && /^\s*,?\s*(?:(?:and|&)\s+)?$/.test(gap) && gap.trim() !== '') {
      chain.push(p);
      joinedByAnd ||= /\b(?:and)\b|&/.test(gap);
      continue;
    }
    if (joinedByAnd && chain.some((c) => c.start === main.start)) break;
    chain = [p];
    joinedByAnd = false;
  }
  return joinedByAnd && chain.some((c) => c.start === main.start) ? chain.map((c) => c.id) : undefined;
}

/**
 * A source cut off after a title, before the name it introduces: "[Alaska Rep.] Don Young issued
 * an apology ..., saying ...": the person named right after the title speaks, not the state.
 */
function titledNameAfter(article: AnalyzedArticle, spans: readonly { readonly end: number; readonly text: string }[]): { actorId: string; start: number } | undefined {
  const last = spans[spans.length - 1];
  const word = /(\S+)\s*$/.exec(last?.text ?? '')?.[1]?.toLowerCase() ?? '';
  if (!last || word === '' || gazetteers().titles.matchAt([word], 0).length === 0) return undefined;
  for (const actor of article.actors) {
    if (actor.kind !== 'person') continue;
    const m = actor.mentions.find((x) => x.form === 'name' && x.start >= last.end && /^\s{0,2}$/.test(article.text.slice(last.end, x.start)));
    if (m) return { actorId: actor.id, start: m.start };
  }
  return undefined;
}

const mainIsMedia = (article: AnalyzedArticle, id: string): boolean => article.actors.find((a) => a.id === id)?.kind === 'media';

/**
 * The person a news organisation reports as acting, when its content opens with that person:
 * "According to the Times, Mary Cheney ... took to Facebook to rebuke her sister" is Mary Cheney's
 * claim, which the Times relays; an outlet reporting a claim does not back it. A content that
 * opens otherwise ("Reuters reported, citing three sources, that Iran warned Russia") stays the
 * organisation's.
 */
function personOpening(article: AnalyzedArticle, attribution: Attribution): string | undefined {
  const first = attribution.content[0];
  if (!first) return undefined;
  const opening = first.start + (/^\W*(?:that\s+)?/i.exec(first.text)?.[0].length ?? 0);
  return article.actors.find((a) => a.kind === 'person' && a.mentions.some((m) => m.form !== 'pronoun' && m.start === opening))?.id;
}

/**
 * The stretches of a source that modify its head rather than name a speaker: a relative clause or
 * an appositive after the head mention and a comma. "Santorum, who has pulled ahead of Mitt Romney
 * in polling, said" is Santorum speaking, not Romney; "Mary Cheney, the younger sister of Liz
 * Cheney, criticized" is Mary. A comma before a capital ("Smith, Jones and Brown") or before "and"
 * is a list, not a modifier; a head that is no actor's mention ("A spokeswoman for the top
 * Republican, Rep. Doug Collins") leaves the source as it is.
 */
function modifierStarts(article: AnalyzedArticle, spans: readonly { readonly start: number; readonly end: number; readonly text: string }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const span of spans) {
    // After a party label the name is closed: "Sen. Tim Scott, R-S.C., Graham's South Carolina
    // colleague" is Scott speaking, whatever the appositive opens with.
    const comma = /,\s+(?!(?:and|or|nor)\b)(?=who\b|whose\b|which\b|[a-z])|(?<=,\s*\(?[RDI]-[A-Z][A-Za-z.]*\)?\s*),\s+(?!(?:and|or|nor)\b)/.exec(span.text);
    if (!comma) continue;
    const at = span.start + comma.index;
    const head = article.actors.some((a) => a.mentions.some((m) => m.form !== 'pronoun' && m.start >= span.start && m.end <= at && /^\s*(?:,\s*\(?[RDI]-[A-Z][A-Za-z.]*\)?\s*)?$/.test(article.text.slice(m.end, at))));
    if (head) out.push({ start: at, end: span.end });
  }
  return out;
}

/**
 * The speaker a relative pronoun stands for: "according to US intelligence officials, who said
 * they had warned Moscow" -> the actor whose mention ends just before ", who". Only a lone "who"
 * or "which" source right after a mention (a comma between at most); anything else has no speaker.
 */
function antecedentOf(article: AnalyzedArticle, spans: readonly { readonly start: number; readonly end: number; readonly text: string }[]): string[] {
  const only = spans.length === 1 ? spans[0] : undefined;
  if (!only || !/^(?:who|which)$/i.test(only.text.trim())) return [];
  let best: { id: string; end: number } | null = null;
  for (const actor of article.actors) {
    for (const m of actor.mentions) {
      if (m.form === 'pronoun' || m.end > only.start) continue;
      if (!/^\s*,?\s*$/.test(article.text.slice(m.end, only.start))) continue;
      if (!best || m.end > best.end) best = { id: actor.id, end: m.end };
    }
  }
  return best ? [best.id] : [];
}
