/**
 * `track`: for each article and claim, a verdict (supports, disputes, discusses, unaddressed),
 * a confidence and the evidence, with who says it. One row per article and claim, in input order.
 */
import type { AnalyzedArticle } from '../types/index.js';
import { relateBySentence } from './by-sentence.js';
import type { RelationModel } from './model.js';
import type { PreparedText } from './text.js';
import type { RelationEvidence, RelationLabel } from './types.js';

/** A verdict of `track`. */
export type TrackVerdict = 'supports' | 'disputes' | 'discusses' | 'unaddressed';

const VERDICTS: Readonly<Record<RelationLabel, TrackVerdict>> = { agree: 'supports', disagree: 'disputes', discuss: 'discusses', unrelated: 'unaddressed' };

/** One row of `track` output. */
export interface TrackRow {
  readonly id: string;
  readonly outlet: string | null;
  readonly claim: string;
  readonly verdict: TrackVerdict;
  /** Probability of the verdict's label, 0..1 (3 decimals). */
  readonly confidence: number;
  readonly evidence: readonly RelationEvidence[];
  /** Set when the article is a duplicate of an earlier one: the rows are the original's. */
  readonly duplicateOf?: string;
}

/** A claim prepared once for all articles. */
export interface TrackClaim {
  readonly text: string;
  readonly prepared: PreparedText;
}

/**
 * Check and prepare the claims: an empty claim is an error naming its position.
 *
 * @example
 * prepareClaims(model, ['ISIS-K was the sole culprit'], (i) => `--claim ${i}`);
 */
export function prepareClaims(model: RelationModel, claims: readonly string[], where: (index: number) => string): TrackClaim[] {
  if (claims.length === 0) throw new TypeError('narrascope: no claims to track');
  return claims.map((text, i) => {
    const prepared = model.prepare(text.trim());
    if (!text.trim() || prepared.words.length === 0) throw new TypeError(`narrascope: ${where(i)}: the claim is empty`);
    return { text: text.trim(), prepared };
  });
}

/** The rows of one analysed article, one per claim, decided sentence by sentence (by-sentence.ts). */
export function trackArticle(model: RelationModel, claims: readonly TrackClaim[], article: AnalyzedArticle): TrackRow[] {
  const text = model.prepareArticle(article);
  return claims.map((claim) => {
    const relation = relateBySentence(model, claim.prepared, article, text);
    return {
      id: article.id,
      outlet: article.outlet,
      claim: claim.text,
      verdict: VERDICTS[relation.label],
      confidence: Math.round(relation.probs[relation.label] * 1000) / 1000,
      evidence: relation.evidence,
    };
  });
}
