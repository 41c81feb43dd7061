/**
 * Rule: mentions that point back to an actor named earlier.
 * - pronouns: "Peskov said he was not aware" (he -> Peskov);
 * - definite descriptions: "one of the sources told the news agency" (-> Reuters),
 *   "members of the group" (-> the last group named);
 * - definite titles: "the spokesman added" (-> the last person with role "... spokesman").
 * The antecedent is chosen when clustering; here we only mark the spans.
 */
import type { Candidate, Gender } from './candidate.js';
import { PRIORITY } from './candidate.js';
import type { Context } from './context.js';
import { isCapitalised, spanText } from './text.js';

const PRONOUNS: ReadonlyMap<string, Gender> = new Map([
  ['he', 'm'], ['him', 'm'], ['his', 'm'], ['himself', 'm'],
  ['she', 'f'], ['her', 'f'], ['hers', 'f'], ['herself', 'f'],
]);

/** Find pronouns, definite descriptions and definite titles. */
export function findAnaphora(ctx: Context): Candidate[] {
  const { words, segmented, gaz } = ctx;
  const found: Candidate[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const gender = PRONOUNS.get(w);
    if (gender !== undefined && segmented.tokens[i]?.pos === 'PRON') {
      const text = spanText(segmented, i, i + 1);
      found.push({ first: i, end: i + 1, kind: 'person', form: 'pronoun', name: text, key: '', link: { to: 'pronoun', gender }, priority: PRIORITY.anaphor });
      continue;
    }
    if (w !== 'the') continue;
    // Skip adjectives: "the Russian news agency", "the terrorist group".
    let head = i + 1;
    while (head < i + 3 && segmented.tokens[head]?.pos === 'ADJ') head++;
    const next = segmented.tokens[head];
    if (!next || isCapitalised(next)) continue; // "the Group of Seven" is a name, not a description
    const description = gaz.descriptions.matchAt(words, head)[0];
    const title = gaz.titles.matchAt(words, head)[0];
    const match = description ?? title;
    if (!match) continue;
    const end = head + match[0];
    const after = segmented.tokens[end];
    // "the spokesman Dmitry Peskov" or "the group's leader": not a standalone description.
    if (after && (isCapitalised(after) && after.pos === 'PROPN')) continue;
    if (words[end] === "'s" || words[end] === 'of') continue;
    const text = spanText(segmented, i, end);
    if (description) {
      const kinds = [...new Set(description[1])];
      found.push({ first: i, end, kind: kinds[0] ?? 'organisation', form: 'description', name: text, key: '', link: { to: 'recent', kinds, orNew: false }, priority: PRIORITY.anaphor });
    } else if (title) {
      const roleWord = title[1][0] ?? '';
      found.push({ first: i, end, kind: 'person', form: 'title', name: text, key: '', link: { to: 'recent', kinds: ['person'], roleWord, orNew: false }, role: spanText(segmented, i + 1, end), priority: PRIORITY.anaphor });
    }
    i = end - 1;
  }
  return found;
}
