import { stem } from '../adapters/natural.js';

/**
 * The terms an article is compared on: words of its title and lead, lower-cased, stop words out,
 * Porter-stemmed ("sanctions" -> "sanction"). Shared actors need no extra weight: names are
 * rare terms, so IDF already makes them count (an extra weight for capitalised words was tried
 * and lowered NeuS B-cubed F1 from 0.84 to 0.82).
 */
const STOP = new Set(`a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my no nor not now of off on once
only or other our ours out over own same she should so some such than that the their theirs them then there these they
this those through to too under until up very was we were what when where which while who whom why will with would you
your says said say new one two three first last year years week day days monday tuesday wednesday thursday friday
saturday sunday mr mrs ms told according percent people time like make made get got many much may might must us
just news report reported reports`.split(/\s+/));

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/**
 * Terms of a title and lead. Example: title "Sanders wins Nevada caucuses" -> sander, win, nevada,
 * caucus, each three times (the title weighs triple: it states the event most densely).
 */
export function termsOf(title: string | null, lead: string): string[] {
  const terms: string[] = [];
  // The title is the densest statement of the event: its words count three times (tried 1-3 on
  // NeuS val: 3 is best).
  for (const [text, weight] of [[title ?? '', 3], [lead, 1]] as const) {
    for (const match of text.matchAll(WORD)) {
      const raw = match[0].replace(/['’]s$/u, '');
      const lower = raw.toLowerCase();
      if (lower.length < 3 || STOP.has(lower) || /^\d+$/.test(lower)) continue;
      const term = stem(lower);
      for (let k = 0; k < weight; k++) terms.push(term);
    }
  }
  return terms;
}

/** The term frequencies of one article. */
export function counts(terms: readonly string[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const term of terms) result.set(term, (result.get(term) ?? 0) + 1);
  return result;
}
