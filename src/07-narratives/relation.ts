/**
 * Step 7.5a: the claim-relation model as the narratives stage sees it. Given two claims, how likely
 * the second agrees with, disagrees with, discusses, or does not address the first. The trained
 * model lives in `src/relations/`; this file is the small interface the graph, the omissions and
 * the tests depend on, plus the symmetric pair score the graph reads.
 */

/** Probabilities of the four relations of a text to a claim (they sum to 1). */
export interface RelationProbabilities {
  readonly agree: number;
  readonly disagree: number;
  readonly discuss: number;
  readonly unrelated: number;
}

/**
 * A claim-relation scorer: `relate(claim, text)` -> the relation of `text` to `claim`. Must be
 * deterministic and pure (the stage caches and reorders calls).
 */
export interface ClaimRelationModel {
  relate(claim: string, text: string): RelationProbabilities;
}

/**
 * The relation of two claims, read both ways (the model is not symmetric: a long text can
 * discuss a short claim but not the other way round): the mean of each probability.
 * @example pairRelation(model, 'Iran warned Russia', 'Peskov was not aware of any warnings from Iran').disagree
 */
export function pairRelation(model: ClaimRelationModel, a: string, b: string): RelationProbabilities {
  const x = model.relate(a, b);
  const y = model.relate(b, a);
  return {
    agree: (x.agree + y.agree) / 2,
    disagree: (x.disagree + y.disagree) / 2,
    discuss: (x.discuss + y.discuss) / 2,
    unrelated: (x.unrelated + y.unrelated) / 2,
  };
}

/** True when the text addresses the claim at all: supports, disputes or discusses it. */
export const addresses = (p: RelationProbabilities, threshold = 0.5): boolean => p.agree + p.disagree + p.discuss >= threshold;
