/**
 * Claim-relation speed for `narrascope bench`: claim-body pairs per second on one core (this
 * thread), on FNC-1 pairs when ../shared is present (speed only: those pairs are training data),
 * taking whole bodies with all their headlines (FNC-1's ratio, ~30 claims per body), else on the benchmark articles with each article's first sentence as the claim against the
 * next article. Two rates: bodies prepared once and reused across their claims (as `eval fnc1`
 * and `track` do), and every pair from raw text (tokenising the body each time).
 */
import { existsSync } from 'node:fs';
import { readFnc1Bodies, readFnc1Stances } from '../eval/fnc1-read.js';
import { loadRelationModel, splitSentences, type PreparedText } from '../relations/index.js';
import type { Article } from '../types/index.js';

/** Where the FNC-1 training files are expected. */
export const FNC1_DIR = '../shared/corpora/fnc1';

/** Result of {@link benchmarkRelations}. */
export interface RelationTiming {
  readonly source: string;
  readonly pairs: number;
  /** Pairs per second, each body prepared once (mean body length in characters below). */
  readonly pairsPerSecond: number;
  /** Pairs per second when each pair starts from raw text. */
  readonly rawPairsPerSecond: number;
  /** Pairs per second of this process's CPU time (bodies prepared once): on a shared machine the wall clock undercounts. */
  readonly pairsPerCpuSecond: number;
  readonly meanBodyChars: number;
}

function pairsOf(articles: readonly Article[], limit: number): { source: string; pairs: { claim: string; body: string }[] } {
  const bodies = existsSync(`${FNC1_DIR}/train_bodies.csv`) ? readFnc1Bodies(`${FNC1_DIR}/train_bodies.csv`) : undefined;
  if (bodies && existsSync(`${FNC1_DIR}/train_stances.csv`)) {
    const { pairs } = readFnc1Stances(`${FNC1_DIR}/train_stances.csv`, bodies);
    // Whole bodies, with all their claims (FNC-1 pairs each body with ~30 headlines), until `limit`.
    const byBody = new Map<string, typeof pairs>();
    for (const p of pairs) byBody.set(p.bodyId, [...(byBody.get(p.bodyId) ?? []), p]);
    const chosen: { claim: string; body: string }[] = [];
    for (const [id, group] of byBody) {
      if (chosen.length >= limit) break;
      for (const p of group) chosen.push({ claim: p.headline, body: bodies.get(id) ?? '' });
    }
    return { source: 'FNC-1 train pairs, whole bodies with all their headlines (speed only)', pairs: chosen };
  }
  const pairs = articles.slice(0, limit).map((a, i) => {
    const first = splitSentences(a.text)[0];
    return { claim: first ? a.text.slice(first.start, first.end) : a.text.slice(0, 120), body: (articles[(i + 1) % articles.length] ?? a).text };
  });
  return { source: 'benchmark articles (first sentence vs next article)', pairs };
}

/** Time the relation model on up to `limit` pairs (the best of `rounds`). */
export function benchmarkRelations(articles: readonly Article[], limit = 3000, rounds = 2): RelationTiming {
  const model = loadRelationModel();
  const { source, pairs } = pairsOf(articles, limit);
  let best = Infinity;
  let bestRaw = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < rounds; r++) {
    const prepared = new Map<string, PreparedText>();
    const cpu = process.cpuUsage();
    let t = performance.now();
    for (const p of pairs) {
      let body = prepared.get(p.body);
      if (!body) { body = model.prepare(p.body); prepared.set(p.body, body); }
      let claim = prepared.get(p.claim);
      if (!claim) { claim = model.prepare(p.claim); prepared.set(p.claim, claim); }
      model.score(claim, body);
    }
    best = Math.min(best, performance.now() - t);
    const used = process.cpuUsage(cpu);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
    t = performance.now();
    for (const p of pairs.slice(0, Math.ceil(pairs.length / 4))) model.score(model.prepare(p.claim), model.prepare(p.body));
    bestRaw = Math.min(bestRaw, (performance.now() - t) * 4);
  }
  const chars = pairs.reduce((sum, p) => sum + p.body.length, 0);
  return {
    source,
    pairs: pairs.length,
    pairsPerSecond: pairs.length / (best / 1000),
    rawPairsPerSecond: pairs.length / (bestRaw / 1000),
    pairsPerCpuSecond: pairs.length / (bestCpu / 1000),
    meanBodyChars: pairs.length ? Math.round(chars / pairs.length) : 0,
  };
}

/** One line for the bench report. */
export function formatRelations(t: RelationTiming): string {
  return `\nclaim relations (one core, ${t.pairs} pairs from ${t.source}, bodies ${t.meanBodyChars} chars on average):\n` +
    `  ${Math.round(t.pairsPerSecond)} pairs/s with each body prepared once (${Math.round(t.pairsPerCpuSecond)} per CPU second); ${Math.round(t.rawPairsPerSecond)} pairs/s from raw text\n`;
}
