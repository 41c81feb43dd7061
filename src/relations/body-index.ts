/**
 * Per-text precomputation reused across claims: TF-IDF weights by stem, the SIF mean vector, the
 * distinct embedding rows of content words (for soft alignment), and word-class flags. Computed
 * lazily once per prepared text and cached on it (a WeakMap, so it dies with the text).
 */
import type { WordVectors } from '../adapters/embeddings.js';
import { mix } from '../learn/index.js';
import { HEDGES, NEGATION, REFUTING, stanceClassByStem } from './lexicon.js';
import type { PreparedText } from './text.js';

/** Word-class bits per token. */
export const IS_NEGATION = 1;
export const IS_REFUTING = 2;
export const IS_HEDGE = 4;

/** What a body needs once, whatever the claim. */
export interface TextIndex {
  /** Stem hash -> TF-IDF weight (tf x inverse-frequency weight). */
  readonly tfidf: ReadonlyMap<number, number>;
  /** Euclidean norm of the TF-IDF vector. */
  readonly norm: number;
  /** SIF-weighted mean vector of the whole text. */
  readonly meanVector: Float32Array;
  /** Distinct embedding rows of content words, and per token its index there (-1: none). */
  readonly uniqueRows: Int32Array;
  readonly tokenUnique: Int32Array;
  /** The unit vectors of `uniqueRows`, dequantised once: [unique][dim] (alignment reads them per claim). */
  readonly uniqueVectors: Float32Array;
  /** Word-class bits per token (IS_NEGATION | IS_REFUTING | IS_HEDGE). */
  readonly flags: Uint8Array;
  /** The word features of the whole text: one hashed feature per distinct content stem. */
  readonly stemFeatures: Int32Array;
  /** Stance class index + 1 per token (0: none), from the project's stance lexicon. */
  readonly stanceClass: Uint8Array;
}

/** Template id of whole-text stem features (the same numbering space as features.ts). */
const BODY_STEM = 18;

const cache = new WeakMap<PreparedText, TextIndex>();

/** The index of a prepared text (computed on first use, then cached). */
export function indexText(text: PreparedText, vectors: WordVectors): TextIndex {
  let index = cache.get(text);
  if (index) return index;
  const n = text.words.length;
  const tfidf = new Map<number, number>();
  const idf = new Map<number, number>();
  const unique = new Map<number, number>();
  const tokenUnique = new Int32Array(n).fill(-1);
  const flags = new Uint8Array(n);
  const stanceClass = new Uint8Array(n);
  const classes = stanceClassByStem();
  const meanVector = new Float32Array(vectors.dim);
  for (let i = 0; i < n; i++) {
    const w = text.words[i] ?? '';
    const s = text.stems[i] ?? 0;
    const weight = text.weights[i] ?? 0;
    if (NEGATION.has(w)) flags[i] = (flags[i] ?? 0) | IS_NEGATION;
    if (REFUTING.has(w)) flags[i] = (flags[i] ?? 0) | IS_REFUTING;
    if (HEDGES.has(w)) flags[i] = (flags[i] ?? 0) | IS_HEDGE;
    stanceClass[i] = (classes.get(s) ?? -1) + 1;
    if (weight <= 0) continue;
    tfidf.set(s, (tfidf.get(s) ?? 0) + 1);
    idf.set(s, weight);
    const row = text.rows[i] ?? -1;
    if (row < 0) continue;
    vectors.addRow(meanVector, row, weight);
    let u = unique.get(row);
    if (u === undefined) { u = unique.size; unique.set(row, u); }
    tokenUnique[i] = u;
  }
  let norm = 0;
  for (const [s, tf] of tfidf) {
    // Sublinear tf: a word said ten times is not ten times as topical.
    const v = (1 + Math.log(tf)) * (idf.get(s) ?? 1);
    tfidf.set(s, v);
    norm += v * v;
  }
  const stemFeatures = Int32Array.from(tfidf.keys(), (s) => mix(BODY_STEM, s));
  const uniqueVectors = new Float32Array(unique.size * vectors.dim);
  for (const [row, u] of unique) vectors.addRow(uniqueVectors.subarray(u * vectors.dim, (u + 1) * vectors.dim), row, 1);
  index = { stemFeatures, uniqueVectors, tfidf, norm: Math.sqrt(norm), meanVector, uniqueRows: Int32Array.from(unique.keys()), tokenUnique, flags, stanceClass };
  cache.set(text, index);
  return index;
}
