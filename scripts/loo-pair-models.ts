/**
 * Leave-one-event-out pair models for the error scripts: for each dev gold event, the narrative
 * pair model trained on the other events only, as `npm run train:narratives` scores them (same
 * labels, features, trainer settings and seed), so an error script can list the very items behind
 * the leave-one-event-out figures. Never reads the held-back final half.
 */
import { eventClaims, mergeActors, pairContext, pairFeatures, PAIR_FEATURES, PAIR_LABELS, claimRelations, type PairModel } from '../src/07-narratives/index.js';
import { loadEmbeddings } from '../src/adapters/embeddings.js';
import { RowBuilder, trainLogistic } from '../src/learn/index.js';
import type { GoldEvent } from '../src/eval/narratives/gold-schema.js';
import type { AnalyzedArticle } from '../src/types/index.js';
import { goldLabelOf } from './gold-runs.js';

const BITS = 6;

/** The training rows of one event: labelled pair feature vectors. */
export interface PairRows { readonly rows: number[][]; readonly labels: number[] }

/** The pair label index (0 same, 1 rival, 2 other) or -1 when the pair teaches nothing (as in train-narrative-pairs.ts). */
function pairLabel(gold: GoldEvent, x: string | null, y: string | null): number {
  if (x === null || y === null) return -1;
  if (x === '#bg' && y === '#bg') return -1;
  if (x === '#bg' || y === '#bg') return 2;
  if (x === y) return 0;
  const plain = (l: string): string => l.replace(/^¬/, '');
  if (plain(x) === plain(y)) return 1;
  if (x.startsWith('¬') || y.startsWith('¬')) return 2;
  return gold.conflicts.some((c) => (c.a === x && c.b === y) || (c.a === y && c.b === x)) ? 1 : 2;
}

/** The labelled claim pairs of one analysed gold event. */
export function pairRows(gold: GoldEvent, articles: readonly AnalyzedArticle[]): PairRows {
  const live = articles.filter((a) => !a.duplicateOf);
  const { claims, features } = eventClaims(live, mergeActors(live), 'e1');
  const goldLabels = claims.map((c) => goldLabelOf(gold, c));
  const ctx = pairContext(features, loadEmbeddings(), claimRelations());
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const y = pairLabel(gold, goldLabels[i] ?? null, goldLabels[j] ?? null);
      if (y < 0) continue;
      rows.push([...pairFeatures(ctx, i, j).vector]);
      labels.push(y);
    }
  }
  return { rows, labels };
}

/** A pair model trained on the given events' rows (rival weight 2, as shipped). */
export function trainPairModel(events: readonly PairRows[]): PairModel {
  const builder = new RowBuilder(BITS);
  const gold: number[] = [];
  for (const e of events) {
    e.rows.forEach((row, r) => {
      row.forEach((v, f) => builder.addValue(f, v));
      builder.next();
      gold.push(e.labels[r] ?? 2);
    });
  }
  const model = trainLogistic(PAIR_LABELS, builder.build(), Int32Array.from(gold), BITS, { epochs: 30, learningRate: 0.1, l2: 1e-5, classWeights: [1, 2, 1], seed: 7 });
  const k = PAIR_LABELS.length;
  const round = (x: number): number => Math.round(x * 1e5) / 1e5;
  return {
    format: 'narrascope-narrative-pairs/1',
    features: [...PAIR_FEATURES],
    labels: [...PAIR_LABELS],
    bias: PAIR_LABELS.map((_, y) => round(model.bias[y] ?? 0)),
    weights: PAIR_LABELS.map((_, y) => PAIR_FEATURES.map((__, f) => round(model.weights[f * k + y] ?? 0))),
  };
}
