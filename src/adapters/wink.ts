/**
 * The one place that talks to wink-nlp. wink packs tokens into integer arrays and exposes them
 * through loosely typed helpers; this adapter turns a text into plain typed rows (value, leading
 * whitespace, POS, lemma) and sentence token ranges, so no wink type leaks into the stages.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { PartOfSpeech } from '../types/index.js';

/** One token as wink reports it, before offsets are computed. */
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

function historyFreeModel(): typeof model {
  const base = model as unknown as { featureFn: FeatureFn };
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
  return { ...(model as object), featureFn } as unknown as typeof model;
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

/** Tokenize, tag and sentence-split `text` with wink-nlp. */
export function winkAnalyze(text: string): WinkAnalysis {
  const engine = instance();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  // wink's published types mistype its.lemma (it needs model add-ons the typings omit).
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const rows: WinkToken[] = [];
  // Where each wink token landed in `rows` (a split possessive shifts the ones after it).
  const position = new Array<number>(values.length + 1);
  for (let i = 0; i < values.length; i++) {
    position[i] = rows.length;
    const value = values[i] ?? '';
    const row: WinkToken = {
      value,
      precedingSpaces: spaces[i] ?? '',
      pos: (pos[i] ?? 'X') as PartOfSpeech,
      lemma: lemmas[i] ?? value,
    };
    const possessive = POSSESSIVE.exec(value);
    if (possessive?.[1] && possessive[2] && !CONTRACTIONS.has(value.toLowerCase().replace('’', "'"))) {
      rows.push({ ...row, value: possessive[1], lemma: possessive[1].toLowerCase() });
      rows.push({ value: possessive[2], precedingSpaces: '', pos: 'PART', lemma: "'s" });
    } else if (row.pos === 'PART' && /^['’][sS]$/u.test(value)) {
      // wink's own split gives "’s" the lemma "’s"; ours gives "'s": one lemma for both.
      rows.push({ ...row, lemma: "'s" });
    } else {
      rows.push(row);
    }
  }
  position[values.length] = rows.length;
  const sentenceRanges: (readonly [number, number])[] = [];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [first, last] of spans) {
    sentenceRanges.push([position[first] ?? 0, (position[last + 1] ?? rows.length) - 1]);
  }
  return { tokens: rows, sentenceRanges };
}

// wink keeps every word it has seen in a shared cache and does not split a cached word again, so
// "Trump's" comes out as one token or as "Trump" + "'s" depending on which texts the process read
// before. Splitting the possessive here makes tokenization independent of that history (and so
// the same in every worker thread and after --resume). "it's", "let's" are contractions wink
// expands itself; they are left alone.
const POSSESSIVE = /^(.*[^'’\s])(['’][sS])$/u;
const CONTRACTIONS = new Set(["it's", "let's", "that's", "he's", "she's", "what's", "who's", "there's", "here's", "where's", "how's", "why's", "when's"]);
