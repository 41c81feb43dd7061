/**
 * Word clusters for the taggers: spherical k-means over the shipped word vectors
 * (`models/embeddings-sg-100d.bin`) at a few granularities, fitted once at training time with a
 * fixed seed and stored in the attribution model as one packed id per vector row. A rare cue
 * word then shares weights with its frequent neighbours: "lamented", seen twice in PolNeAR train,
 * falls in the cluster of "complained" and "criticized" (Turian et al. 2010: cluster ids as
 * features help linear taggers on rare words).
 *
 * At run time a token's ids are one lookup of its lower-case form in the vectors' word -> row map
 * (which the runner loads anyway) and one read of the packed table; nothing is computed.
 */
import type { Segmented, Token } from '../types/index.js';
import type { WordVectors } from '../adapters/embeddings.js';
import { seededRandom } from '../learn/random.js';

/** Bits per granularity in a packed id (ids are 1-based, 0 = no vector). */
const FIELD_BITS = 10;
const FIELD_MASK = (1 << FIELD_BITS) - 1;

/** The JSON form, stored in the attribution model. */
export interface SerializedWordClusters {
  /** Clusters per granularity, coarse to fine, e.g. [32, 128, 512] (each < 1024, at most 3). */
  readonly sizes: readonly number[];
  /** Rows of the vectors the table was built for, and a checksum of them: the table is row-aligned. */
  readonly rows: number;
  readonly checksum: number;
  /** Per vector row, the 1-based cluster id of each granularity packed 10 bits apart (Uint32, little endian, base64). */
  readonly table: string;
}

/** Clusters ready to use, bound to the vectors they were fitted on. */
export interface WordClusters {
  readonly sizes: readonly number[];
  readonly table: Uint32Array;
  readonly vectors: WordVectors;
}

/** Options of {@link fitWordClusters}. */
export interface FitClusterOptions {
  /** @default [32, 128, 512] */
  readonly sizes?: readonly number[];
  /** Centroids are fitted on the most frequent rows (by rank); every row is then assigned. @default 12000 */
  readonly fitRows?: number;
  /** @default 10 */
  readonly iterations?: number;
  /** @default 1 */
  readonly seed?: number;
}

/** A cheap fingerprint of the vectors: their size and a sum over every 97th row's first values. */
function checksumOf(vectors: WordVectors): number {
  const v = new Float32Array(vectors.dim);
  let sum = vectors.size;
  for (let r = 0; r < vectors.size; r += 97) {
    v.fill(0);
    vectors.addRow(v, r, 1);
    sum += Math.round((v[0] ?? 0) * 1e4) * (r % 7 + 1) + Math.round((v[1] ?? 0) * 1e4);
  }
  return sum;
}

/** Row r's unit vector into out[at..at+dim). */
function readRow(vectors: WordVectors, r: number, out: Float64Array, at: number): void {
  const v = new Float32Array(vectors.dim);
  vectors.addRow(v, r, 1);
  let norm = 0;
  for (let d = 0; d < vectors.dim; d++) norm += (v[d] ?? 0) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < vectors.dim; d++) out[at + d] = (v[d] ?? 0) / norm;
}

/** Index of the centroid with the largest dot product with point p. */
function nearest(points: Float64Array, p: number, centroids: Float64Array, k: number, dim: number): number {
  let best = -Infinity;
  let arg = 0;
  for (let c = 0; c < k; c++) {
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += (points[p * dim + d] ?? 0) * (centroids[c * dim + d] ?? 0);
    if (dot > best) { best = dot; arg = c; }
  }
  return arg;
}

/**
 * Fit the clusters (deterministic: same vectors and options, same table).
 *
 * @example
 * const clusters = fitWordClusters(loadEmbeddings()); // ~15 s of CPU
 */
