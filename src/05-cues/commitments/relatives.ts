/**
 * The rating a predicate borrows from its WordNet relatives: the rated verbs that share a sense
 * with it (synonyms) or stand one step above it (hypernyms, verb groups). Word vectors put
 * antonyms side by side ("refuse" is nearest to "insist" and "agree"); WordNet does not ("refuse"
 * shares its first sense with "decline", so it borrows "decline to"'s -0.67, not "agree to"'s 0.5).
 *
 * The relatives and their weights are read from WordNet 3.1 at build time
 * (scripts/wordnet-relatives.ts) and kept in the inventory; the ratings they borrow are those of
 * the model's training verbs only, so an evaluation's held-out verb never lends its own rating.
 */
import type { RatedFrame } from './model.js';

/**
 * WordNet relatives of a predicate per complement type, lemma -> weight. The weight is
 * 1 / sense rank for a synonym (half that for a hypernym or verb-group member); only senses whose
 * WordNet frames take that complement count ("Somebody ----s to INFINITIVE" for "to").
 */
export type Relatives = Readonly<Partial<Record<'that' | 'to', Readonly<Record<string, number>>>>>;

/**
 * Weighted mean rating of the rated relatives of `lemma` in this frame, or undefined when none
 * is rated (the model then has only its other features).
 *
 * @example
 * relativeRating(rated, { to: { decline: 1 } }, 'refuse', { negated: false, complement: 'to' }) // -0.67
 */
export function relativeRating(
  rated: ReadonlyMap<string, RatedFrame>,
  relatives: Relatives | undefined,
  lemma: string,
  frame: { readonly negated: boolean; readonly complement: 'that' | 'to' },
): number | undefined {
  const mine = relatives?.[frame.complement];
  if (!mine) return undefined;
  let sum = 0;
  let weight = 0;
  // Sorted keys: the same sum in the same order on every machine.
  for (const other of Object.keys(mine).sort()) {
    if (other === lemma) continue;
    const r = rated.get(`${other}|${frame.complement}`);
    if (!r) continue;
    const w = mine[other]!;
    sum += w * (frame.negated ? r.negated : r.positive);
    weight += w;
  }
  return weight > 0 ? sum / weight : undefined;
}
