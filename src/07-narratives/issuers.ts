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
const BY_FROM = /^\s+(?:(?:issued|signed|released|sent)\s+)?(?:by|from)\s+(?:the\s+)?/i;

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
  const text = article.text;
  const others = article.actors.filter((a) => a.id !== document.id && a.kind !== 'document' && a.kind !== 'media');
  for (const m of [...document.mentions].sort((x, y) => x.start - y.start)) {
    const fromVerb = article.attributions.find((a) => a.cue.spans.some((s) => s.start < m.start && m.start - s.start <= 50 && VERB_IN.test(text.slice(s.start, m.start))));
    const viaVerb = fromVerb ? speakers(fromVerb).filter((id) => id !== document.id) : [];
    if (viaVerb.length > 0) return viaVerb;
    if (OPENING_IN.test(text.slice(Math.max(0, m.start - 8), m.start)) && /^\s*,/.test(text.slice(m.end))) {
      const sentence = article.sentences.find((s) => m.start >= s.start && m.start < s.end);
      const next = article.attributions.filter((a) => a.cue.sentence === sentence?.index && (a.source?.spans[0]?.start ?? -1) > m.end)
        .sort((a, b) => (a.source?.spans[0]?.start ?? 0) - (b.source?.spans[0]?.start ?? 0))[0];
      const ids = next ? speakers(next).filter((id) => id !== document.id) : [];
      if (ids.length > 0) return ids;
    }
    const owner = possessor(article, others, m);
    if (owner) return [owner.id];
    const after = BY_FROM.exec(text.slice(m.end, m.end + 30));
    if (after) {
      const start = m.end + after[0].length;
      // The mention may or may not include "the": "from [the Democratic committee]".
      const starts = new Set([start, m.end + after[0].replace(/the\s+$/i, '').length]);
      const issuer = others.map((a) => ({ a, mention: a.mentions.find((x) => x.form !== 'pronoun' && starts.has(x.start)) })).find((x) => x.mention);
      if (issuer?.mention && !/^[’']s\b/.test(text.slice(issuer.mention.end, issuer.mention.end + 3))) return [issuer.a.id];
    }
  }
  return undefined;
}

/** The actor whose possessive ends right before the mention: "[the union's] statement", "[Bauer's] memo". */
function possessor(article: AnalyzedArticle, others: readonly Actor[], m: Mention): Actor | undefined {
  const before = article.text.slice(Math.max(0, m.start - 4), m.start);
  const apostrophe = /[’']s\s+$|s[’']\s+$/.exec(before);
  if (!apostrophe) return undefined;
  const at = m.start - (before.length - apostrophe.index) + (apostrophe[0].startsWith('s') ? 1 : 0);
  return others.find((a) => a.mentions.some((x) => x.form !== 'pronoun' && x.end === at));
}
