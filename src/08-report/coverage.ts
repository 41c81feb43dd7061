/**
 * How each outlet covers each narrative of its event, judged against the whole narrative rather
 * than cluster membership: an outlet omits a narrative only when none of its claims tells it,
 * disputes it, or (by the claim-relation model) supports, disputes or discusses one of its
 * claims. "Northern Ledger omits 'Ukraine helped the attackers'" then means what it says, and an
 * outlet whose first sentence tells a narrative in other words is never said to omit it.
 */
import { addresses, contentStems, cosine, pairRelation, tfidf, type ClaimRelationModel } from '../07-narratives/index.js';
import type { Narrative, NarrativeAnalysis, NarrativeClaim } from '../types/index.js';
import type { Coverage } from './types.js';

/** Options of {@link coverageOf}. */
export interface CoverageOptions {
  /** The claim-relation model; without it, an outlet covers a narrative only through its claims in it. */
  readonly relations?: ClaimRelationModel;
  /**
   * Least summed probability of agree + disagree + discuss for a claim to address a narrative.
   * @default 0.5
   */
  readonly threshold?: number;
}

// Only the claims most alike in words are put to the model: a narrative's three central claims
// against an outlet's five nearest claims (cosine over the event's stems) keeps the model's work
// linear in the outlets and narratives, not in all claim pairs.
const TELLING_CHECKED = 3;
const CANDIDATES = 5;
const MIN_COSINE = 0.05;

const outletOf = (c: NarrativeClaim): string => c.outlet ?? c.articleId;

/**
 * Coverage of every narrative by every outlet of one event: outlet -> narrative id -> coverage.
 * Claims of a narrative count first (`tells` or `disputes`); otherwise the model decides between
 * `discusses` and `omits`.
 */
export function coverageOf(analysis: NarrativeAnalysis, outlets: readonly string[], options: CoverageOptions = {}): Map<string, Map<string, Coverage>> {
  const claims = analysis.claims;
  const byId = new Map(claims.map((c) => [c.id, c]));
  const vectors = tfidf(claims.map((c) => {
    const bag = new Map<string, number>();
    for (const w of contentStems(c.text)) bag.set(w, (bag.get(w) ?? 0) + 1);
    return bag;
  }));
  const index = new Map(claims.map((c, i) => [c.id, i]));
  const result = new Map<string, Map<string, Coverage>>();
  for (const outlet of outlets) {
    const row = new Map<string, Coverage>();
    result.set(outlet, row);
    const own = claims.filter((c) => outletOf(c) === outlet);
    for (const n of analysis.narratives) row.set(n.id, coverageOfOne(n, own, byId, vectors, index, options));
  }
  return result;
}

function coverageOfOne(
  narrative: Narrative, own: readonly NarrativeClaim[], byId: ReadonlyMap<string, NarrativeClaim>,
  vectors: ReturnType<typeof tfidf>, index: ReadonlyMap<string, number>, options: CoverageOptions,
): Coverage {
  const ids = new Set(own.map((c) => c.id));
  if (narrative.claimIds.some((id) => ids.has(id))) return 'tells';
  if (narrative.disputingClaimIds.some((id) => ids.has(id))) return 'disputes';
  const model = options.relations;
  if (!model || own.length === 0) return 'omits';
  const telling = narrative.claimIds.slice(0, TELLING_CHECKED).map((id) => byId.get(id)).filter((c): c is NarrativeClaim => c !== undefined);
  for (const claim of telling) {
    const v = vectors[index.get(claim.id) ?? -1];
    if (!v) continue;
    const nearest = own.map((c) => ({ c, s: cosine(v, vectors[index.get(c.id) ?? -1] ?? new Map()) }))
      .filter((x) => x.s >= MIN_COSINE).sort((a, b) => b.s - a.s).slice(0, CANDIDATES);
    for (const { c } of nearest) {
      const p = pairRelation(model, claim.statement ?? claim.text, c.statement ?? c.text);
      if (addresses(p, options.threshold ?? 0.5)) return p.disagree > p.agree && p.disagree > p.discuss ? 'disputes' : 'discusses';
    }
  }
  return 'omits';
}
