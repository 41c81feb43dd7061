/**
 * Step 7.9a: a question in words, built from the propositions that answer it. "Who was behind the
 * attack?" for responsibility; for the others, the yes/no question of the claim that tells the
 * story, by subject-auxiliary inversion ("Iran warned Russia about a major terrorist operation"
 * -> "Did Iran warn Russia about a major terrorist operation?").
 */
import { winkAnalyze } from '../adapters/wink.js';
import type { QuestionKind } from '../types/narratives.js';
import { formRank, readStatement, type ReadStatement } from './statement.js';

const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'shall', 'does', 'do', 'did']);
const MAX_WORDS = 11;
// Auxiliaries wink splits off: a contracted negation ("won't" -> "wo" + "n't", "can't" -> "ca" + "n't") or a contracted auxiliary ("He'll" -> "He" + "'ll").
// "He'll" -> "He" + "'ll".
const CONTRACTED: Readonly<Record<string, string>> = { wo: 'will', ca: 'can', sha: 'shall', "'ll": 'will', '’ll': 'will', "'d": 'would', '’d': 'would', "'re": 'are', '’re': 'are', "'ve": 'have', '’ve': 'have' };
// Openers that tie a statement to the previous one: "Still,", "But", "Needless to say,", "In fact,".
const OPENER = /^(?:still|but|and|yet|so|however|meanwhile|indeed|instead|also|now|needless to say|of course|in fact|in short|after all)\b,?\s+/i;
// "the attack", "the massacre", "the Crocus City Hall attack": the deed a responsibility claim is
// about, read only after words of responsibility ("responsibility for the attack", "behind the
// massacre", "linked to the bombing"): after any preposition it read "closed to the public" as
// "Who was behind the public?".
const DEED = /\b(?:responsib\w+ for|blam\w+ (?:\w+ )?for|behind|involve\w* in|link\w* to|role in|carr\w+ out|perpetrat\w+|orchestrat\w+|plann\w+|plot\w* to)\s+(?:the|this|that|last\s+\w+'s)\s+((?:[\p{Lu}][\p{L}-]*\s+)*)([\p{Ll}][\p{Ll}-]+)/gu;
const NOT_DEEDS = new Set(['help', 'group', 'region', 'country', 'city', 'border', 'matter', 'investigation', 'area', 'people', 'government', 'state', 'west', 'war', 'public', 'scenes', 'curtain', 'wheel', 'times']);
// Function words are never a deed ("for the Tea Party to ..." must not read "to").
const FUNCTION_WORDS = /^(?:to|of|in|on|at|by|for|and|or|but|that|which|who|was|were|is|are|has|had|have|be|been|with|from|as)$/;

/**
 * The deed responsibility claims are about: the head noun most often named after their words of
 * responsibility ("responsibility for the attack", "linked to the massacre"); null when none is.
 * @example deedOf(['ISIS-K claimed responsibility for the attack']) // 'attack'
 */
export function deedOf(texts: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(DEED)) {
      const head = m[2] ?? '';
      if (NOT_DEEDS.has(head) || FUNCTION_WORDS.test(head)) continue;
      counts.set(head, (counts.get(head) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/**
 * "Who was behind the attack?": the deed is the head noun most often named after the
 * responsibility words of the claims (see {@link deedOf}).
 * @example responsibilityQuestion(['ISIS-K claimed responsibility for the attack']) // 'Who was behind the attack?'
 */
export function responsibilityQuestion(texts: readonly string[]): string {
  const deed = deedOf(texts);
  return deed ? `Who was behind the ${deed}?` : 'Who was behind it?';
}

/** Cut a clause after `max` words or (with `atComma`) at its first comma, whichever comes first. */
function clip(words: readonly string[], max = MAX_WORDS, atComma = true): string {
  const out: string[] = [];
  for (const w of words) {
    if (out.length >= max) return `${out.join(' ')}…`;
    out.push(w);
    if (atComma && /[,;:]$/.test(w)) break;
    // A sentence ends inside the statement ("... of Obama's choosing.' It was ..."): the question stops there.
    if (/[.!?][’'"”]?$/.test(w) && !/^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|U\.S)\.$/.test(w)) break;
  }
  return out.join(' ').replace(/[,;:.!?]*[’'"”]?$/, (m) => (/[’'"”]/.test(m) && !/[,;:.!?]/.test(m) ? m : ''));
}

/**
 * The yes/no question a statement answers, by inversion: an auxiliary moves before the subject
 * ("Iran had tipped Russia off" -> "Had Iran tipped Russia off?"), a finite verb takes do-support
 * ("Iran warned Russia" -> "Did Iran warn Russia?"). Falls back to "Is it true that ...?".
 * @example yesNoQuestion('the attackers had tried to escape toward Ukraine') // 'Had the attackers tried to escape toward Ukraine?'
 */
export function yesNoQuestion(statement: string): string {
  const read = readStatement(statement);
  const { tokens, verb } = read;
  if (read.form === 'fragment' || verb < 1) return asIs(read);
  const subject = tokens.slice(0, verb);
  const join = (ts: typeof tokens): string[] => {
    const out: string[] = [];
    for (const t of ts) {
      if (out.length > 0 && t.precedingSpaces === '') out[out.length - 1] += t.value;
      else out.push(t.value);
    }
    return out;
  };
  const head = tokens[verb];
  if (!head) return asIs(read);
  const subjectWords = join(subject);
  const first = subject[0];
  // "The president" -> "the president", but "President Trump" keeps its title's capital.
  if (first && first.value !== 'I' && (first.pos === 'DET' || first.pos === 'PRON' || first.pos === 'ADJ' || first.pos === 'NOUN') && !(first.pos === 'NOUN' && subject[1]?.pos === 'PROPN')) subjectWords[0] = (subjectWords[0] ?? '').toLowerCase();
  // The question is asked in the positive: "Mexico won't pay for the wall" and "Mexico will pay"
  // are two answers to "Will Mexico pay for the wall?" (the negation belongs to the answer).
  const negated = /^(n['’]t|not)$/i.test(tokens[verb + 1]?.value ?? '') && head.pos === 'AUX';
  const rest = join(tokens.slice(verb + (negated ? 2 : 1)));
  const value = CONTRACTED[head.value.toLowerCase()] ?? head.value.toLowerCase();
  let words: string[];
  // "had" with no verb after it is the main verb: "My father had a ranch" -> "Did my father have a ranch?".
  const next = tokens[verb + 1];
  const possession = /^(?:has|have|had)$/.test(value) && next !== undefined && ['DET', 'NUM', 'PRON', 'NOUN', 'PROPN'].includes(next.pos) && !tokens.slice(verb + 1, verb + 4).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (head.pos === 'AUX' && AUXILIARIES.has(value) && !possession) {
    // "Didn't" / "doesn't" keep only their do-support: "Did Kyiv help?", not "Did Kyiv not help?".
    words = [capital(value), ...subjectWords, ...rest];
  } else {
    const aux = value.endsWith('s') && head.lemma !== value ? 'Does' : value === head.lemma ? 'Do' : 'Did';
    words = [aux, ...subjectWords, head.lemma, ...rest];
  }
  const question = clip(words);
  // "There are, of course, those who ..." inverts to "Are there": a question needs what it asks.
  if (question.split(' ').filter((w) => /\p{L}/u.test(w)).length < 3) return asIs(read);
  return `${question}?`;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A statement that cannot be inverted, asked as it stands: "Is it true that there are ...?". */
function asIs(read: ReadStatement): string {
  const first = read.tokens[0];
  const text = first && first.pos !== 'PROPN' && first.value !== 'I' ? read.text.charAt(0).toLowerCase() + read.text.slice(1) : read.text;
  return `Is it true that ${clip(text.split(' '), MAX_WORDS, false)}?`;
}

/**
 * The question a group of narratives answers: responsibility questions ask who; the others ask
 * the yes/no question of the leading statement that reads best: the first with a named subject,
 * else the first with a pronoun subject, else the first (`statements` come best-placed first).
 */
export function questionText(kind: QuestionKind, statements: readonly string[]): string {
  if (kind === 'responsibility') return responsibilityQuestion(statements);
  const read = statements.map((s) => readStatement(s));
  let best = 0;
  read.forEach((r, i) => { if (formRank(r.form) < formRank(read[best]?.form ?? 'fragment')) best = i; });
  return yesNoQuestion(statements[best] ?? '');
}
