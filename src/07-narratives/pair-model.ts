/**
 * Step 7.6c: the trained pair model. Given the features of two claims of one event
 * (`pair-features.ts`), the probability that they tell the same narrative, rival answers to one
 * question (or one denies the other), or neither. Multinomial logistic regression trained on the
 * hand-annotated gold events (`scripts/train-narrative-pairs.ts`); the file is a small readable
 * JSON of one weight per feature and label, so a user can see what the model leans on.
 */
import { readFileSync } from 'node:fs';
import { PAIR_FEATURES } from './pair-features.js';

/** The three readings of a pair. */
export const PAIR_LABELS = ['same', 'rival', 'other'] as const;
export type PairLabel = (typeof PAIR_LABELS)[number];

/** A trained pair model as stored in `models/narrative-pairs.json`. */
export interface PairModel {
  readonly format: 'narrascope-narrative-pairs/1';
  readonly features: readonly string[];
  readonly labels: readonly PairLabel[];
  /** One bias per label. */
  readonly bias: readonly number[];
  /** `weights[label][feature]`. */
  readonly weights: readonly (readonly number[])[];
  /** How the shipped file was made (events, pairs, held-out figures), for the record. */
  readonly trainedOn?: string;
}

/** Probabilities of the three readings (they sum to 1). */
export interface PairProbabilities {
  readonly same: number;
  readonly rival: number;
  readonly other: number;
}

/** Check a parsed model file against the features this version computes. */
export function checkPairModel(value: unknown, name: string): PairModel {
  const m = value as Partial<PairModel> | null;
  const fail = (why: string): never => { throw new TypeError(`narrascope: ${name} is not a narrative pair model (${why})`); };
  if (!m || m.format !== 'narrascope-narrative-pairs/1') fail('format is not narrascope-narrative-pairs/1');
  if (!Array.isArray(m?.features) || m.features.join('\n') !== PAIR_FEATURES.join('\n')) fail(`its features differ from this version's ${PAIR_FEATURES.length}; retrain it`);
  if (!Array.isArray(m?.labels) || m.labels.join() !== PAIR_LABELS.join()) fail(`labels must be ${PAIR_LABELS.join(', ')}`);
  if (!Array.isArray(m?.bias) || m.bias.length !== PAIR_LABELS.length) fail('bias needs one number per label');
  if (!Array.isArray(m?.weights) || m.weights.length !== PAIR_LABELS.length || m.weights.some((w) => !Array.isArray(w) || w.length !== PAIR_FEATURES.length)) fail('weights need one row per label and one column per feature');
  return m as PairModel;
}

let shipped: PairModel | undefined;

/** The shipped model (`models/narrative-pairs.json`), read once per process. */
export function loadPairModel(file: URL | string = new URL('../../models/narrative-pairs.json', import.meta.url)): PairModel {
  if (typeof file !== 'string' && shipped && file.href === new URL('../../models/narrative-pairs.json', import.meta.url).href) return shipped;
  const model = checkPairModel(JSON.parse(readFileSync(file, 'utf8')), String(file));
  if (typeof file !== 'string') shipped = model;
  return model;
}

/** The model's reading of one pair's feature vector. */
export function scorePair(model: PairModel, x: ArrayLike<number>): PairProbabilities {
  const scores = model.labels.map((_, y) => {
    const w = model.weights[y] ?? [];
    let s = model.bias[y] ?? 0;
    for (let f = 0; f < w.length; f++) s += (w[f] ?? 0) * (x[f] ?? 0);
    return s;
  });
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return { same: (exp[0] ?? 0) / total, rival: (exp[1] ?? 0) / total, other: (exp[2] ?? 0) / total };
}
