/**
 * Rule: unnamed sources, as noun phrases around a head word from `sources.json`.
 * - anonymous: "three sources familiar with the matter", "a source", "officials",
 *   "one of the sources" (a partitive: the same sources as before);
 * - generic: "US officials", "experts", "some critics";
 * - documents: "a Bloomberg poll", "A new report", "the report" (the same report as before).
 */
import type { Candidate, Link } from './candidate.js';
import { PRIORITY } from './candidate.js';
import type { Context } from './context.js';
import { isCapitalised, spanText } from './text.js';

/** Quantifiers of a partitive: "one of the sources", "two of the officials". */
const PARTITIVE = new Set(['one', 'two', 'three', 'four', 'some', 'several', 'many', 'most', 'all', 'both', 'each', 'none', 'another']);
/** Adjectives that keep a source anonymous: "two senior officials", "an unnamed source". */
const ANONYMOUS_ADJ = new Set(['senior', 'top', 'unnamed', 'anonymous', 'several', 'other', 'multiple', 'informed', 'knowledgeable', 'reliable', 'high-ranking', 'current', 'former', 'some', 'many', 'two', 'three', 'four', 'five']);
/** Nouns that make "officials" a generic, identified collective: "administration officials". */
const AFFILIATION = new Set(['administration', 'government', 'intelligence', 'military', 'security', 'campaign', 'enforcement', 'law', 'health', 'defense', 'defence', 'state', 'federal', 'local', 'election', 'police', 'party', 'western', 'european', 'foreign']);
const WH = new Set(['what', 'which', 'whose', 'whatever', 'whichever']);
const DEFINITE = new Set(['the', 'these', 'those', 'this', 'that']);
const MAX_TAIL = 6;

/** Find anonymous, generic and document source phrases. */
export function findSources(ctx: Context): Candidate[] {
  const found: Candidate[] = [];
  const { words, segmented } = ctx;
  for (let i = 0; i < words.length; i++) {
    const t = segmented.tokens[i];
    if (!t || (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'NUM' && t.pos !== 'PRON')) continue;
    const c = partitive(ctx, i) ?? spokesperson(ctx, i) ?? anonymousOrGeneric(ctx, i) ?? document(ctx, i);
    if (c) {
      found.push(c);
      i = c.end - 1;
    }
  }
  return found;
}

/** "one of the sources told the news agency": the sources mentioned before. */
function partitive(ctx: Context, i: number): Candidate | undefined {
  const { words } = ctx;
  if (!PARTITIVE.has(words[i] ?? '') || words[i + 1] !== 'of' || !DEFINITE.has(words[i + 2] ?? '')) return undefined;
  const head = words[i + 3] ?? '';
  if (!ctx.gaz.anonymousHeads.has(head)) return undefined;
  const link: Link = { to: 'recent', kinds: ['anonymous', 'generic'], head: lemma(head), orNew: true };
  return source(ctx, i, i + 4, 'anonymous', '', lemma(head), link);
}

/**
 * "The Justice Department declined to comment, a spokeswoman said": an unnamed spokesperson,
 * with the body it speaks for ("a spokesman for the ministry"). Not an apposition of a name
 * ("Dmitry Peskov, a Kremlin spokesman,") and not a title before one ("spokesman Peskov").
 */
function spokesperson(ctx: Context, head: number): Candidate | undefined {
  const { words, gaz, segmented } = ctx;
  const word = words[head] ?? '';
  if (!gaz.spokespeople.has(word)) return undefined;
  let first = head - 1;
  while (first > head - 3 && segmented.tokens[first]?.pos === 'PROPN') first--; // "a Kremlin spokesman"
  if (words[first] !== 'a' && words[first] !== 'an') return undefined;
  if (words[first - 1] === ',' && segmented.tokens[first - 2]?.pos === 'PROPN') return undefined;
  const next = segmented.tokens[head + 1];
  if (next && next.pos === 'PROPN' && isCapitalised(next)) return undefined;
  const end = words[head + 1] === 'for' ? tail(ctx, head + 2) : head + 1;
  const c = source(ctx, first, end, 'anonymous', '', word);
  return { ...c, gender: gaz.gendered.get(word) ?? '' };
}

