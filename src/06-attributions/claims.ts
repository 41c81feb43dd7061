/**
 * Unattributed claims: sentences the writer asserts in their own voice. Deliberately simple:
 * a sentence is a claim when no cue, source or content touches it, it has a verb, it is not a
 * question and it is not inside a quotation ("Turnout rose 4% in Ohio." is one;
 * "Did turnout rise?" is not).
 */
import type { Claim, Segmented } from '../types/index.js';

/** Collect the claims of an article; `covered[i]` is true when token i belongs to an attribution. */
export function collectClaims(segmented: Segmented, covered: Uint8Array, inQuote: Uint8Array): Claim[] {
  const out: Claim[] = [];
  for (const s of segmented.sentences) {
    let verb = false;
    let touched = false;
    for (let i = s.firstToken; i < s.endToken; i++) {
      const t = segmented.tokens[i];
      if (!t) continue;
      if (covered[i] || inQuote[i]) touched = true;
      if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
    }
    const words = s.endToken - s.firstToken;
    if (touched || !verb || words < 5 || s.text.trimEnd().endsWith('?')) continue;
    out.push({ id: `k${out.length + 1}`, span: { start: s.start, end: s.end, text: s.text }, sentence: s.index });
  }
  return out;
}
