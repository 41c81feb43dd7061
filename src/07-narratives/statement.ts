/**
 * Step 7.9 (labels): how well a claim's statement reads as a proposition a reader can be shown.
 *
 * A claim's content is cut by the attribution tagger, so it can be a fragment ("on the group's
 * website Tuesday"), a relative clause ("which he estimates would cost about $8 billion"), a
 * phrase in apposition ("Sen. John Cornyn, head of the Senate GOP campaign arm") or a full clause
 * behind a lead-in ("As I said yesterday, Todd Akin's comments were offensive"). Labels and
 * questions are built from the statement, so they need the full clause without its lead-in, and
 * the narrative's label should come from a claim that has one.
 */
import { winkAnalyze, type WinkToken } from '../adapters/wink.js';

/**
 * How a statement reads: `named` a clause whose subject names something ("Mexico will not pay
 * for the wall"), `pronoun` a clause whose subject is a pronoun ("He had hired a lawyer"),
 * `fragment` anything else. Ordered best first.
 */
export type StatementForm = 'named' | 'pronoun' | 'fragment';

/** A statement made ready for a label: its lead-in and trailing speech tag cut, and its form. */
export interface ReadStatement {
  readonly text: string;
  readonly form: StatementForm;
  /** The tokens of `text` (wink), for the question's inversion. */
  readonly tokens: readonly WinkToken[];
  /** Index in `tokens` of the clause's first verb or auxiliary (-1 for a fragment). */
  readonly verb: number;
}

