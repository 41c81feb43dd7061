/**
 * Punctuation as newspapers type it, read as what it stands for: quote marks typed as two
 * apostrophes or backticks, dashes typed as "--" or a spaced hyphen. The taggers' features
 * (detect-features.ts) see these as the typographic marks, so a model trained on one outlet's
 * conventions reads another's.
 */
import { hashString } from '../learn/index.js';
import type { Token } from '../types/index.js';

/** Typographic opening quote marks. */
export const OPEN_QUOTES: ReadonlySet<string> = new Set(['“', '«']);
/** Typographic closing quote marks. */
export const CLOSE_QUOTES: ReadonlySet<string> = new Set(['”', '»']);

/** The lemma and lower-form id of every dash, whatever its typewriter form. */
export const DASH_ID = hashString('—');

/**
 * A dash, in any of the forms newspapers type it: "—", "–", "--" (USA Today), or a hyphen with
 * spaces around it (" - ", The New York Times); features read them all as "—". A hyphen inside a
 * word ("well-known", split by the tokenizer) is no dash.
 */
export function isDash(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (t.text === '—' || t.text === '–' || t.text === '--') return true;
  if (t.text !== '-') return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (!before || before.end < t.start) && (!after || t.end < after.start);
}

/** True when token i is the second half of a typewriter quote pair ('' or ``). */
export function isPairTail(tokens: readonly Token[], i: number): boolean {
  const a = tokens[i - 1];
  const b = tokens[i];
  return a !== undefined && b !== undefined && a.end === b.start && a.text === b.text && (a.text === "'" || a.text === '`');
}

/**
 * The quote mark kind of every token (see {@link FeatureContext.quoteMark}). Besides the
 * typographic marks, the typewriter convention of some newspapers counts: two apostrophes for a
 * quote mark ("''We won,'' he said." in The New York Times' PolNeAR articles, which the tokenizer
 * splits into two "'" tokens) and two backticks for an opening one. A lone apostrophe is no
 * quote mark ("the players' union").
 */
export function quoteMarks(tokens: readonly Token[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const text = (tokens[i] as Token).text;
    if (OPEN_QUOTES.has(text)) out[i] = 1;
    else if (CLOSE_QUOTES.has(text)) out[i] = 2;
    else if (text === '"') out[i] = 3;
    else if ((text === "'" || text === '`') && isPairTail(tokens, i + 1)) {
      out[i] = out[i + 1] = text === '`' ? 1 : 3;
      i++;
    }
  }
  return out;
}

