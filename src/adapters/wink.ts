/**
 * The one place that talks to wink-nlp. wink packs tokens into integer arrays and exposes them
 * through loosely typed helpers; this adapter reads them once into plain parallel columns (value,
 * leading whitespace, POS, lemma, sentence starts), so no wink type leaks into the stages and no
 * per-token object is built that the segment stage would only throw away.
 */
import winkNLP from 'wink-nlp';
import { winkModel } from './wink-model.js';
import type { PartOfSpeech } from '../types/index.js';

/** One token as wink reports it, before offsets are computed (see {@link winkAnalyze}). */
export interface WinkToken {
  readonly value: string;
  /** Whitespace between the previous token and this one (wink's tokenization is lossless). */
  readonly precedingSpaces: string;
  readonly pos: PartOfSpeech;
  readonly lemma: string;
}

/** Tokens of a text plus sentence boundaries as [firstToken, lastToken] (inclusive, wink's way). */
export interface WinkAnalysis {
  readonly tokens: readonly WinkToken[];
  readonly sentenceRanges: readonly (readonly [number, number])[];
}

/**
 * The tokens of a text as parallel columns: token i is `values[i]`, preceded by the whitespace
 * `spaces[i]`, with `pos[i]` and `lemmas[i]`; `sentenceStart[i]` is 1 when a wink sentence starts
 * at token i. Possessives are already split ("Trump's" -> "Trump" + "'s").
 */
export interface WinkColumns {
  readonly length: number;
  readonly values: readonly string[];
  readonly spaces: readonly string[];
  /** wink may leave a POS or lemma out (undefined): readers fall back to 'X' and the value. */
  readonly pos: readonly (PartOfSpeech | undefined)[];
  readonly lemmas: readonly (string | undefined)[];
  readonly sentenceStart: Uint8Array;
}

// Only the pipes we use: sentence boundaries and POS (lemmas come with POS). Loading the model
// takes ~300 ms, so it is created once, lazily, per process.
let nlp: ReturnType<typeof winkNLP> | undefined;
function instance(): ReturnType<typeof winkNLP> {
  if (nlp) return nlp;
  const engine = winkNLP(historyFreeModel(), ['sbd', 'pos']);
  // A word the model does not know makes wink compute its features, which hands us its cache.
  engine.readDoc('Qzxwvj qzxwvj.');
  if (!cacheIsolated) throw new Error('narrascope: wink-nlp internals changed: could not isolate its word cache (see src/adapters/wink.ts)');
  nlp = engine;
  return nlp;
}

/**
 * wink keeps every out-of-vocabulary word it has seen in a process-wide cache, and its tokenizer
 * asks that cache whether a string is a known word before splitting it (a possessive, a hyphenated
 * or dotted word). So after "the year’s, not the decade’s" the "year" of "this year’s event" came
 * out PROPN instead of NOUN: tokens and POS depended on which texts the process had read before
 * (303 of 800 triplet articles differed when read in reverse order). The model wrapper below
 * hides words added at run time from those lookups, so the tokenizer sees only the model's own
 * lexicon, as a fresh process would; wink still finds them when it stores a token, so the cache
 * does not grow twice. What it keeps for such a word (shape, affixes, a guessed POS) is computed
 * from the word and its token category alone, so reusing it is safe; the determinism test checks
 * the whole chain in every order.
 */
let cacheIsolated = false;
let revealing = 0;

/** wink's cache, as far as this adapter touches it. */
interface WinkCache {
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
}
type FeatureFn = (config: unknown) => Record<string, (word: string, category: number, cache: WinkCache) => unknown>;

function historyFreeModel(): Parameters<typeof winkNLP>[0] {
  const model = winkModel();
  const base = model as { featureFn: FeatureFn };
  const featureFn: FeatureFn = (config) => {
    const features = base.featureFn(config);
    const pos = features['pos'];
    if (pos) {
      // The POS feature of a new word looks up its lower-cased form, which wink has just added:
      // that lookup must see run-time words.
      features['pos'] = (word, category, cache) => {
        isolate(cache);
        revealing++;
        try {
          return pos(word, category, cache);
        } finally {
          revealing--;
        }
      };
    }
    return features;
  };
  return { ...(model as object), featureFn } as unknown as Parameters<typeof winkNLP>[0];
}

function isolate(cache: WinkCache): void {
  if (cacheIsolated) return;
  cacheIsolated = true;
  const lookup = cache.lookup;
  const intrinsic = cache.intrinsicSize();
  cache.lookup = (text) => {
    const found = lookup(text);
    if (revealing === 0 && found !== null && found.length === 1 && (found[0] ?? 0) >= intrinsic) return null;
    return found;
  };
}

