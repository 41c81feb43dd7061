/**
 * Step 7.9: the narratives of one event: claims -> features -> signed graph -> correlation
 * clusters -> narratives with labels, backers and disputers, and the conflicts between them.
 */
import type { AnalyzedArticle } from '../types/index.js';
import type { ConflictEvidence, Narrative, NarrativeAnalysis, NarrativeClaim, NarrativeConflict } from '../types/narratives.js';
import { claimsOf } from './claims.js';
import { correlationClusters } from './cluster.js';
import type { CrossActors } from './cross-actors.js';
import { featureContext, featuresOf } from './features.js';
import { buildGraph, type GraphOptions } from './graph.js';
import { labelOf } from './label.js';

/** Options of {@link buildNarratives}. */
export interface NarrativeOptions extends GraphOptions {
  /**
   * Weakest contradiction (summed over claim pairs) that makes two narratives a conflict.
   * @default 0.5
   */
  readonly minConflict?: number;
  /**
   * Most claims one event is clustered with. The signed graph is dense (n² weights: 3,000 claims
   * take 72 MB), so an event past this (a whole feed compared as one event) keeps an even share of
   * each article's claims, taken in turn, and reports how many it skipped.
   * @default 3000
   */
  readonly maxClaims?: number;
}

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

/** Actor ids of a claim: its speaker and co-speakers. */
const backersOf = (claim: NarrativeClaim): string[] => [...(claim.actorId ? [claim.actorId] : []), ...(claim.coActorIds ?? [])];

/**
 * Find the competing narratives of one event. `articles` are the event's analysed articles
 * (duplicates are skipped); `actors` the comparison's cross-article actors; `event` prefixes the
 * ids (`e1.n2`, `e1.c5`) so they stay unique over a grouped comparison. A narrative is kept when
 * it has two claims or more, or a conflict: a single claim that nothing echoes or opposes is
 * background, not a competing story.
 */
export function buildNarratives(articles: readonly AnalyzedArticle[], actors: CrossActors, event: string, options: NarrativeOptions = {}): NarrativeAnalysis {
  const live = articles.filter((a) => !a.duplicateOf);
  const allClaims = live.flatMap((article, i) => claimsOf(article, actors, { idPrefix: `${event}.c${i + 1}-` }));
  const claims = capClaims(allClaims, options.maxClaims ?? 3000);
  const context = featureContext(live, actors);
  const features = claims.map((claim) => featuresOf(claim, context));
  const graph = buildGraph(features, options);
  const n = graph.size;
  const weight = (i: number, j: number): number => graph.weights[i * n + j] ?? 0;
  const clusters = correlationClusters(n, graph.weights);
  const clusterOf = new Int32Array(n);
  clusters.forEach((members, c) => { for (const i of members) clusterOf[i] = c; });

  // Conflicts: contradictions between claims of different clusters, summed per cluster pair.
  interface Between { a: number; b: number; total: number; evidence: ConflictEvidence[]; disputers: Map<number, Set<string>> }
  const between = new Map<string, Between>();
  for (const [key, conflict] of graph.contradictions) {
    const [i = 0, j = 0] = key.split(',').map(Number);
    const ci = clusterOf[i] ?? 0;
    const cj = clusterOf[j] ?? 0;
    if (ci === cj) continue;
    const [a, b] = ci < cj ? [ci, cj] : [cj, ci];
    const entry: Between = between.get(`${a},${b}`) ?? { a, b, total: 0, evidence: [], disputers: new Map() };
    between.set(`${a},${b}`, entry);
    entry.total += conflict.weight;
    entry.evidence.push({ signal: conflict.signal, claimA: claims[i]?.id ?? '', claimB: claims[j]?.id ?? '', weight: Math.round(conflict.weight * 100) / 100 });
    // Who disputes whom: the denying/excluding claim's backers dispute the other claim's cluster.
    const dispute = (by: number, target: number): void => {
      const set = entry.disputers.get(clusterOf[target] ?? 0) ?? new Set<string>();
      for (const id of backersOf(claims[by] as NarrativeClaim)) set.add(id);
      entry.disputers.set(clusterOf[target] ?? 0, set);
    };
    if (conflict.disputing !== 'b') dispute(i, j);
    if (conflict.disputing !== 'a') dispute(j, i);
  }
  const minConflict = options.minConflict ?? 0.5;
  const conflicting = [...between.values()].filter((c) => c.total >= minConflict);
  const inConflict = new Set(conflicting.flatMap((c) => [c.a, c.b]));

  const keep = clusters.map((members, c) => inConflict.has(c) || members.length >= 2);
  const ids = new Map<number, string>();
  let next = 1;
  clusters.forEach((_, c) => { if (keep[c]) ids.set(c, `${event}.n${next++}`); });

  const disputersOf = new Map<number, Set<string>>();
  for (const c of conflicting) for (const [target, set] of c.disputers) {
    const all = disputersOf.get(target) ?? new Set<string>();
    for (const id of set) all.add(id);
    disputersOf.set(target, all);
  }
  const narratives: Narrative[] = [];
  clusters.forEach((members, c) => {
    const id = ids.get(c);
    if (!id) return;
    const own = members.map((i) => claims[i]).filter((x): x is NarrativeClaim => x !== undefined);
    // A denial that landed among assertions does not back them: "Kyiv denied any involvement"
    // sits near "ISIS-K alone bears responsibility" but Kyiv asserts neither. Deniers back a
    // narrative only when it is made of denials ("he was not aware of any warnings").
    const asserting = own.filter((x) => x.stance !== 'denies' && x.stance !== 'doubts');
    const backers = [...new Set((asserting.length > 0 ? asserting : own).flatMap(backersOf))];
    const disputers = [...(disputersOf.get(c) ?? [])].filter((d) => !backers.includes(d));
    narratives.push({
      id, event, label: labelOf(members, claims, weight),
      claimIds: own.map((x) => x.id), backers, disputers,
      outlets: [...new Set(own.map((x) => x.outlet ?? x.articleId))],
    });
  });
  const conflicts: NarrativeConflict[] = conflicting.flatMap((c) => {
    const a = ids.get(c.a);
    const b = ids.get(c.b);
    if (!a || !b) return [];
    const signals = [...new Set(c.evidence.map((e) => e.signal))];
    return [{ a, b, reason: signals.join('; '), evidence: c.evidence.sort((x, y) => y.weight - x.weight) }];
  });
  return { event, claims, narratives, conflicts, skippedClaims: allClaims.length - claims.length };
}