export function fitWordClusters(vectors: WordVectors, options: FitClusterOptions = {}): SerializedWordClusters {
  const sizes = options.sizes ?? [32, 128, 512];
  if (sizes.length > 3 || sizes.some((k) => k < 2 || k > FIELD_MASK - 1)) throw new TypeError('narrascope: cluster sizes must be 1 to 3 numbers in 2..1022');
  const dim = vectors.dim;
  const n = vectors.size;
  const all = new Float64Array(n * dim);
  for (let r = 0; r < n; r++) readRow(vectors, r, all, r * dim);
  // The most frequent rows carry the centroids (rare words' vectors are noisy), in rank order.
  const byRank = Array.from({ length: n }, (_, r) => r).sort((a, b) => vectors.rank(a) - vectors.rank(b) || a - b);
  const fitCount = Math.min(n, options.fitRows ?? 12000);
  const fit = new Float64Array(fitCount * dim);
  for (let i = 0; i < fitCount; i++) fit.set(all.subarray((byRank[i] ?? 0) * dim, (byRank[i] ?? 0) * dim + dim), i * dim);
  const table = new Uint32Array(n);
  sizes.forEach((k, level) => {
    const centroids = new Float64Array(k * dim);
    const random = seededRandom((options.seed ?? 1) * 1000 + k);
    const chosen = new Set<number>();
    for (let c = 0; c < k; c++) {
      let p = Math.floor(random() * fitCount);
      while (chosen.has(p)) p = (p + 1) % fitCount;
      chosen.add(p);
      centroids.set(fit.subarray(p * dim, p * dim + dim), c * dim);
    }
    const assign = new Int32Array(fitCount);
    for (let it = 0; it < (options.iterations ?? 10); it++) {
      for (let p = 0; p < fitCount; p++) assign[p] = nearest(fit, p, centroids, k, dim);
      const sums = new Float64Array(k * dim);
      for (let p = 0; p < fitCount; p++) {
        const c = assign[p] ?? 0;
        for (let d = 0; d < dim; d++) sums[c * dim + d] = (sums[c * dim + d] ?? 0) + (fit[p * dim + d] ?? 0);
      }
      for (let c = 0; c < k; c++) {
        let norm = 0;
        for (let d = 0; d < dim; d++) norm += (sums[c * dim + d] ?? 0) ** 2;
        if (norm === 0) continue; // an empty cluster keeps its centroid
        norm = Math.sqrt(norm);
        for (let d = 0; d < dim; d++) centroids[c * dim + d] = (sums[c * dim + d] ?? 0) / norm;
      }
    }
    for (let r = 0; r < n; r++) table[r] = ((table[r] ?? 0) | ((nearest(all, r, centroids, k, dim) + 1) << (level * FIELD_BITS))) >>> 0;
  });
  return { sizes: [...sizes], rows: n, checksum: checksumOf(vectors), table: Buffer.from(table.buffer, table.byteOffset, table.byteLength).toString('base64') };
}

/**
 * Bind stored clusters to the vectors; throws a TypeError when the vectors are not the ones the
 * table was built for (the table is row-aligned).
 */
export function wordClustersFromJson(data: SerializedWordClusters, vectors: WordVectors): WordClusters {
  if (data.rows !== vectors.size || data.checksum !== checksumOf(vectors)) {
    throw new TypeError('narrascope: the attribution model\'s word clusters were built for other word vectors (retrain with npm run train:attributions)');
  }
  const bytes = Buffer.from(data.table, 'base64');
  if (bytes.length !== data.rows * 4) throw new TypeError('narrascope: the attribution model\'s word-cluster table is truncated');
  const table = new Uint32Array(data.rows);
  for (let r = 0; r < data.rows; r++) table[r] = bytes.readUInt32LE(r * 4);
  return { sizes: [...data.sizes], table, vectors };
}

/**
 * Per token, its packed cluster ids (0 when the word has no vector): the lower-case form, else
 * the lemma ("Lamented" -> "lamented").
 *
 * @example
 * const ids = clusterIds(segmented, clusters); clusterField(ids[3] ?? 0, 1); // the 128-way id
 */
export function clusterIds(segmented: Segmented, clusters: WordClusters): Int32Array {
  const cached = computed.get(segmented);
  if (cached && cached.clusters === clusters) return cached.ids;
  const { tokens } = segmented;
  const out = new Int32Array(tokens.length);
  const { vectors, table } = clusters;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    let r = vectors.row(t.lower);
    if (r < 0 && t.lemma !== t.lower) r = vectors.row(t.lemma);
    out[i] = r < 0 ? 0 : (table[r] ?? 0);
  }
  computed.set(segmented, { clusters, ids: out });
  return out;
}

// Ids per article, shared by the cue and role taggers (weakly held, like the feature context).
const computed = new WeakMap<Segmented, { readonly clusters: WordClusters; readonly ids: Int32Array }>();

/** One granularity's id (1-based; 0 = no vector) out of a packed value. */
export function clusterField(packed: number, level: number): number {
  return (packed >>> (level * FIELD_BITS)) & FIELD_MASK;
}
