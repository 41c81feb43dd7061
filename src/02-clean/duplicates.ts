import { createHash } from 'node:crypto';
import type { Article, DuplicateOf } from '../types/index.js';

/** Options of {@link DuplicateDetector}. */
export interface DuplicateOptions {
  /**
   * Estimated shingle Jaccard similarity at or above which two articles are near-duplicates.
   * @default 0.8
   */
  readonly threshold?: number;
}

const HASHES = 64;
const BANDS = 16; // 16 bands x 4 rows: pairs above ~0.6 similarity almost always share a band
const ROWS = HASHES / BANDS;
const SHINGLE = 5;
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

/** 32-bit FNV-1a hash of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A cheap 32-bit mix so one shingle hash gives HASHES independent-looking values. */
function mix(value: number, seed: number): number {
  let h = (value ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The text a duplicate check compares: the kept text, lower-cased, with spacing collapsed. */
function normalised(article: Article): string {
  let text = article.text;
  for (const region of [...article.dropped].sort((a, b) => b.start - a.start)) {
    text = text.slice(0, region.start) + text.slice(region.end);
  }
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Finds exact and near-duplicate articles in a stream, keeping the first of each group.
 * Exact: same normalised kept text (SHA-1). Near: MinHash over word 5-shingles with LSH banding,
 * so each new article is compared only with the few earlier ones sharing a band. Memory: about
 * 300 bytes per article seen, so a million articles fit comfortably.
 */
export class DuplicateDetector {
  readonly #threshold: number;
  readonly #exact = new Map<string, string>();
  readonly #bands = new Map<string, string>();
  readonly #signatures = new Map<string, Uint32Array>();

  constructor(options: DuplicateOptions = {}) {
    const threshold = options.threshold ?? 0.8;
    if (!(threshold > 0 && threshold <= 1)) throw new TypeError(`narrascope: duplicate threshold must be in (0, 1], got ${threshold}`);
    this.#threshold = threshold;
  }

  /** Check an article against those seen so far; remember it when it is not a duplicate. */
  check(article: Article): DuplicateOf | null {
    const text = normalised(article);
    const digest = createHash('sha1').update(text).digest('base64');
    const exact = this.#exact.get(digest);
    if (exact !== undefined) return { id: exact, kind: 'exact', similarity: 1 };

    const signature = minhash(text);
    let best: DuplicateOf | null = null;
    const keys: string[] = [];
    for (let band = 0; band < BANDS; band++) {
      const key = `${band}:${signature.subarray(band * ROWS, (band + 1) * ROWS).join(',')}`;
      keys.push(key);
      const candidate = this.#bands.get(key);
      const other = candidate === undefined ? undefined : this.#signatures.get(candidate);
      if (candidate === undefined || other === undefined) continue;
      const similarity = agreement(signature, other);
      if (similarity >= this.#threshold && (!best || similarity > best.similarity)) best = { id: candidate, kind: 'near', similarity };
    }
    if (best) return best;
    this.#exact.set(digest, article.id);
    this.#signatures.set(article.id, signature);
    for (const key of keys) if (!this.#bands.has(key)) this.#bands.set(key, article.id);
    return null;
  }
}

function minhash(text: string): Uint32Array {
  const words = text.split(' ');
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  const count = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < count; i++) {
    const shingle = fnv1a(words.slice(i, i + SHINGLE).join(' '));
    for (let k = 0; k < HASHES; k++) {
      const value = mix(shingle, SEEDS[k] ?? 0);
      if (value < (signature[k] ?? 0)) signature[k] = value;
    }
  }
  return signature;
}

function agreement(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return Math.round((same / HASHES) * 100) / 100;
}
