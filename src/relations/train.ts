/**
 * Training of the two relation stages on FNC-1 pairs (used by scripts/train-relations.ts):
 * hold out 20% of the bodies by body id (as the FNC-1 baseline does), build the pair features
 * once, train stage 1 (related / unrelated) on every training pair and stage 2 (agree /
 * disagree / discuss) on the related ones, with class weights against disagree's rarity.
 */
import type { WordVectors } from '../adapters/embeddings.js';
import { RowBuilder, seededRandom, shuffleInPlace, trainLogistic, type FeatureRows, type LinearModel } from '../learn/index.js';
import type { Fnc1Label, Fnc1Pair } from '../eval/fnc1-read.js';
import { pairFeatures, Tee } from './features.js';
import { RELATION_BITS } from './model.js';
import { prepareText, type PreparedText } from './text.js';

/** Body ids split into training and held-out (dev) sets, deterministically. */
export function splitBodies(bodyIds: Iterable<string>, holdout = 0.2, seed = 1337): { train: Set<string>; dev: Set<string> } {
  const ids = [...new Set(bodyIds)].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  shuffleInPlace(ids, seededRandom(seed));
  const cut = Math.round(ids.length * holdout);
  return { dev: new Set(ids.slice(0, cut)), train: new Set(ids.slice(cut)) };
}

/** Prepare every body once and every distinct headline once. */
export class PairFeaturizer {
  private readonly bodies = new Map<string, PreparedText>();
  private readonly claims = new Map<string, PreparedText>();
  constructor(private readonly texts: ReadonlyMap<string, string>, private readonly vectors: WordVectors) {}

  /** The prepared body of an id. */
  body(id: string): PreparedText {
    let p = this.bodies.get(id);
    if (!p) { p = prepareText(this.texts.get(id) ?? '', this.vectors); this.bodies.set(id, p); }
    return p;
  }

  /** The prepared headline. */
  claim(text: string): PreparedText {
    let p = this.claims.get(text);
    if (!p) { p = prepareText(text, this.vectors); this.claims.set(text, p); }
    return p;
  }

  /** Feature rows of `pairs`, in order: dense (stage 1) and dense + words (stage 2). */
  rows(pairs: readonly Fnc1Pair[]): StageRows {
    const dense = new RowBuilder(RELATION_BITS);
    const full = new RowBuilder(RELATION_BITS);
    const tee = new Tee(dense, full);
    for (const pair of pairs) {
      pairFeatures(this.claim(pair.headline), this.body(pair.bodyId), this.vectors, tee, full);
      dense.next();
      full.next();
    }
    return { dense: dense.build(), full: full.build() };
  }
}

/**
 * Feature rows of plain (claim, text) pairs, e.g. Emergent's claim and article headlines:
 * short texts, so the model also sees sentence-sized evidence, not only whole bodies.
 */
export function textPairRows(pairs: readonly { readonly claim: string; readonly text: string }[], vectors: WordVectors): StageRows {
  const dense = new RowBuilder(RELATION_BITS);
  const full = new RowBuilder(RELATION_BITS);
  const tee = new Tee(dense, full);
  for (const pair of pairs) {
    pairFeatures(prepareText(pair.claim, vectors), prepareText(pair.text, vectors), vectors, tee, full);
    dense.next();
    full.next();
  }
  return { dense: dense.build(), full: full.build() };
}

/** Rows of `a` followed by rows of `b`. */
export function concatRows(a: FeatureRows, b: FeatureRows): FeatureRows {
  const ids = new Int32Array(a.ids.length + b.ids.length);
  ids.set(a.ids);
  ids.set(b.ids, a.ids.length);
  const values = new Float32Array(a.values.length + b.values.length);
  values.set(a.values);
  values.set(b.values, a.values.length);
  const offsets = new Int32Array(a.length + b.length + 1);
  offsets.set(a.offsets.subarray(0, a.length + 1));
  for (let i = 1; i <= b.length; i++) offsets[a.length + i] = (b.offsets[i] ?? 0) + a.ids.length;
  return { ids, values, offsets, length: a.length + b.length };
}

/** The rows of both stages, pair by pair. */
export interface StageRows {
  readonly dense: FeatureRows;
  readonly full: FeatureRows;
}

/** Options of {@link trainRelationStages}. */
export interface RelationTrainOptions {
  readonly epochs?: number;
  /** Loss weights of agree, disagree, discuss in stage 2. @default [1, 3, 1] */
  readonly stanceWeights?: readonly number[];
  readonly learningRate?: number;
  readonly l2?: number;
  readonly log?: (line: string) => void;
}

/** Pick rows by index into a new FeatureRows. */
function selectRows(rows: FeatureRows, keep: readonly number[]): FeatureRows {
  let size = 0;
  for (const i of keep) size += (rows.offsets[i + 1] ?? 0) - (rows.offsets[i] ?? 0);
  const ids = new Int32Array(size);
  const values = new Float32Array(size);
  const offsets = new Int32Array(keep.length + 1);
  let at = 0;
  keep.forEach((i, r) => {
    const from = rows.offsets[i] ?? 0;
    const to = rows.offsets[i + 1] ?? 0;
    ids.set(rows.ids.subarray(from, to), at);
    values.set(rows.values.subarray(from, to), at);
    at += to - from;
    offsets[r + 1] = at;
  });
  return { ids, values, offsets, length: keep.length };
}

/** Train both stages on feature rows with gold labels. Deterministic. */
export function trainRelationStages(rows: StageRows, gold: readonly Fnc1Label[], options: RelationTrainOptions = {}): { related: LinearModel; stance: LinearModel } {
  const { epochs = 8, stanceWeights = [1, 3, 1], learningRate = 0.1, l2 = 1e-6, log } = options;
  const stage1Gold = Int32Array.from(gold, (g) => (g === 'unrelated' ? 1 : 0));
  const related = trainLogistic(['related', 'unrelated'], rows.dense, stage1Gold, RELATION_BITS, {
    epochs, learningRate, l2, seed: 1, onEpoch: (e, loss) => log?.(`stage 1 epoch ${e}: log loss ${loss.toFixed(4)}`),
  });
  const keep: number[] = [];
  gold.forEach((g, i) => { if (g !== 'unrelated') keep.push(i); });
  const stanceLabels = ['agree', 'disagree', 'discuss'];
  const stage2Gold = Int32Array.from(keep, (i) => stanceLabels.indexOf(gold[i] ?? 'agree'));
  const stance = trainLogistic(stanceLabels, selectRows(rows.full, keep), stage2Gold, RELATION_BITS, {
    epochs, learningRate, l2, classWeights: stanceWeights, seed: 2, onEpoch: (e, loss) => log?.(`stage 2 epoch ${e}: log loss ${loss.toFixed(4)}`),
  });
  return { related, stance };
}
