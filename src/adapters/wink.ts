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
  const rows: WinkToken[] = new Array<WinkToken>(values.length);
  for (let i = 0; i < values.length; i++) {
    rows[i] = {
      value: values[i] ?? '',
      precedingSpaces: spaces[i] ?? '',
      pos: (pos[i] ?? 'X') as PartOfSpeech,
      lemma: lemmas[i] ?? values[i] ?? '',
    };
  }
  const sentenceRanges: (readonly [number, number])[] = [];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const range of spans) sentenceRanges.push([range[0], range[1]]);
  return { tokens: rows, sentenceRanges };
}
