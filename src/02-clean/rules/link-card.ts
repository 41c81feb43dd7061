import type { CleanRule } from './rule.js';

// The end of a card: "MORE" in capitals, then punctuation, a possessive or a space.
const MORE = / MORE(?=['’,.;:)\s]|$)/gu;
// Inside a word, a lower-case letter followed by a capital, a digit or a quote: where a name
// may be glued to a headline ("TrumpGOP", "Clinton2020") or a name is written so ("DeVos").
const JOIN = /\p{Ll}(?=[\p{Lu}\d‘“"'])/gu;
/** A card holds a few headlines: the mention is this close before "MORE". */
const MAX_CARD = 600;
/** The full name is at most this many words. */
const MAX_NAME_WORDS = 5;

/** A card: where its full name starts, in the line. */
function cardStart(text: string, from: number, to: number): number | null {
  const words = [...text.slice(from, to).matchAll(/\S+/gu)].map((m) => ({ word: m[0], at: from + (m.index ?? 0) }));
  const bare = (w: string): string => w.replace(/['’]s$|[,.;:)]+$/u, '');
  for (let k = 1; k < words.length; k++) {
    const w = words[k];
    if (!w) continue;
    for (const join of w.word.matchAll(JOIN)) {
      // The part before the join is the name's last word, which the mention the card explains
      // ends with too: "President Trump Donald John TrumpGOP ...", "Betsy DeVos Elizabeth Dee
      // (Betsy) DeVosSources ...". The card starts just after the mention.
      const surname = w.word.slice(0, (join.index ?? 0) + 1);
      for (let back = k - 1; back >= Math.max(0, k - MAX_NAME_WORDS - 1); back--) {
        if (bare(words[back]?.word ?? '') === surname) return words[back + 1]?.at ?? null;
      }
    }
  }
  return null;
}

/**
 * Link cards inside a paragraph, as some sites print a hover card after a name: the person's
 * full name glued to the headlines of other stories, closed by "MORE" ("President Trump Donald
 * John TrumpGOP senators balk at ... MORE suggested on Tuesday ..."). Only the cards are
 * dropped, each one in the line: their headlines are other stories' claims, and the glued words
 * make actors that do not exist ("MuellerSpeier"). A card is recognised only where the name
 * glued to a headline repeats the mention just before it.
 */
export const linkCardRule: CleanRule = {
  name: 'link-card',
  judge(line) {
    if (!line.text.includes(' MORE')) return null;
    const parts: { start: number; end: number }[] = [];
    let floor = 0;
    for (const more of line.text.matchAll(MORE)) {
      const end = (more.index ?? 0) + more[0].length;
      const start = cardStart(line.text, Math.max(floor, end - MAX_CARD), more.index ?? 0);
      if (start === null) continue;
      parts.push({ start, end });
      floor = end;
    }
    if (parts.length === 0) return null;
    return { reason: 'link', detail: 'link card inside a paragraph (full name and other stories\' headlines, "... MORE")', parts };
  },
};