/**
 * Tokenize, tag and sentence-split `text` with wink-nlp, as columns: the segment stage's input.
 *
 * @example
 * const { values, sentenceStart } = winkColumns('He said so. She did not.'); // values[3] === '.'
 */
export function winkColumns(text: string): WinkColumns {
  const engine = instance();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as (PartOfSpeech | undefined)[];
  // wink's published types mistype its.lemma (it needs model add-ons the typings omit).
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as (string | undefined)[];
  const n = values.length;
  // wink's own split gives "’s" the lemma "’s"; ours gives "'s": one lemma for both.
  for (let i = 0; i < n; i++) if (pos[i] === 'PART' && isPossessiveClitic(values[i] ?? '')) lemmas[i] = "'s";
  const starts = new Uint8Array(n + 1);
  for (const [first] of doc.sentences().out(its.span) as unknown as [number, number][]) starts[first] = 1;
  // Split possessives in place: only when one is found are the columns copied (rare enough that
  // the common case allocates nothing beyond wink's own arrays).
  let split = -1;
  for (let i = 0; i < n; i++) if (possessiveAt(values[i] ?? '') > 0) { split = i; break; }
  if (split < 0) return { length: n, values, spaces, pos, lemmas, sentenceStart: starts.subarray(0, n) };
  const v = values.slice(0, split);
  const s = spaces.slice(0, split);
  const p = pos.slice(0, split);
  const l = lemmas.slice(0, split);
  const out: number[] = Array.from(starts.subarray(0, split));
  for (let i = split; i < n; i++) {
    const value = values[i] ?? '';
    const cut = possessiveAt(value);
    out.push(starts[i] as number);
    s.push(spaces[i] ?? '');
    p.push(pos[i] ?? 'X');
    if (cut > 0) {
      const stem = value.slice(0, cut);
      v.push(stem);
      l.push(stem.toLowerCase());
      v.push(value.slice(cut)); s.push(''); p.push('PART'); l.push("'s"); out.push(0);
    } else {
      v.push(value);
      l.push(lemmas[i] ?? value);
    }
  }
  return { length: v.length, values: v, spaces: s, pos: p, lemmas: l, sentenceStart: Uint8Array.from(out) };
}

/**
 * Tokenize, tag and sentence-split `text` with wink-nlp, as one object per token (for scripts and
 * tests; the pipeline reads {@link winkColumns}).
 */
export function winkAnalyze(text: string): WinkAnalysis {
  const c = winkColumns(text);
  const rows: WinkToken[] = [];
  const sentenceRanges: (readonly [number, number])[] = [];
  let first = 0;
  for (let i = 0; i < c.length; i++) {
    // A sentence ends before the next one starts, and at the last token.
    if (c.sentenceStart[i] && i > first) { sentenceRanges.push([first, i - 1]); first = i; }
    const value = c.values[i] ?? '';
    rows.push({ value, precedingSpaces: c.spaces[i] ?? '', pos: c.pos[i] ?? 'X', lemma: c.lemmas[i] ?? value });
  }
  if (c.length > first) sentenceRanges.push([first, c.length - 1]);
  return { tokens: rows, sentenceRanges };
}

// wink keeps every word it has seen in a shared cache and does not split a cached word again, so
// "Trump's" comes out as one token or as "Trump" + "'s" depending on which texts the process read
// before. Splitting the possessive here makes tokenization independent of that history (and so
// the same in every worker thread and after --resume). "it's", "let's" are contractions wink
// expands itself; they are left alone.
const CONTRACTIONS = new Set(["it's", "let's", "that's", "he's", "she's", "what's", "who's", "there's", "here's", "where's", "how's", "why's", "when's"]);

/**
 * Where the possessive "'s" of `value` starts ("Trump's" -> 5), or -1. Character tests, not a
 * regex: this runs once per token. Needs at least one character before the quote that is
 * neither a quote nor whitespace ("'s" alone is not split).
 */
function possessiveAt(value: string): number {
  const n = value.length;
  if (n < 3) return -1;
  const last = value.charCodeAt(n - 1);
  if (last !== 115 && last !== 83) return -1; // s, S
  const quote = value.charCodeAt(n - 2);
  if (quote !== 39 && quote !== 0x2019) return -1; // ' ’
  const before = value.charCodeAt(n - 3);
  if (before === 39 || before === 0x2019 || before <= 32 || /\s/u.test(value.charAt(n - 3))) return -1;
  if (n <= 7 && CONTRACTIONS.has(value.toLowerCase().replace('’', "'"))) return -1;
  return n - 2;
}

/** "'s", "’s", "'S": the clitic alone, as wink splits it off some words itself. */
function isPossessiveClitic(value: string): boolean {
  if (value.length !== 2) return false;
  const quote = value.charCodeAt(0);
  const s = value.charCodeAt(1);
  return (quote === 39 || quote === 0x2019) && (s === 115 || s === 83);
}
