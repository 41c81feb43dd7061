/**
 * Step 7.5a (adapter): the trained claim-relation model of `src/relations/` behind the small
 * {@link ClaimRelationModel} interface the narratives stage reads. Each claim text is prepared
 * once (tokens, vectors) and reused for all its pairs.
 */
import { loadRelationModel, type PreparedText, type RelationModel } from '../relations/index.js';
import type { ClaimRelationModel, RelationProbabilities } from './relation.js';

const UNRELATED: RelationProbabilities = { agree: 0, disagree: 0, discuss: 0, unrelated: 1 };

/**
 * The shipped relation model (`models/relations.bin`) as a {@link ClaimRelationModel}, with a
 * cache of prepared texts. Make one per comparison: the cache lives as long as the adapter.
 * @example claimRelations().relate('Iran warned Russia', 'Peskov was not aware of any warnings from Iran').disagree
 */
export function claimRelations(model: RelationModel = loadRelationModel()): ClaimRelationModel {
  const prepared = new Map<string, PreparedText>();
  const prepare = (text: string): PreparedText => {
    let p = prepared.get(text);
    if (!p) {
      p = model.prepare(text);
      prepared.set(text, p);
    }
    return p;
  };
  return {
    relate(claim: string, text: string): RelationProbabilities {
      const c = prepare(claim);
      const t = prepare(text);
      // A claim with no words of the model's vocabulary addresses nothing.
      if (c.words.length === 0 || t.words.length === 0) return UNRELATED;
      return model.score(c, t).probs;
    },
  };
}