/** The left edge of a noun phrase ending before `head`: determiners, numbers, adjectives, names. */
function leftEdge(ctx: Context, head: number): number {
  const { segmented, words } = ctx;
  let first = head;
  for (let k = head - 1; k >= 0 && head - k <= 4; k--) {
    const t = segmented.tokens[k];
    if (!t || t.sentence !== segmented.tokens[head]?.sentence) break;
    const ok = t.pos === 'DET' || t.pos === 'NUM' || t.pos === 'ADJ' || t.pos === 'PROPN' || (t.pos === 'NOUN' && AFFILIATION.has(words[k] ?? ''));
    // "what multiple lawmakers": a wh-word is a DET for wink but opens a clause, not a phrase.
    if (!ok || words[k] === "'s" || WH.has(words[k] ?? '')) break;
    first = k;
    if (t.pos === 'DET') break; // nothing comes before the determiner
  }
  return first;
}

function anonymousOrGeneric(ctx: Context, head: number): Candidate | undefined {
  const { words, gaz, segmented } = ctx;
  const word = words[head] ?? '';
  const generic = gaz.genericHeads.matchAt(words, head)[0];
  if ((!generic && !gaz.anonymousHeads.has(word)) || !isCommonNoun(ctx, head)) return undefined;
  const first = leftEdge(ctx, head);
  const modifiers = words.slice(first, head);
  // "three sources familiar with the matter": a qualifier makes any source head anonymous.
  if (gaz.anonymousHeads.has(word)) {
    const qualifier = gaz.anonymousQualifiers.matchAt(words, head + 1)[0];
    if (qualifier) {
      // "an official who spoke on condition of anonymity": a relative clause runs to the comma.
      const clause = qualifier[1][0]?.startsWith('who') || qualifier[1][0]?.startsWith('speaking') || qualifier[1][0]?.startsWith('not');
      const end = clause ? clauseEnd(ctx, head + 1 + qualifier[0]) : tail(ctx, head + 1 + qualifier[0]);
      return source(ctx, first, end, 'anonymous', '', lemma(word));
    }
  }
  const affiliated = modifiers.some((_, k) => isAffiliation(ctx, first + k));
  // "sources said", "a source", "two senior officials": bare anonymous heads.
  // "a Russian official" is still one unnamed person; "Russian officials" is a collective.
  if (gaz.anonymousBareHeads.has(word) && !(affiliated && generic)) {
    const plain = modifiers.every((w, k) => {
      const t = segmented.tokens[first + k];
      return ANONYMOUS_ADJ.has(w) || t?.pos === 'DET' || t?.pos === 'NUM' || isAffiliation(ctx, first + k);
    });
    // "renewable energy sources", "new sources of revenue": other modifiers make it not a person.
    const before = segmented.tokens[first - 1];
    const compound = before !== undefined && (before.pos === 'NOUN' || before.pos === 'ADJ') && before.sentence === segmented.tokens[head]?.sentence;
    if (!plain || compound) return undefined;
    const definite = DEFINITE.has(modifiers[0] ?? '');
    const link: Link | undefined = definite ? { to: 'recent', kinds: ['anonymous', 'generic'], head: lemma(word), orNew: true } : undefined;
    return source(ctx, first, head + 1, 'anonymous', '', lemma(word), link);
  }
  // "US officials", "experts", "some critics": generic collectives, one actor per phrase.
  if (generic) {
    const end = head + generic[0];
    const core = words.slice(first, end).filter((w, k) => {
      const p = segmented.tokens[first + k]?.pos;
      return p !== 'DET' && p !== 'NUM' && !ANONYMOUS_ADJ.has(w);
    });
    return source(ctx, first, end, 'generic', `generic:${core.join(' ')}`, lemma(words[end - 1] ?? ''));
  }
  return undefined;
}

