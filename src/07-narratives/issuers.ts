/**
 * Step 7.1c: who issued a document that speaks. A statement, memo, letter or complaint says what
 * its author says: "Jealous said in a written statement ...; the statement called ..." is
 * Jealous's claim, not a claim of "a written statement" (`issuerOf`, used by `speakers.ts`).
 */
import type { Actor, AnalyzedArticle, Attribution, Mention } from '../types/index.js';

/** From a speech verb to its document: "said [Friday] in", "wrote in" (the cue may hold the document). */
const VERB_IN = /^[\w'’-]+(?:[ \t]+[,\w'’-]+){0,3}?[ \t]+in[ \t]+$/;
/** A sentence that opens with the document: "In a memo, Bauer wrote ...". */
const OPENING_IN = /(?:^|[.!?]["”’]?\s+|\n\s*)["“]?In\s+$/;
/** After the document: "a statement by the union", "a letter signed by", "a memo from the". */
const BY_FROM = /^,?\s+(?:(?:issued|signed|released|sent|written)\s+)?(?:by|from)\s+/i;

/**
 * The actor ids that issued document actor `document` of `article`, or undefined when the text
 * does not say. Read from the document's mentions in text order, the first that names its issuer:
 * - a speech verb whose medium it is: "Jealous said in a written statement" (the verb's speakers);
 * - a sentence it opens: "In a memo, White House counsel Robert Bauer wrote" (that sentence's speaker);
 * - its possessor: "the union's statement";
 * - "by" or "from" right after it: "a statement by the union", "a letter from Sen. Cruz" (an
 *   issuer followed by "'s" only qualifies the next noun: "a draft report from the Senate's
 *   subcommittee" is not the Senate's).
 * `speakers` gives an attribution's speakers (the caller's rules, documents excluded).
 */
export function issuerOf(article: AnalyzedArticle, document: Actor, speakers: (a: Attribution) => string[]): string[] | undefined {
  const others = article.actors.filter((a) => a.id !== document.id && a.kind !== 'document' && a.kind !== 'media');
  const mentions = [...document.mentions].sort((x, y) => x.start - y.start);
  // Authorship the text states outright wins over the medium of someone's words: "the Obama
  // administration said in a report ... the report, by White House Counsel Robert Bauer," is Bauer's.
  for (const m of mentions) {
    const owner = possessor(article, others, m) ?? byline(article, others, m);
    if (owner) return [owner.id];
  }
  for (const m of mentions) {
    const ids = medium(article, m, speakers).filter((id) => id !== document.id);
    if (ids.length > 0) return ids;
  }
  return undefined;
}

/** The speakers whose words the document carries: "Jealous said in a statement", "In a memo, Bauer wrote". */
function medium(article: AnalyzedArticle, m: Mention, speakers: (a: Attribution) => string[]): string[] {
  const text = article.text;
  const fromVerb = article.attributions.find((a) => a.cue.spans.some((s) => s.start < m.start && m.start - s.start <= 50 && VERB_IN.test(text.slice(s.start, m.start))));
  if (fromVerb) return speakers(fromVerb);
  if (OPENING_IN.test(text.slice(Math.max(0, m.start - 8), m.start)) && /^\s*,/.test(text.slice(m.end))) {
    const sentence = article.sentences.find((s) => m.start >= s.start && m.start < s.end);
    const next = article.attributions.filter((a) => a.cue.sentence === sentence?.index && (a.source?.spans[0]?.start ?? -1) > m.end)
      .sort((a, b) => (a.source?.spans[0]?.start ?? 0) - (b.source?.spans[0]?.start ?? 0))[0];
    if (next) return speakers(next);
  }
  return [];
}

/**
 * The issuer "by" or "from" names right after the document, before the next comma: "a statement
 * by the union", "the report, by White House Counsel Robert Bauer," (a person named there first),
 * "a letter from Sen. Cruz"; an issuer followed by "'s" only qualifies the next noun ("a draft
 * report from the Senate's subcommittee" is not the Senate's).
 */
function byline(article: AnalyzedArticle, others: readonly Actor[], m: Mention): Actor | undefined {
  const text = article.text;
  const after = BY_FROM.exec(text.slice(m.end, m.end + 30));
  if (!after) return undefined;
  const from = m.end + after[0].length;
  const stop = from + (/[,.;:!?()]/.exec(text.slice(from, from + 80))?.index ?? 80);
  const inPhrase = others.flatMap((a) => a.mentions.filter((x) => x.form !== 'pronoun' && x.start >= from && x.end <= stop).map((x) => ({ a, x })))
    .sort((p, q) => (q.a.kind === 'person' ? 1 : 0) - (p.a.kind === 'person' ? 1 : 0) || p.x.start - q.x.start);
  const first = inPhrase[0];
  if (!first || /^[’']s\b/.test(text.slice(first.x.end, first.x.end + 3))) return undefined;
  return first.a;
}

/** The actor whose possessive ends right before the mention: "[the union's] statement", "[Bauer's] memo". */
function possessor(article: AnalyzedArticle, others: readonly Actor[], m: Mention): Actor | undefined {
  const before = article.text.slice(Math.max(0, m.start - 4), m.start);
  const apostrophe = /[’']s\s+$|s[’']\s+$/.exec(before);
  if (!apostrophe) return undefined;
  const at = m.start - (before.length - apostrophe.index) + (apostrophe[0].startsWith('s') ? 1 : 0);
  return others.find((a) => a.mentions.some((x) => x.form !== 'pronoun' && x.end === at));
}
