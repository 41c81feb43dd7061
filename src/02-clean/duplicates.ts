import { createHash } from 'node:crypto';
import type { Article, DroppedRegion, DuplicateOf } from '../types/index.js';

/** Options of {@link DuplicateDetector}. */
export interface DuplicateOptions {
  /**
   * Estimated shingle Jaccard similarity at or above which two articles are near-duplicates.
   * @default 0.8
   */
  readonly threshold?: number;
  /**
   * How many earlier originals a new article is compared with (the most recent ones): bounds
   * memory at about 1 KB per remembered article.
   * @default 100_000
   */
  readonly window?: number;
}

const HASHES = 64;
const BANDS = 16; // 16 bands x 4 rows: pairs above ~0.6 similarity almost always share a band
const ROWS = HASHES / BANDS;
const SHINGLE = 5;
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

/** A cheap 32-bit mix so one shingle hash gives HASHES independent-looking values. */
function mix(value: number, seed: number): number {
  let h = (value ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The text a duplicate check compares: the kept text, lower-cased, with spacing collapsed. */
function normalised(article: Article): string {
  const text = article.text;
  if (article.dropped.length === 0) return text.toLowerCase().replace(/\s+/g, ' ').trim();
  // The kept stretches in text order, joined once (cutting each region out of the whole text in
  // turn copied the text once per region). Overlapping regions are cut as the old loop cut them:
  // each region, from the last one back, removes its own offsets from what the later cuts left.
  const regions = [...article.dropped].sort((a, b) => b.start - a.start);
  let overlapping = false;
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i] as DroppedRegion;
    if (r.start < 0 || r.start > r.end || r.end > text.length || (i > 0 && r.end > (regions[i - 1] as DroppedRegion).start)) overlapping = true;
  }
  let kept: string;
  if (overlapping) {
    kept = text;
    for (const region of regions) kept = kept.slice(0, region.start) + kept.slice(region.end);
  } else {
    const parts: string[] = [];
    let at = text.length;
    for (const region of regions) {
      parts.push(text.slice(Math.min(region.end, at), at));
      at = Math.min(region.start, at);
    }
    parts.push(text.slice(0, at));
    kept = parts.reverse().join('');
  }
  return kept.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Finds exact and near-duplicate articles in a stream, keeping the first of each group.
 * Exact: same normalised kept text (SHA-1). Near: MinHash over word 5-shingles with LSH banding,
 * so each new article is compared only with the few earlier ones sharing a band.
 *
 * Memory is bounded: the detector remembers the last `window` originals it kept (a ring), about
 * 1 KB each, so a run over millions of articles stays flat. Copies arrive close together in a
 * feed (syndication is same-day), so a window of 100,000 articles catches them; a copy of an
 * article read more than `window` originals earlier is not flagged.
 */
export class DuplicateDetector {
  readonly #threshold: number;
  readonly #window: number;
  // Ring of remembered originals: slot -> id, exact digest, MinHash signature, band keys.
  readonly #ids: (string | undefined)[];
  readonly #digests: (string | undefined)[];
  #signatures: Uint32Array;
  #bandKeys: Uint32Array;
  #next = 0;
  readonly #exact = new Map<string, number>();
  // Band key (a 32-bit hash of the band's rows and its index) -> first slot that has it.
  readonly #bands = new Map<number, number>();

  constructor(options: DuplicateOptions = {}) {
    const threshold = options.threshold ?? 0.8;
    if (!(threshold > 0 && threshold <= 1)) throw new TypeError(`narrascope: duplicate threshold must be in (0, 1], got ${threshold}`);
    const window = options.window ?? 100_000;
    if (!(Number.isInteger(window) && window > 0)) throw new TypeError(`narrascope: duplicate window must be a positive integer, got ${window}`);
    this.#threshold = threshold;
    this.#window = window;
    this.#ids = new Array<string | undefined>(window);
    this.#digests = new Array<string | undefined>(window);
    // Grown on demand, so a detector for a handful of articles stays small.
    this.#signatures = new Uint32Array(0);
    this.#bandKeys = new Uint32Array(0);
  }

  #ensure(slot: number): void {
    if (slot * HASHES < this.#signatures.length) return;
    const size = Math.min(this.#window, Math.max(1024, (slot + 1) * 2));
    const signatures = new Uint32Array(size * HASHES);
    signatures.set(this.#signatures);
    const bandKeys = new Uint32Array(size * BANDS);
    bandKeys.set(this.#bandKeys);
    this.#signatures = signatures;
    this.#bandKeys = bandKeys;
  }

  /** Check an article against those seen so far; remember it when it is not a duplicate. */
  check(article: Article): DuplicateOf | null {
    return this.decide(article.id, fingerprintOf(article));
  }

  /**
   * The order-dependent half of {@link check}: compare a fingerprint (computed anywhere, e.g. in
   * a worker thread) with the articles seen so far, and remember it when it is not a duplicate.
   * Calls must come in input order; the result is then the same whatever thread computed it.
   */
  decide(id: string, fingerprint: Fingerprint): DuplicateOf | null {
    const { digest, signature } = fingerprint;
    const exact = this.#exact.get(digest);
    if (exact !== undefined) return { id: this.#ids[exact] as string, kind: 'exact', similarity: 1 };

    const keys = new Uint32Array(BANDS);
    let best: DuplicateOf | null = null;
    for (let band = 0; band < BANDS; band++) {
      const key = bandKey(signature, band);
      keys[band] = key;
      const candidate = this.#bands.get(key);
      if (candidate === undefined) continue;
      const similarity = agreement(signature, this.#signatures.subarray(candidate * HASHES, (candidate + 1) * HASHES));
      if (similarity >= this.#threshold && (!best || similarity > best.similarity)) best = { id: this.#ids[candidate] as string, kind: 'near', similarity };
    }
    if (best) return best;
    this.#remember(id, digest, signature, keys);
    return null;
  }

  #remember(id: string, digest: string, signature: Uint32Array, keys: Uint32Array): void {
    const slot = this.#next;
    this.#next = (slot + 1) % this.#window;
    this.#ensure(slot);
    // Forget the original this slot held (the oldest one), with its digest and band entries.
    const old = this.#digests[slot];
    if (old !== undefined) {
      if (this.#exact.get(old) === slot) this.#exact.delete(old);
      for (let band = 0; band < BANDS; band++) {
        const key = this.#bandKeys[slot * BANDS + band] as number;
        if (this.#bands.get(key) === slot) this.#bands.delete(key);
      }
    }
    this.#ids[slot] = id;
    this.#digests[slot] = digest;
    this.#exact.set(digest, slot);
    this.#signatures.set(signature, slot * HASHES);
    this.#bandKeys.set(keys, slot * BANDS);
    for (let band = 0; band < BANDS; band++) {
      const key = keys[band] as number;
      if (!this.#bands.has(key)) this.#bands.set(key, slot);
    }
  }
}

/** What the duplicate check compares of an article: the digest of its kept text and its MinHash. */
export interface Fingerprint {
  /** SHA-1 (base64) of the normalised kept text. */
  readonly digest: string;
  /** MinHash signature over word 5-shingles (64 values). */
  readonly signature: Uint32Array;
}

/**
 * The fingerprint of a (cleaned) article: the costly, order-free half of the duplicate check
 * (normalising, hashing, MinHash), so it can run in a worker thread.
 *
 * @example
 * detector.decide(article.id, fingerprintOf(article));
 */
export function fingerprintOf(article: Article): Fingerprint {
  const text = normalised(article);
  return { digest: createHash('sha1').update(text).digest('base64'), signature: minhash(text) };
}

/** A 32-bit key for one LSH band: its rows and its index, hashed. */
function bandKey(signature: Uint32Array, band: number): number {
  let hash = mix(band, 0x2545f491);
  for (let r = band * ROWS; r < (band + 1) * ROWS; r++) hash = mix(hash ^ (signature[r] ?? 0), 0x9e3779b9);
  return hash;
}

function minhash(text: string): Uint32Array {
  // The text is single-spaced (see normalised): a shingle of words i..i+4 is the stretch of text
  // from word i's start to word i+4's end, hashed in place (no word array, no joined strings).
  const starts: number[] = [0];
  for (let c = 0; c < text.length; c++) if (text.charCodeAt(c) === 32) starts.push(c + 1);
  const words = starts.length;
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  const count = Math.max(1, words - SHINGLE + 1);
  for (let i = 0; i < count; i++) {
    const next = i + SHINGLE;
    const to = next < words ? (starts[next] as number) - 1 : text.length;
    let hash = 0x811c9dc5;
    for (let c = starts[i] as number; c < to; c++) {
      hash ^= text.charCodeAt(c);
      hash = Math.imul(hash, 0x01000193);
    }
    const shingle = hash >>> 0;
    for (let k = 0; k < HASHES; k++) {
      const value = mix(shingle, SEEDS[k] as number);
      if (value < (signature[k] as number)) signature[k] = value;
    }
  }
  return signature;
}

function agreement(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return Math.round((same / HASHES) * 100) / 100;
}