/** "a Bloomberg poll", "A new report reveals", "the report": documents that show or find. */
function document(ctx: Context, head: number): Candidate | undefined {
  const { words, gaz, segmented } = ctx;
  const word = words[head] ?? '';
  if (!gaz.documentHeads.has(word) || !isCommonNoun(ctx, head)) return undefined;
  let first = head;
  for (let k = head - 1; k >= 0 && head - k <= 4; k--) {
    const t = segmented.tokens[k];
    if (!t || t.sentence !== segmented.tokens[head]?.sentence) break;
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'PROPN' && t.pos !== 'NOUN' && t.pos !== 'NUM') break;
    if (WH.has(words[k] ?? '') || gaz.documentHeads.has(words[k] ?? '')) break; // "tweet tweet"
    // "companies report that ...": a plural noun right before is the subject of a verb.
    if (k === head - 1 && t.pos === 'NOUN' && /s$/.test(words[k] ?? '') && !word.endsWith('s')) return undefined;
    first = k;
    if (t.pos === 'DET') break;
  }
  if (first === head) return undefined; // a bare "report" is as often a verb or a noun in passing
  // "The New York Post reports that ...": a plural head right after a name is a verb.
  if (word.endsWith('s') && segmented.tokens[head - 1]?.pos === 'PROPN') return undefined;
  const definite = DEFINITE.has(words[first] ?? '') && head - first === 1;
  const link: Link | undefined = definite ? { to: 'recent', kinds: ['document'], head: lemma(word), orNew: true } : undefined;
  return source(ctx, first, head + 1, 'document', '', lemma(word), link);
}

/** wink tags a capitalised sentence-initial noun as PROPN: "Officials said ...", "Experts warned". */
function isCommonNoun(ctx: Context, k: number): boolean {
  const t = ctx.segmented.tokens[k];
  if (!t) return false;
  return t.pos === 'NOUN' || (t.pos === 'PROPN' && ctx.segmented.sentences[t.sentence]?.firstToken === k);
}

/**
 * A modifier that ties a source to a known body: "US officials", "Kremlin sources",
 * "administration officials". A capital at the start of a sentence does not count ("Two ...").
 */
function isAffiliation(ctx: Context, k: number): boolean {
  const t = ctx.segmented.tokens[k];
  if (!t) return false;
  if (AFFILIATION.has(ctx.words[k] ?? '') || ctx.gaz.names.matchAt(ctx.words, k).length > 0) return true;
  return t.pos === 'PROPN' && isCapitalised(t) && ctx.segmented.sentences[t.sentence]?.firstToken !== k;
}

/** Extend a qualifier to its object: "familiar with" + "the matter", "close to" + "the Kremlin". */
function tail(ctx: Context, from: number): number {
  const { segmented, words } = ctx;
  let end = from;
  while (end < from + MAX_TAIL) {
    const t = segmented.tokens[end];
    if (!t || t.sentence !== segmented.tokens[from - 1]?.sentence) break;
    const ok = t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || words[end] === "'s";
    if (!ok) break;
    end++;
  }
  return end;
}

/** The end of a relative clause: the next punctuation or speech verb ("... anonymity said"). */
function clauseEnd(ctx: Context, from: number): number {
  const { segmented, words } = ctx;
  let end = from;
  while (end < from + 12) {
    const t = segmented.tokens[end];
    if (!t || t.sentence !== segmented.tokens[from - 1]?.sentence || t.pos === 'PUNCT' || words[end] === ',') break;
    if (end > from && t.pos === 'VERB' && ctx.gaz.speechLemmas.has(t.lemma)) break;
    end++;
  }
  return end;
}

/** Singular key of a source head: "sources" -> "source", "officials" -> "official". */
function lemma(word: string): string {
  return word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.replace(/s$/, '');
}

function source(
  ctx: Context,
  first: number,
  end: number,
  kind: 'anonymous' | 'generic' | 'document',
  key: string,
  head: string,
  link?: Link,
): Candidate {
  const name = spanText(ctx.segmented, first, end);
  // Without a key or link, every phrase is an actor of its own ("a source", "another source").
  const ownKey = key || (link ? '' : `${kind}:@${first}`);
  return {
    first,
    end,
    kind,
    form: 'description',
    name,
    key: ownKey,
    ...(link ? { link } : {}),
    head,
    priority: PRIORITY.sourcePhrase,
  };
}
