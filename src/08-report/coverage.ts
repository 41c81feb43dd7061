/**
 * How each outlet covers each narrative of its event, judged against the whole narrative rather
 * than cluster membership: an outlet omits a narrative only when none of its claims tells it or
 * disputes it, and the claim-relation model finds none of its articles supporting or disputing
 * the narrative's central claims, and none of its nearest claims discussing them. "Northern
 * Ledger omits 'Ukraine helped the attackers'" then means what it says, and an outlet whose first
 * sentence tells a narrative in other words is not said to omit it.
 */
import { contentStems, cosine, pairRelation, tfidf, type ClaimRelationModel, type RelationProbabilities } from '../07-narratives/index.js';
import type { AnalyzedArticle, Narrative, NarrativeAnalysis, NarrativeClaim } from '../types/index.js';
import type { Coverage } from './types.js';
import { sideSized } from './whole-sides.js';

/** Options of {@link coverageOf}. */
export interface CoverageOptions {
  /** The claim-relation model; without it, an outlet covers a narrative only through its claims in it. */
  readonly relations?: ClaimRelationModel;
  /**
   * Least summed probability of agree + disagree + discuss for a claim to address a narrative.
   * @default 0.5
   */
  readonly threshold?: number;
  /** Cross-actor ids each outlet's articles mention (by outlet). */
  readonly mentioned?: ReadonlyMap<string, ReadonlySet<string>>;
}

// Only the claims most alike in words are put to the model: a narrative's first two claims
// against an outlet's five nearest claims (cosine over the event's stems) keeps the model's work
// linear in the outlets and narratives, not in all claim pairs.
const TELLING_CHECKED = 2;
const CANDIDATES = 5;
const MIN_COSINE = 0.05;
// TF-IDF cosine at which an outlet's claim addresses a narrative's claim whatever the model says
// (on the dev gold set most reported omissions were narratives the outlet told in other claims).
const SAME_WORDS = 0.3;

const outletOf = (c: NarrativeClaim): string => c.outlet ?? c.articleId;

/** What {@link judgeCoverage} reads about one outlet and one narrative. */
export interface CoverageEvidence {
  /** The outlet has a claim among the narrative's telling (`tells`) or disputing (`disputes`) claims. */
  readonly member?: 'tells' | 'disputes';
  /** The outlet names none of the narrative's distinctive actors (see {@link distinctiveActors}). */
  readonly silent: boolean;
  /** The model's best agree and disagree of the outlet's articles with the narrative's first claims. */
  readonly body: { readonly agree: number; readonly disagree: number };
  /**
   * The outlet's claims nearest in words to each telling claim (`claimId` of the outlet, `tellingId`
   * of the narrative): their cosine and the model's reading of the pair.
   */
  readonly nearest: readonly { readonly tellingId: string; readonly claimId: string; readonly cosine: number; readonly relation: RelationProbabilities }[];
  /**
   * Where the verdict is `omits` and the narrative is side-sized (`whole-sides.ts`, the only
   * narratives an omission is stated for): the pair of a telling claim and any claim of the outlet
   * that the model reads as agreeing most (every claim of the outlet, not only the nearest in words).
   */
  readonly agreeing?: { readonly tellingId: string; readonly claimId: string; readonly agree: number };
}

/**
 * Coverage of every narrative by every outlet of one event: outlet -> narrative id -> coverage.
 * Claims of a narrative count first (`tells` or `disputes`); otherwise the evidence of
 * {@link coverageEvidence} is judged by {@link judgeCoverage}.
 */
export function coverageOf(articles: readonly AnalyzedArticle[], analysis: NarrativeAnalysis, outlets: readonly string[], options: CoverageOptions = {}): Map<string, Map<string, Coverage>> {
  return judgeAll(coverageEvidence(articles, analysis, outlets, options), options.threshold);
}

/** {@link judgeCoverage} over every outlet and narrative of {@link coverageEvidence}. */
export function judgeAll(evidence: ReadonlyMap<string, ReadonlyMap<string, CoverageEvidence>>, threshold = 0.5): Map<string, Map<string, Coverage>> {
  return new Map([...evidence].map(([outlet, row]) => [outlet, new Map([...row].map(([id, e]) => [id, judgeCoverage(e, threshold)]))]));
}

