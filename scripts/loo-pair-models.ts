/**
 * The narrative pair model's training data and trainer, shared by `npm run train:narratives`
 * (scripts/train-narrative-pairs.ts) and the error scripts: the labelled claim pairs of a gold
 * event and a model trained on some events' pairs, so an error script can rebuild, for each dev
 * gold event, the model trained on the other events only and list the very items behind the
 * leave-one-event-out figures. Never reads the held-back final half.
 */
import { eventClaims, mergeActors, pairContext, pairFeatures, PAIR_FEATURES, PAIR_LABELS, claimRelations, type PairModel } from '../src/07-narratives/index.js';
import { loadEmbeddings } from '../src/adapters/embeddings.js';
import { RowBuilder, trainLogistic } from '../src/learn/index.js';
import type { GoldEvent } from '../src/eval/narratives/gold-schema.js';
import type { AnalyzedArticle } from '../src/types/index.js';
import { goldLabelOf } from './gold-runs.js';

const BITS = 6;
/** Trainer knobs (experiments only; the shipped values are the defaults). */
const KNOBS = { l2: Number(process.env['PAIR_L2'] ?? 1e-5), epochs: Number(process.env['PAIR_EPOCHS'] ?? 30), balance: Number(process.env['PAIR_BALANCE'] ?? 0), drop: new Set((process.env['PAIR_DROP'] ?? '').split(',').filter(Boolean).map((name) => PAIR_FEATURES.indexOf(name as (typeof PAIR_FEATURES)[number]))) };

/** The training rows of one event: labelled pair feature vectors. */
export interface PairRows { readonly rows: number[][]; readonly labels: number[] }

/** The pair label index (0 same, 1 rival, 2 other) or -1 when the pair teaches nothing. */
export function pairLabel(gold: GoldEvent, x: string | null, y: string | null): number {
  if (x === null || y === null) return -1;
  if (x === '#bg' && y === '#bg') return -1;
  if (x === '#bg' || y === '#bg') return 2;
  if (x === y) return 0;
  const plain = (l: string): string => l.replace(/^¬/, '');
  if (plain(x) === plain(y)) return 1;
  if (x.startsWith('¬') || y.startsWith('¬')) return 2;
  return gold.conflicts.some((c) => (c.a === x && c.b === y) || (c.a === y && c.b === x)) ? 1 : 2;
}

/** The labelled claim pairs of one analysed gold event, with how many of its claims align with gold. */
export function pairRows(gold: GoldEvent, articles: readonly AnalyzedArticle[], relations = claimRelations()): PairRows & { readonly claims: number; readonly aligned: number } {
  const live = articles.filter((a) => !a.duplicateOf);
  const { claims, features } = eventClaims(live, mergeActors(live), 'e1');
  const goldLabels = claims.map((c) => goldLabelOf(gold, c));
  const ctx = pairContext(features, loadEmbeddings(), relations);
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
  return { rows, labels, claims: claims.length, aligned: goldLabels.filter((l) => l !== null).length };
}

/** A pair model trained on the given events' rows (rival class weight 2, as shipped). */
export function trainPairModel(events: readonly PairRows[], rivalWeight = 2): PairModel {
  const builder = new RowBuilder(BITS);
  const gold: number[] = [];
  const rowWeights: number[] = [];
  const meanRows = events.reduce((n, e) => n + e.rows.length, 0) / Math.max(1, events.length);
  for (const e of events) {
    // Experiment knob PAIR_BALANCE=x: an event of n pairs weighs (mean/n)^x per pair (1: every event the same).
    const w = Math.pow(meanRows / Math.max(1, e.rows.length), KNOBS.balance);
    e.rows.forEach((row, r) => {
      row.forEach((v, f) => { if (!KNOBS.drop.has(f)) builder.addValue(f, v); });
      builder.next();
      gold.push(e.labels[r] ?? 2);
      rowWeights.push(w);
    });
  }
  const model = trainLogistic(PAIR_LABELS, builder.build(), Int32Array.from(gold), BITS, { epochs: KNOBS.epochs, learningRate: 0.1, l2: KNOBS.l2, classWeights: [1, rivalWeight, 1], rowWeights, seed: 7 });
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
