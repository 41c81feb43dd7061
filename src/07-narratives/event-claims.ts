/**
 * Steps 7.2-7.4 for one event: the claims of its live articles, capped so every outlet keeps a
 * voice, their features with anaphors resolved, and each claim's proposition. The graph, the
 * pair model's training and the diagnostics all start from exactly this.
 */
import type { AnalyzedArticle } from '../types/index.js';
import type { NarrativeClaim } from '../types/narratives.js';
import { resolveAnaphora } from './anaphora.js';
import { claimsOf } from './claims.js';
import type { CrossActors } from './cross-actors.js';
import { featureContext, featuresOf, propositionOf, type ClaimFeatures, type FeatureContext } from './features.js';

/**
 * At most `max` claims, taken in turn from each article (first claims first), in their original
 * order: every outlet keeps a voice when a huge event is cut down.
 */
function capClaims<T extends { readonly articleId: string }>(claims: readonly T[], max: number): T[] {
  if (claims.length <= max) return [...claims];
  const byArticle = new Map<string, number[]>();
  claims.forEach((c, i) => byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), i]));
  const queues = [...byArticle.values()];
  const kept: number[] = [];
  for (let round = 0; kept.length < max; round++) {
    for (const queue of queues) {
      const index = queue[round];
      if (index !== undefined && kept.length < max) kept.push(index);
    }
  }
  return kept.sort((a, b) => a - b).map((i) => claims[i] as T);
}

/** The claims of one event with their features: what the graph is built on. */
export interface EventClaims {
  readonly claims: NarrativeClaim[];
  readonly features: ClaimFeatures[];
  readonly context: FeatureContext;
  /** Claims left out by `maxClaims`. */
  readonly skippedClaims: number;
}

/**
 * Steps 7.2-7.4 for one event: every live article's claims (capped at `maxClaims`), their
 * features with anaphors resolved, and each claim's proposition. Exported for training the pair
 * model on exactly what the graph sees.
 */
export function eventClaims(articles: readonly AnalyzedArticle[], actors: CrossActors, event: string, options: { readonly maxClaims?: number } = {}): EventClaims {
  const live = articles.filter((a) => !a.duplicateOf);
  const allClaims = live.flatMap((article, i) => claimsOf(article, actors, { idPrefix: `${event}.c${i + 1}-` }));
  const capped = capClaims(allClaims, options.maxClaims ?? 3000);
  const context = featureContext(live, actors);
  const features = resolveAnaphora(capped.map((claim) => featuresOf(claim, context)));
  const claims: NarrativeClaim[] = capped.map((claim, i) => ({ ...claim, proposition: propositionOf(features[i] as ClaimFeatures) }));
  return { claims, features, context, skippedClaims: allClaims.length - capped.length };
}
