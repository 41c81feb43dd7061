/**
 * Step 7.1b: who speaks in an attribution, as article-local actors: the most specific actor
 * inside its source, never one named in a modifier of it, a place before a party label, or an
 * institution through its former staff (`speakersOf`; used by `cross-actors.ts` and `claims.ts`).
 */
import type { ActorKind, AnalyzedArticle, Attribution } from '../types/index.js';
import { issuerOf } from './issuers.js';

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
export const INSTITUTIONS: ReadonlySet<ActorKind> = new Set(['organisation', 'state', 'group']);

/** "The DOJ alumni", "Pentagon veterans": the institution's name only qualifies its former staff. */
const alumni = (spans: readonly { readonly start: number; readonly text: string }[], mention: { readonly start: number; readonly end: number }): boolean =>
  spans.some((s) => mention.start >= s.start && /^\s+(?:alumni|alums|veterans)\b/i.test(s.text.slice(mention.end - s.start)));

function findSpeakers(article: AnalyzedArticle, attribution: Attribution, documents = true): string[] {
  const source = attribution.source;
  if (!source || askedBy(article, attribution)) return [];
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
  if (found.length === 0) return source.actorId && !formerOnly && !qualifierOnly ? [source.actorId] : antecedentOf(article, source.spans);
  found.sort((x, y) => y.rank - x.rank || y.start - x.start);
  const main = found[0];
  if (!main) return [];
  const reported = mainIsMedia(article, main.id) ? personOpening(article, attribution) : undefined;
  if (reported) return [reported];
  // A document speaks for whoever issued it ("Jealous said in a written statement ... The
  // statement called ...": Jealous), when the text says who (see `issuerOf`).
  const doc = documents ? article.actors.find((a) => a.id === main.id && a.kind === 'document') : undefined;
  const issuers = doc ? issuerOf(article, doc, (a) => findSpeakers(article, a, false)) : undefined;
  if (issuers && issuers.length > 0) return issuers;
  const coordinated = /\band\b|&/.test(source.spans.map((s) => s.text).join(' ')) && main.rank < SPECIFICITY.person;
  const ids = coordinated ? conjuncts(article, found, source.spans[0]?.start ?? 0) : coordinatedPeople(article, found, main) ?? [main.id];
  return [...new Set(ids)];
}

/** Verbs of asking: their passive agent asks, it claims nothing. */
const ASKING = new Set(['ask', 'question', 'press', 'query', 'quiz', 'interview', 'interrogate']);

/**
 * A source that is the agent of a passive question: "when questioned by lawmakers about
 * granting Iran access", "Asked by reporters whether he would resign": the lawmakers and the
 * reporters ask; they neither back nor dispute what they ask about.
 */
function askedBy(article: AnalyzedArticle, attribution: Attribution): boolean {
  const first = attribution.source?.spans[0];
  if (!first || !ASKING.has(attribution.cue.lemma)) return false;
  return attribution.cue.spans.some((c) => c.end <= first.start && /^\s+by\s+$/i.test(article.text.slice(c.end, first.start)));
}

/** A preposition that opens a modifier of a noun: "officers [in] counties", "officials [at] the department". */
const PREPOSITION = /\b(?:at|in|of|from|for|with|along|near|bordering|across|outside|inside|around|within|on|over|to)\b/i;

/**
 * The actors of a coordinated source that speak: the conjuncts, not actors named in a modifier
 * of one ("The US and the EU" -> both; "some sheriffs and police officers in rural counties
 * bordering Colorado" -> not Colorado; "former prosecutors and officials at the Department of
 * Justice" -> not the department). Read left to right: an actor after a preposition since the
 * last speaker (or the source's start) is in a modifier.
 */
function conjuncts(article: AnalyzedArticle, found: readonly { id: string; rank: number; start: number; end: number }[], sourceStart: number): string[] {
  const ordered = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: string[] = [];
  let from = sourceStart;
  for (const f of ordered) {
    if (f.start < from) continue; // inside a kept mention
    if (PREPOSITION.test(article.text.slice(from, f.start))) continue;
    out.push(f.id);
    from = f.end;
  }
  return out.length > 0 ? out : found.map((f) => f.id);
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