// Connectives that tie a statement to the previous one: "Still,", "But", "Needless to say,".
const OPENER = /^(?:still|but|and|or|yet|so|however|meanwhile|indeed|instead|also|now|needless to say|of course|in fact|in short|after all|put it this way)\b[,:]?\s+/i;
// Words that start a subordinate or relative clause: such a statement is not a sentence.
const SUBORDINATE = new Set(['which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'because', 'although', 'though', 'if', 'unless', 'since', 'as', 'than', 'whether', 'that']);
const MIN_WORDS = 4;
// "Him the party is concerned ...": an object pronoun does not start a clause.
const OBJECT_PRONOUNS = new Set(['him', 'them', 'me', 'us', 'whom']);
// "Tuesday calling on ...", "Sunday that when he used ...": a date opens a fragment, not a subject.
const DATES = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|tomorrow)$/i;
const POSSESSIVE = /^['’]s?$/;
const MAX_SUBJECT = 8;
// A lead-in phrase before a comma that is not the clause: "As I said yesterday,", "In a
// statement released Tuesday,", "From what I understand from doctors,", "On Monday,".
const LEAD_IN_POS = new Set(['ADP', 'SCONJ', 'ADV']);
const MAX_LEAD_IN = 9;
// A speech tag left at the end of a quoted statement: ", he said.", ", she continued".
const TRAILING_TAG = /,?\s+(?:he|she|they|it|[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*){0,2})\s+(?:said|says|added|continued|wrote|told \p{L}+|explained|argued|insisted)\.?$/u;

/** Cut the statement at the end of its first sentence ("Freedom means ..., she continued. That means ..."). */
function firstSentence(tokens: readonly WinkToken[], text: string): string {
  const ranges = winkAnalyze(text).sentenceRanges;
  if (ranges.length <= 1) return text;
  const [, last = tokens.length - 1] = ranges[0] ?? [];
  let out = '';
  for (let i = 0; i <= last && i < tokens.length; i++) out += (i > 0 ? tokens[i]?.precedingSpaces ?? '' : '') + (tokens[i]?.value ?? '');
  return out;
}

const joinTokens = (tokens: readonly WinkToken[]): string => tokens.map((t, i) => (i > 0 ? t.precedingSpaces : '') + t.value).join('');

/**
 * Read a statement for a label: cut quotes, a leading complementiser and connectives, a short
 * lead-in phrase before a comma, a trailing speech tag and any sentence after the first; then
 * say whether what is left is a clause with a named subject, a pronoun subject, or a fragment.
 *
 * @example readStatement('As I said yesterday, Todd Akin’s comments were offensive').text // "Todd Akin’s comments were offensive"
 * @example readStatement('on the group’s website Tuesday').form // 'fragment'
 */
export function readStatement(statement: string): ReadStatement {
  let text = statement.replace(/[“”"‘]/g, '').replace(/’(?=\s|$)/g, '').replace(/\s+/g, ' ').trim().replace(/^(?:that|whether)\s+/i, '');
  for (let previous = ''; previous !== text;) { previous = text; text = text.replace(OPENER, ''); }
  let tokens = winkAnalyze(text).tokens.filter((t) => t.pos !== 'SPACE');
  // A lead-in phrase up to the first comma ("As I said yesterday, ..."), when a clause follows.
  const comma = tokens.findIndex((t) => t.value === ',' || t.value === ':');
  if (comma > 0 && comma <= MAX_LEAD_IN && LEAD_IN_POS.has(tokens[0]?.pos ?? '') && comma < tokens.length - MIN_WORDS) {
    text = joinTokens(tokens.slice(comma + 1)).trim();
    tokens = winkAnalyze(text).tokens.filter((t) => t.pos !== 'SPACE');
  }
  const cut = firstSentence(tokens, text).replace(TRAILING_TAG, '').replace(/[\s,;:–—-]+$/, '');
  if (cut !== text) {
    text = cut;
    tokens = winkAnalyze(text).tokens.filter((t) => t.pos !== 'SPACE');
  }
  const verb = tokens.findIndex((t, i) => i > 0 && isVerb(tokens, i));
  const subject = tokens.slice(0, Math.max(0, verb));
  const first = tokens[0];
  const words = tokens.filter((t) => t.pos !== 'PUNCT').length;
  const head = tokens[verb];
  // A question is not a statement to label or invert ("Why aren't the Democrats investigating ...?").
  const asked = /\?$/.test(text) || /^(?:why|how|what|who|when|where)$/i.test(first?.value ?? '');
  const clause = !asked && verb > 0 && head !== undefined && subject.length <= MAX_SUBJECT && words >= MIN_WORDS
    // "Tuesday calling on the NAACP to ...": a gerund is not a finite verb.
    && !(head.pos === 'VERB' && /ing$/i.test(head.value))
    && !OBJECT_PRONOUNS.has(first?.value.toLowerCase() ?? '') && !DATES.test(first?.value ?? '')
    // A relative or subordinate clause inside the subject ("Mr. Romney who called ...").
    && !subject.some((t) => t.pos === 'SCONJ' || SUBORDINATE.has(t.value.toLowerCase()))
    && first !== undefined && !SUBORDINATE.has(first.value.toLowerCase()) && !['ADP', 'SCONJ', 'CCONJ', 'PART', 'VERB', 'AUX'].includes(first.pos)
    && subject.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'NUM')
    && !subject.some((t) => t.pos === 'VERB' || (t.pos === 'PART' && !POSSESSIVE.test(t.value)) || (t.pos === 'PUNCT' && !POSSESSIVE.test(t.value)));
  const form: StatementForm = !clause ? 'fragment' : subject.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM') ? 'named' : 'pronoun';
  return { text, form, tokens, verb: clause ? verb : -1 };
}

// After these a word tagged as a verb is a noun ("His comment that ...", "the use of ...").
const DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your', 'the', 'a', 'an', 'this', 'that', 'these', 'those']);
const capitalised = (t: WinkToken | undefined): boolean => t !== undefined && /^[\p{Lu}]/u.test(t.value);

/**
 * Whether token `i` is the clause's verb. The tagger reads some nouns as verbs: a word after a
 * determiner ("His comment that ..."), a capitalised word inside a name ("Rep. Don Young").
 */
function isVerb(tokens: readonly WinkToken[], i: number): boolean {
  const t = tokens[i];
  if (!t || (t.pos !== 'AUX' && t.pos !== 'VERB')) return false;
  if (t.pos === 'AUX') return true;
  if (DETERMINERS.has(tokens[i - 1]?.value.toLowerCase() ?? '')) return false;
  return !(capitalised(t) && tokens[i - 1]?.pos === 'PROPN' && capitalised(tokens[i + 1]));
}

/** Rank of a form, best first (0 named, 1 pronoun, 2 fragment). */
export const formRank = (form: StatementForm): number => (form === 'named' ? 0 : form === 'pronoun' ? 1 : 2);
