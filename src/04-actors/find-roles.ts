/**
 * Rule: role titles attached to person names, kept as attributes of the mention (the mention
 * span stays the name, so the gazetteer mentions inside a role, like "Kremlin", survive).
 * - before the name: "Kremlin spokesman Dmitry Peskov", "President Vladimir Putin";
 * - apposition after: "Dmitry Peskov, the Kremlin's spokesman, said";
 * - apposition before: "The head of Russia's Federal Security Service (FSB), Aleksandr Bortnikov,".
 * A role confirms a tentative name ("spokesman Peskov") and can tell the gender ("spokeswoman").
 */
import type { Candidate, Gender } from './candidate.js';
import type { Context } from './context.js';
import { partyLabelAfter } from './descriptors.js';
import { isCapitalised, spanText } from './text.js';

const DETERMINERS = new Set(['the', 'a', 'an']);
const MAX_ROLE_TOKENS = 14;
const TRAILING = new Set(['and', 'or', 'of', 'the', 'at', 'in', 'for', 'to', 'a', 'an', 'with', 'on', '-', "'s"]);

/** Attach roles (and role genders) to the person candidates, in place. */
export function attachRoles(ctx: Context, candidates: readonly Candidate[]): void {
  for (const c of candidates) {
    if (c.kind !== 'person') continue;
    // "Sen. John McCain, R-Ariz.": the party and state, for "the Arizona Republican" later.
    const label = partyLabelAfter(ctx, c.end);
    if (label) c.descriptors = label;
    const range = roleBefore(ctx, c) ?? appositionAfter(ctx, c) ?? appositionBefore(ctx, c);
    if (!range) continue;
    const [first, end] = range;
    c.role = spanText(ctx.segmented, first, end);
    c.tentative = false;
    const gender = roleGender(ctx, first, end);
    if (gender && !c.gender) c.gender = gender;
  }
}

/** Token indices of title words in `[first, end)`, and whether any was found. */
function hasTitle(ctx: Context, first: number, end: number): boolean {
  for (let k = first; k < end; k++) {
    const m = ctx.gaz.titles.matchAt(ctx.words, k)[0];
    if (m && k + m[0] <= end) return true;
  }
  return false;
}

function roleGender(ctx: Context, first: number, end: number): Gender {
  for (let k = first; k < end; k++) {
    const g = ctx.gaz.gendered.get(ctx.words[k] ?? '');
    if (g) return g;
  }
  return '';
}

/** "Kremlin spokesman Dmitry Peskov": title words and capitalised modifiers right before. */
function roleBefore(ctx: Context, c: Candidate): [number, number] | undefined {
  const { words, gaz, segmented } = ctx;
  const sentence = segmented.tokens[c.first]?.sentence;
  const firstOfSentence = segmented.sentences[sentence ?? -1]?.firstToken;
  let first = c.first;
  for (let k = c.first - 1; k >= 0 && c.first - k <= MAX_ROLE_TOKENS; k--) {
    const t = segmented.tokens[k];
    const w = words[k] ?? '';
    if (!t || t.sentence !== sentence) break;
    const ok =
      gaz.titles.matchAt(words, k).length > 0 ||
      gaz.roleModifiers.has(w) ||
      // "Republican presidential nominee Donald Trump"
      (t.pos === 'ADJ' && k !== firstOfSentence) ||
      // "Yesterday Kremlin spokesman ...": a sentence-initial common word is not a modifier.
      (isCapitalised(t) && /\p{L}/u.test(t.text) && (t.pos === 'PROPN' || k !== firstOfSentence)) ||
      w === "'s" || w === 'of' || w === '-' ||
      (w === 'the' && words[k - 1] === 'of');
    if (!ok) break;
    first = k;
  }
  // "Reached for comment, of the ...": never start a role on a joiner.
  while (first < c.first && ['of', 'the', "'s", '-'].includes(words[first] ?? '')) first++;
  // "director of the Institute": a role that ends in a joiner governs a noun phrase, not a name.
  if (['of', 'the', 'for', 'at'].includes(ctx.words[c.first - 1] ?? '')) return undefined;
  // Honorifics are not roles: "Mr. Trump" keeps only the gender.
  if (first < c.first && c.first - first === 1 && gaz.honorifics.has(words[first] ?? '')) return undefined;
  return first < c.first && hasTitle(ctx, first, c.first) ? [first, c.first] : undefined;
}

/** "Dmitry Peskov, the Kremlin's spokesman, said": an appositive with a title after a comma. */
function appositionAfter(ctx: Context, c: Candidate): [number, number] | undefined {
  const { words, segmented } = ctx;
  if (words[c.end] !== ',') return undefined;
  let first = c.end + 1;
  if (DETERMINERS.has(words[first] ?? '')) first++;
  const sentence = segmented.tokens[c.first]?.sentence;
  let end = first;
  while (end < first + MAX_ROLE_TOKENS) {
    const t = segmented.tokens[end];
    const w = words[end] ?? '';
    if (!t) break;
    // "Brian Baker, a longtime adviser to the family who ...": a clause ends the apposition.
    const clause = t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'SCONJ';
    if (t.sentence !== sentence || w === ',' || w === '(' || clause || (t.pos === 'PUNCT' && w !== '-' && w !== "'s")) break;
    end++;
  }
  // "in Chelsea, the mayor also said": an apposition is closed by a comma (or the sentence end).
  const closer = words[end] ?? '';
  if (closer !== ',' && closer !== '.' && closer !== '(' && segmented.tokens[end]?.sentence === sentence) return undefined;
  // "executive director at the Center of Media Justice and ...": no dangling joiner at the end.
  while (end > first && TRAILING.has(words[end - 1] ?? '')) end--;
  // The title must come early ("the Kremlin's spokesman"), not deep inside a clause.
  return end > first && hasTitle(ctx, first, Math.min(end, first + 4)) ? [first, end] : undefined;
}

/** "The head of Russia's Federal Security Service (FSB), Aleksandr Bortnikov, suggested". */
function appositionBefore(ctx: Context, c: Candidate): [number, number] | undefined {
  const { words, segmented } = ctx;
  if (words[c.first - 1] !== ',') return undefined;
  const sentence = segmented.sentences[segmented.tokens[c.first]?.sentence ?? -1];
  if (!sentence) return undefined;
  // Only at the start of a sentence: "Kevin McKinley, a financial adviser in Eau Claire, Wis.,"
  // has a role before "Wis" too, but it belongs to McKinley.
  let first = sentence.firstToken;
  for (let k = c.first - 2; k > first; k--) if (words[k] === ',') return undefined;
  if (DETERMINERS.has(words[first] ?? '')) first++;
  let end = c.first - 1;
  // Drop a trailing abbreviation in brackets: "Federal Security Service (FSB)".
  if (words[end - 1] === ')') {
    const open = words.lastIndexOf('(', end - 1);
    if (open > first) end = open;
  }
  if (end - first < 1 || end - first > MAX_ROLE_TOKENS) return undefined;
  for (let k = first; k < end; k++) {
    const p = segmented.tokens[k]?.pos;
    if (p === 'VERB' || p === 'AUX' || p === 'PRON') return undefined;
  }
  return hasTitle(ctx, first, Math.min(end, first + 3)) ? [first, end] : undefined;
}