/**
 * Outlet -> narrative id -> the highest probability with which the claim-relation model reads one
 * of the outlet's claims as agreeing with a claim of the narrative (0 when it tells or disputes it
 * in its own claims). Where the verdict is `omits`, every claim of the outlet is read
 * ({@link CoverageEvidence.agreeing}), not only the nearest in words: a side told in other words
 * and through other voices shares few words with it (Schatz's "You are getting your money late
 * because the President thinks it is more important that his name be on the check" beside
 * Murphy's "Trump is delaying the stimulus checks so his signature can be printed on each one").
 * What `omissions.ts` reads as a sign that the outlet tells the side.
 */
export function agreementOf(evidence: ReadonlyMap<string, ReadonlyMap<string, CoverageEvidence>>): Map<string, Map<string, number>> {
  return new Map([...evidence].map(([outlet, row]) => [outlet, new Map([...row].map(([id, e]) => [id, Math.max(0, e.agreeing?.agree ?? 0, ...e.nearest.map((x) => x.relation.agree))]))]));
}

/** The evidence behind {@link coverageOf}: outlet -> narrative id -> what the judgement reads. */
export function coverageEvidence(articles: readonly AnalyzedArticle[], analysis: NarrativeAnalysis, outlets: readonly string[], options: CoverageOptions = {}): Map<string, Map<string, CoverageEvidence>> {
  const claims = analysis.claims;
  const byId = new Map(claims.map((c) => [c.id, c]));
  const vectors = tfidf(claims.map((c) => {
    const bag = new Map<string, number>();
    for (const w of contentStems(c.text)) bag.set(w, (bag.get(w) ?? 0) + 1);
    return bag;
  }));
  const index = new Map(claims.map((c, i) => [c.id, i]));
  const mentioned = options.mentioned;
  const distinctive = distinctiveActors(analysis, outlets, mentioned);
  const result = new Map<string, Map<string, CoverageEvidence>>();
  for (const outlet of outlets) {
    const row = new Map<string, CoverageEvidence>();
    result.set(outlet, row);
    const own = claims.filter((c) => outletOf(c) === outlet);
    // The articles as the model reads a body: their sentences (dropped regions left out).
    const bodies = articles.filter((a) => (a.outlet ?? a.id) === outlet).map((a) => a.sentences.map((s) => s.text).join(' '));
    for (const n of analysis.narratives) {
      const keys = distinctive.get(n.id) ?? new Set<string>();
      const silent = !!mentioned && keys.size > 0 && ![...keys].some((id) => mentioned.get(outlet)?.has(id));
      row.set(n.id, evidenceOfOne(n, own, silent, bodies, byId, vectors, index, options.relations, options.threshold));
    }
  }
  return result;
}

/**
 * Per narrative id, its distinctive actors: those at least half of its telling claims give as
 * their answer ("Ukraine" in "Kyiv helped the gunmen", "the US, UK and Ukraine may be linked",
 * "prepared with the help of Ukrainian services"), less the actors every outlet names, which tell
 * nothing about which story an outlet tells ("Russia" in a story about Moscow).
 */
export function distinctiveActors(analysis: NarrativeAnalysis, outlets: readonly string[], mentioned?: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  const byId = new Map(analysis.claims.map((c) => [c.id, c]));
  const everywhere = (id: string): boolean => !!mentioned && outlets.every((o) => mentioned.get(o)?.has(id));
  return new Map(analysis.narratives.map((n) => {
    const counts = new Map<string, number>();
    for (const id of n.claimIds) for (const a of new Set(byId.get(id)?.proposition?.actors ?? [])) counts.set(a, (counts.get(a) ?? 0) + 1);
    return [n.id, new Set([...counts].filter(([a, k]) => k * 2 >= n.claimIds.length && !everywhere(a)).map(([a]) => a))];
  }));
}

