/**
 * Rule: mentions that point back to an actor named earlier.
 * - pronouns: "Peskov said he was not aware" (he -> Peskov);
 * - definite descriptions: "one of the sources told the news agency" (-> Reuters),
 *   "members of the group" (-> the last group named);
 * - definite titles: "the spokesman added" (-> the last person with role "... spokesman"; else a
 *   new person known only by the title).
 * The antecedent is chosen when clustering; here we only mark the spans.
 */
import type { Candidate, Gender } from './candidate.js';
import { PRIORITY } from './candidate.js';
import type { Context } from './context.js';
import { describe, isStateName } from './descriptors.js';
import { isCapitalised, spanText } from './text.js';

const PRONOUNS: ReadonlyMap<string, Gender> = new Map([
  ['he', 'm'], ['him', 'm'], ['his', 'm'], ['himself', 'm'],
  ['she', 'f'], ['her', 'f'], ['hers', 'f'], ['herself', 'f'],
]);

/** Last words of newspaper names used alone: "the Post", "the Times", "the Journal". */
const MEDIA_SHORT = new Set(['post', 'times', 'journal', 'tribune', 'globe', 'herald', 'examiner', 'telegraph', 'observer', 'chronicle']);

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
    // "The Post has learned": a newspaper's short name points back to the outlet named before.
    const short = segmented.tokens[i + 1];
    if (short && isCapitalised(short) && MEDIA_SHORT.has(words[i + 1] ?? '') && !isCapitalised(segmented.tokens[i + 2] ?? short)) {
      const link = { to: 'recent', kinds: ['media'], head: words[i + 1] ?? '', orNew: false } as const;
      found.push({ first: i, end: i + 2, kind: 'media', form: 'name', name: spanText(segmented, i, i + 2), key: '', link, priority: PRIORITY.anaphor });
      i++;
      continue;
    }
    const party = partyDescription(ctx, i);
    if (party) {
      found.push(party);
      i = party.end - 1;
      continue;
    }
    // Skip adjectives: "the Russian news agency", "the terrorist group".
    // Skip modifiers: "the Russian news agency", "the Kremlin spokesman".
    let head = i + 1;
    while (head < i + 4 && (segmented.tokens[head]?.pos === 'ADJ' || segmented.tokens[head]?.pos === 'PROPN')) head++;
    const next = segmented.tokens[head];
    if (!next || isCapitalised(next)) continue; // "the Group of Seven" is a name, not a description
    const description = gaz.descriptions.matchAt(words, head)[0];
    // "the criminal justice system": "justice" is a title only before a name.
    const title = words[head] === 'justice' ? undefined : gaz.titles.matchAt(words, head)[0];
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
      // "the agency" is the last organisation with "Agency" in its name, not the last of any
      // organisation ("Connecticut's tax commissioner ... at the agency").
      const head = kinds.length === 1 && kinds[0] === 'organisation' ? words[end - 1] : undefined;
      const link = { to: 'recent', kinds, orNew: false, ...(head ? { head } : {}) } as const;
      found.push({ first: i, end, kind: kinds[0] ?? 'organisation', form: 'description', name: text, key: '', link, priority: PRIORITY.anaphor });
    } else if (title) {
      // "The Democratic presidential nominee" must not become the Republican nominee: every
      // word of the description has to be in the person's roles, and its party and state must
      // not contradict the person's. "The spokeswoman" may also be the unnamed "a Treasury
      // Department spokeswoman" said before.
      const described = { ...describe(spanText(segmented, i + 1, end), gaz), titleHead: words[end - 1] ?? '' };
      // Unresolved, it is a person known only by title: "the Kremlin spokesman said".
      const link = { to: 'recent', kinds: ['person', 'anonymous'], described, orNew: true } as const;
      found.push({ first: i, end, kind: 'person', form: 'title', name: text, key: '', link, role: spanText(segmented, i + 1, end), priority: PRIORITY.title });
    }
    i = end - 1;
  }
  return found;
}

/** Party nouns that head a description of a politician ("the Ohio Republican"). */
const PARTY_NOUNS = new Set(['republican', 'democrat']);

/**
 * "The Arizona Republican said", "the Ohio Democrat": a definite description headed by a party
 * noun, optionally after a US state, points back to the last person of that party and state
 * ("Sen. John McCain, R-Ariz."). Not before a noun ("the Republican plan", "the Democratic
 * Party"); unresolved, it is dropped: the state never speaks.
 */
function partyDescription(ctx: Context, i: number): Candidate | undefined {
  const { words, segmented, gaz } = ctx;
  let k = i + 1;
  const one = words[k] ?? '';
  const two = `${one} ${words[k + 1] ?? ''}`;
  if (isStateName(gaz, two)) k += 2;
  else if (isStateName(gaz, one)) k += 1;
  const head = segmented.tokens[k];
  if (!head || !isCapitalised(head) || !PARTY_NOUNS.has(words[k] ?? '')) return undefined;
  const after = segmented.tokens[k + 1];
  if (after && after.sentence === head.sentence && (after.pos === 'NOUN' || after.pos === 'PROPN' || after.pos === 'ADJ')) return undefined;
  const end = k + 1;
  const text = spanText(segmented, i, end);
  const described = describe(spanText(segmented, i + 1, end), gaz);
  const link = { to: 'recent', kinds: ['person'], described, orNew: false } as const;
  return { first: i, end, kind: 'person', form: 'title', name: text, key: '', link, role: spanText(segmented, i + 1, end), priority: PRIORITY.title };
}
