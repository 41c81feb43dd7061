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
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
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