function evidenceOfOne(
  narrative: Narrative, own: readonly NarrativeClaim[], silent: boolean, bodies: readonly string[], byId: ReadonlyMap<string, NarrativeClaim>,
  vectors: ReturnType<typeof tfidf>, index: ReadonlyMap<string, number>, model: ClaimRelationModel | undefined, threshold?: number,
): CoverageEvidence {
  const ids = new Set(own.map((c) => c.id));
  const member = narrative.claimIds.some((id) => ids.has(id)) ? 'tells' as const : narrative.disputingClaimIds.some((id) => ids.has(id)) ? 'disputes' as const : undefined;
  const empty: CoverageEvidence = { ...(member ? { member } : {}), silent, body: { agree: 0, disagree: 0 }, nearest: [] };
  if (member || own.length === 0) return empty;
  const telling = narrative.claimIds.map((id) => byId.get(id)).filter((c): c is NarrativeClaim => c !== undefined);
  // Against whole articles (what the model was trained on, headline vs body): support or dispute.
  // Its `discuss` is left out here: on a body it calls almost every on-topic claim "discussed".
  // An outlet silent on the narrative's actors is not read this way: on a whole body the model
  // finds support for "Ukraine helped the attackers" in an article that never names Ukraine.
  let agree = 0;
  let disagree = 0;
  if (model && !silent) {
    for (const claim of telling.slice(0, TELLING_CHECKED)) {
      for (const body of bodies) {
        const p = model.relate(claim.statement ?? claim.text, body);
        agree = Math.max(agree, p.agree);
        disagree = Math.max(disagree, p.disagree);
      }
    }
  }
  // Against the outlet's nearest claims, one by one.
  const nearest: { tellingId: string; claimId: string; cosine: number; relation: RelationProbabilities }[] = [];
  for (const claim of telling) {
    const v = vectors[index.get(claim.id) ?? -1];
    if (!v) continue;
    const near = own.map((c) => ({ c, s: cosine(v, vectors[index.get(c.id) ?? -1] ?? new Map()) }))
      .filter((x) => x.s >= MIN_COSINE).sort((a, b) => b.s - a.s).slice(0, CANDIDATES);
    for (const { c, s } of near) nearest.push({ tellingId: claim.id, claimId: c.id, cosine: s, relation: model ? pairRelation(model, claim.statement ?? claim.text, c.statement ?? c.text) : NO_RELATION });
  }
  const evidence: CoverageEvidence = { silent, body: { agree, disagree }, nearest };
  if (!model || !sideSized(narrative) || judgeCoverage(evidence, threshold) !== 'omits') return evidence;
  // An `omits` verdict on a whole side is what an omission is stated on (omissions.ts reads the
  // agreement only there): every claim of the outlet is read against every telling claim, for
  // agreement only (see agreementOf). About 0.2 ms a pair of claims.
  let agreeing: { tellingId: string; claimId: string; agree: number } | undefined;
  for (const claim of telling) {
    for (const c of own) {
      const p = pairRelation(model, claim.statement ?? claim.text, c.statement ?? c.text);
      if (!agreeing || p.agree > agreeing.agree) agreeing = { tellingId: claim.id, claimId: c.id, agree: p.agree };
    }
  }
  return agreeing ? { ...evidence, agreeing } : evidence;
}

const NO_RELATION: RelationProbabilities = { agree: 0, disagree: 0, discuss: 0, unrelated: 1 };

/**
 * How an outlet covers a narrative, from {@link CoverageEvidence}: its own claims in the narrative
 * first; then its articles as the model reads them (support: `tells`; dispute: `disputes`); then
 * its nearest claims: much the same words (cosine >= 0.3), or the model reading one as discussing
 * the narrative's claim, make it `discusses`. Otherwise `omits`.
 */
export function judgeCoverage(evidence: CoverageEvidence, threshold = 0.5): Coverage {
  if (evidence.member) return evidence.member;
  if (evidence.body.agree >= threshold) return 'tells';
  if (evidence.body.disagree >= threshold) return 'disputes';
  // Much the same words: the outlet tells it in a claim the clustering put elsewhere. This holds
  // also when the outlet never names the narrative's actors: it may name them otherwise ("Justice
  // officials" for the department's spokeswoman Kerri Kupec), and a claim that repeats most of the
  // narrative's distinctive words ("the panel's plans to allow the committee's counsels from both
  // sides to question Barr") carries it whoever it says is speaking.
  if (evidence.nearest.some((x) => x.cosine >= SAME_WORDS)) return 'discusses';
  // The model's `discuss` is read only where the outlet names the narrative's actors: on claims
  // that share few words it finds a discussion of almost any claim on the same topic.
  if (!evidence.silent && evidence.nearest.some((x) => x.relation.discuss >= threshold)) return 'discusses';
  return 'omits';
}
