/**
 * Small token predicates shared by the rules: capitalisation, headline-case lines, apostrophes.
 */
import type { Segmented, Token } from '../types/index.js';

/** Lower-cased form with typographic apostrophes folded ("Russia’s" -> "russia's"). */
export function norm(token: Token): string {
  const lower = token.lower;
  // A character scan, not a regex: this runs once per token of every article.
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x2019 || c === 0x2018 || c === 0x60) return lower.replace(/[’‘`]/g, "'");
  }
  return lower;
}

/** True when the token starts with an upper-case letter ("Peskov", "ISIS", "U.S."). */
export function isCapitalised(token: Token): boolean {
  const code = token.text.charCodeAt(0);
  // ASCII answers from the code (A-Z); other scripts by their case mappings.
  if (code < 128) return code >= 65 && code <= 90;
  const c = token.text.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** True when every letter of the token is upper case and it has at least two ("FSB", "U.S."). */
export function isAcronym(token: Token): boolean {
  return /^[A-Z][A-Z0-9.&-]*[A-Z0-9.]$/.test(token.text) && /[A-Z].*[A-Z]/.test(token.text);
}

/** True for possessive clitics, which end a name: "Russia ’s". */
export function isPossessive(token: Token): boolean {
  const n = norm(token);
  return n === "'s" || n === "'";
}

/**
 * True when token `i` starts a US party-and-state label written after a lawmaker's name:
 * "John Boehner, R-Ohio,", "(D-Calif.)". The label names the state a lawmaker represents, not an
 * actor. Tokens: "R" "-" "Ohio", written without spaces.
 */
export function isPartyLabel(segmented: Segmented, i: number): boolean {
  const tokens = segmented.tokens;
  const letter = tokens[i];
  const hyphen = tokens[i + 1];
  const state = tokens[i + 2];
  return !!letter && !!hyphen && !!state && /^[RDI]$/.test(letter.text) && hyphen.text === '-' &&
    hyphen.start === letter.end && state.start === hyphen.end && isCapitalised(state);
}

/** Words that stay lower case inside headline-case titles ("Stealth Over Health: Hillary ..."). */
const HEADLINE_SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'as', 'from']);

/**
 * Which sentences are written in headline case, where capitalisation says nothing about names:
 * "Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics".
 * A sentence counts when it starts a line, has at least 4 words and 70% of its content words
 * are capitalised.
 */
export function headlineSentences(segmented: Segmented): ReadonlySet<number> {
  const result = new Set<number>();
  for (const sentence of segmented.sentences) {
    const first = segmented.tokens[sentence.firstToken];
    if (!first?.lineStart) continue;
    let words = 0;
    let caps = 0;
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const t = segmented.tokens[i];
      if (!t || !startsWithLetter(t.text) || HEADLINE_SMALL.has(t.lower)) continue;
      words++;
      if (isCapitalised(t)) caps++;
    }
    if (words >= 4 && caps / words >= 0.7) result.add(sentence.index);
  }
  return result;
}

/** True when `text` starts with a letter of any script; ASCII decided from the code. */
function startsWithLetter(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /^\p{L}/u.test(text);
}

/** The text of tokens `[first, end)` as it stands in the original article. */
export function spanText(segmented: Segmented, first: number, end: number): string {
  const a = segmented.tokens[first];
  const b = segmented.tokens[end - 1];
  if (!a || !b) return '';
  return segmented.article.text.slice(a.start, b.end);
}
