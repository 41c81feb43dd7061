/**
 * The text side of the relation model: a claim or a body turned, once, into typed arrays the
 * pair features read (lowercased words, stems, embedding rows, inverse-frequency weights,
 * sentences, proper names, numbers). Bodies are prepared once and reused for every claim.
 *
 * Tokens come from one regex pass, not wink-nlp: the model compares words, it needs no POS, and
 * a body of 2,000 characters prepares in ~0.1 ms. Sentences come from the pipeline when the text
 * is an analysed article ({@link prepareSentences}); otherwise from a punctuation rule.
 */
import { stem } from '../adapters/natural.js';
import type { WordVectors } from '../adapters/embeddings.js';
import { hashString } from '../learn/index.js';
import { STOPWORDS } from './lexicon.js';

/** A sentence (or claim) of a prepared text: its tokens `from .. to - 1` and its char span. */
export interface PreparedSentence {
  readonly start: number;
  readonly end: number;
  readonly from: number;
  readonly to: number;
}

/** A text ready for pair features. All arrays are indexed by token. */
export interface PreparedText {
  readonly text: string;
  /** Lowercased words (letters, digits, inner apostrophes and hyphens). */
  readonly words: readonly string[];
  /** FNV hash of each word's Porter stem. */
  readonly stems: Int32Array;
  /** Character offsets of each token in `text`. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Embedding row of each word, -1 when it has none. */
  readonly rows: Int32Array;
  /** Inverse-frequency weight (0 for stopwords and punctuation-like tokens). */
  readonly weights: Float32Array;
  /** 1 when the token starts with a capital letter and is not the sentence's first word. */
  readonly capitalised: Uint8Array;
  readonly sentences: readonly PreparedSentence[];
  /** Stems of the content words (weight > 0), deduplicated. */
  readonly contentStems: ReadonlySet<number>;
  /** Numbers written in the text, normalised ("1,200" -> "1200"). */
  readonly numbers: ReadonlySet<string>;
  /** Proper names: lowercased capitalised words that are not sentence-initial. */
  readonly names: ReadonlySet<string>;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;
const NUMBER = /^\d+(?:[.,]\d+)*$/;
// "He left. Then ..." / "He left.\n" / "?" and "!" too; abbreviations like "U.S." stay inside tokens.
const SENTENCE_END = /[.!?]["'”’)]*(?=\s+["'“‘(]?[\p{Lu}\p{N}])|\n\s*\n/gu;

/** Inverse-frequency weight of a word by its embedding row (unknown words count as rare). */
function idf(vectors: WordVectors, row: number): number {
  return row >= 0 ? vectors.weight(row) : 1;
}

/** Among the 1,000 most frequent words of the embeddings' source. */
function frequent(vectors: WordVectors, word: string): boolean {
  const row = vectors.row(word);
  return row >= 0 && vectors.rank(row) < 1000;
}

/** Sentence spans of a plain text by punctuation, as char ranges. */
export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

/**
 * Prepare a text whose sentences are given as char ranges (e.g. an analysed article's).
 *
 * @example
 * prepareSentences(article.text, article.sentences, loadEmbeddings());
 */
export function prepareSentences(text: string, spans: readonly { start: number; end: number }[], vectors: WordVectors): PreparedText {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const capitalised: number[] = [];
  const sentences: PreparedSentence[] = [];
  for (const span of spans) {
    const from = words.length;
    TOKEN.lastIndex = 0;
    const piece = text.slice(span.start, span.end);
    for (const m of piece.matchAll(TOKEN)) {
      const raw = m[0];
      const start = span.start + (m.index ?? 0);
      const first = raw.charAt(0);
      // A capitalised word is a name, except a sentence's first word, which is one only with an
      // inner capital ("ISIS-K carried out ...") or when it is not a frequent word ("Ukraine
      // said ..." yes, "Police said ..." no).
      const upper = first !== first.toLowerCase();
      const initial = words.length === from;
      capitalised.push(upper && (!initial || /\p{Lu}/u.test(raw.slice(1)) || !frequent(vectors, raw.toLowerCase())) ? 1 : 0);
      words.push(raw.toLowerCase().replace(/’/g, "'"));
      starts.push(start);
      ends.push(start + raw.length);
    }
    sentences.push({ start: span.start, end: span.end, from, to: words.length });
  }
  const n = words.length;
  const stems = new Int32Array(n);
  const rows = new Int32Array(n);
  const weights = new Float32Array(n);
  const contentStems = new Set<number>();
  const numbers = new Set<string>();
  const names = new Set<string>();
  for (let i = 0; i < n; i++) {
    const w = words[i] ?? '';
    const isNumber = NUMBER.test(w);
    stems[i] = hashString(isNumber ? w.replace(/,/g, '') : stem(w));
    rows[i] = vectors.row(w);
    const stop = STOPWORDS.has(w);
    weights[i] = stop ? 0 : idf(vectors, rows[i] ?? -1);
    if (!stop) contentStems.add(stems[i] ?? 0);
    if (isNumber) numbers.add(w.replace(/,/g, ''));
    if (capitalised[i] && !stop) names.add(w);
  }
  return {
    text, words, stems, rows, weights, sentences, contentStems, numbers, names,
    starts: Int32Array.from(starts), ends: Int32Array.from(ends), capitalised: Uint8Array.from(capitalised),
  };
}

/**
 * Prepare a plain text (a claim, a sentence or a body), splitting sentences by punctuation.
 *
 * @example
 * const body = prepareText('Police found 43 bodies. Officials denied it.', loadEmbeddings());
 */
export function prepareText(text: string, vectors: WordVectors): PreparedText {
  return prepareSentences(text, splitSentences(text), vectors);
}
