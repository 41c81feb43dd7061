/**
 * Which tokens stand inside a direct quotation. A quote is someone else's words: a person named in
 * it is rarely the one a pronoun outside it points to ("“Chairman Steele needs to apologize,” he
 * said": "he" is the speaker named before, not Steele).
 */
import type { Segmented } from '../types/index.js';

const OPEN = new Set(['“', '«', '„']);
const CLOSE = new Set(['”', '»']);

/**
 * One flag per token: 1 when it lies between an opening and a closing quote mark of its
 * paragraph. Marks: typographic “…” and «…», straight double quotes (each one toggles), and the
 * typewriter pairs '' and `` (The New York Times' ''We won,'' he said). A quote never runs past
 * its paragraph: a quote that goes on in the next paragraph opens again there, as newspapers write.
 * The marks themselves are outside.
 * @example quotedTokens(segment('“We won,” he said.')) // 1 for "We", "won", ","; 0 elsewhere
 */
export function quotedTokens(segmented: Segmented): Uint8Array {
  const { tokens, sentences } = segmented;
  const out = new Uint8Array(tokens.length);
  let open = false;
  let paragraph = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const p = sentences[t.sentence]?.paragraph ?? paragraph;
    if (p !== paragraph) {
      paragraph = p;
      open = false;
    }
    const text = t.text;
    const next = tokens[i + 1];
    const pair = (text === "'" || text === '`') && next?.text === text && next.start === t.end;
    if (OPEN.has(text) || (pair && text === '`')) open = true;
    else if (CLOSE.has(text)) open = false;
    else if (text === '"' || pair) open = !open;
    else if (open) out[i] = 1;
    if (pair) i++;
  }
  return out;
}
