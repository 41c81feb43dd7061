/**
 * The grammatical environment of a cue: negation, modality, question, conditional and first
 * person, read from the tokens around the cue within its sentence. These shift how committed the
 * source and the writer are (see `commitment.ts`).
 *
 * Most checks walk back from the cue head through its auxiliary chain ("may not have said"):
 * auxiliaries, particles and adverbs, stopping at the first other token, usually the subject.
 */
import type { CueEnvironment, Segmented, Token } from '../types/index.js';

/** "did not say", "never denied", "wouldn't confirm". */
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'cannot']);
/**
 * "may have suggested", "could confirm", "would argue", "perhaps hinted". Not "must" or "will":
 * they do not weaken; not "can": "We can confirm that ..." is a confirmation.
 */
const MODALS = new Set(['may', 'might', 'could', 'would', 'should', 'ought', 'perhaps', 'possibly', 'maybe']);
/** "refused to confirm", "declined to say", "failed to mention": negative implicatives before "to". */
const NEGATIVE_IMPLICATIVES = new Set(['refuse', 'decline', 'fail', 'neglect', 'avoid']);
/** "Nobody denied it". */
const NEGATIVE_SUBJECTS = new Set(['nobody', 'none', 'noone', 'neither']);
/** "if she admitted", "unless they confirm". */
const CONDITIONALS = new Set(['if', 'unless']);
/** "I think", "we believe": the writer speaks. */
const FIRST_PERSON = new Set(['i', 'we']);
/** Keys that are first-person by themselves ("in my view"). */
const FIRST_PERSON_KEY = /^(in|from|to) (my|our) /;
/** Tokens an auxiliary chain may hold between subject and cue head. */
const CHAIN_POS = new Set(['AUX', 'PART', 'ADV']);
const CHAIN_MAX = 6;
/** Clause boundaries that end the search for "if"/"unless" ("If it holds, she said, ..."). */
const CLAUSE_BREAK = new Set([',', ';', ':', '—', '–', '-', '(', ')']);
const CONDITIONAL_WINDOW = 12;

/** The token range of a cue and its key, as the classifier resolved them. */
export interface CueLocation {
  /** Index of the cue's head token (the verb of "did not say", "appears" of "appears to be skeptical"). */
  readonly head: number;
  /** Index of the last token of the cue, used for the question check. */
  readonly last: number;
  /** Lexicon key ("say", "in my view"). */
  readonly key: string;
}

/**
 * Find the environment of a cue.
 *
 * @example
 * // "Peskov did not say whether ..." -> negated
 * // "She may have suggested ..." -> modal
 * // "Did Peskov deny that ...?" -> question
 * // "If she admitted it, ..." -> conditional
 * // "We believe ..." -> firstPerson
 */
export function cueEnvironment(segmented: Segmented, location: CueLocation): CueEnvironment {
  const { tokens } = segmented;
  const headToken = tokens[location.head];
  const sentence = headToken ? segmented.sentences[headToken.sentence] : undefined;
  if (!headToken || !sentence) {
    return { negated: false, modal: false, question: false, conditional: false, firstPerson: false };
  }

  // Walk back through the auxiliary chain: "Peskov | did not | say".
  const chain: Token[] = [];
  let i = location.head - 1;
  for (; i >= sentence.firstToken && chain.length < CHAIN_MAX; i--) {
    const t = tokens[i];
    // wink tags the "no" of "no longer denies" as a determiner; it still belongs to the chain.
    if (!t || !(CHAIN_POS.has(t.pos) || t.lower === 'no')) break;
    chain.push(t);
  }
  const stop = i >= sentence.firstToken ? tokens[i] : undefined;

  const negated =
    chain.some((t) => NEGATORS.has(t.lemma) || NEGATORS.has(t.lower)) ||
    // "He refused to confirm": the chain is "to", the stop word a negative implicative.
    (stop !== undefined && NEGATIVE_IMPLICATIVES.has(stop.lemma) && chain.some((t) => t.lower === 'to')) ||
    // "Nobody denied it".
    (stop !== undefined && NEGATIVE_SUBJECTS.has(stop.lower));

  const modal = chain.some((t) => MODALS.has(t.lemma) || MODALS.has(t.lower));

  const firstPerson =
    FIRST_PERSON_KEY.test(location.key) ||
    (stop !== undefined && stop.pos === 'PRON' && FIRST_PERSON.has(stop.lower) && !insideQuote(segmented, sentence.index, headToken.start));

  return {
    negated,
    modal,
    question: isQuestion(segmented, location.last, sentence.end),
    conditional: inConditional(tokens, location.head, sentence.firstToken),
    firstPerson,
  };
}

/**
 * True when the cue's sentence asks a question: it ends with "?" (closing quotes and brackets
 * aside) and no quotation opens between the cue and that "?".
 * "Did Peskov deny that Iran warned Russia?" is a question; 'He asked: "Why now?"' is not one about "asked".
 */
function isQuestion(segmented: Segmented, last: number, sentenceEnd: number): boolean {
  const lastToken = segmented.tokens[last];
  if (!lastToken) return false;
  const rest = segmented.article.text.slice(lastToken.end, sentenceEnd).replace(/[\s"'”’)\]]+$/u, '');
  return rest.endsWith('?') && !/[“"]/u.test(rest);
}

/** True when "if"/"unless" precedes the cue in its clause: "If she admitted it, ...". */
function inConditional(tokens: readonly Token[], head: number, firstToken: number): boolean {
  for (let i = head - 1; i >= firstToken && head - i <= CONDITIONAL_WINDOW; i--) {
    const t = tokens[i];
    if (!t || CLAUSE_BREAK.has(t.lower)) return false;
    if (CONDITIONALS.has(t.lower)) return true;
  }
  return false;
}

/**
 * True when an opening quotation mark before `offset` in the paragraph is still open: then "I"
 * is the quoted speaker, not the writer ('"I do not know anything about this," he told reporters').
 */
function insideQuote(segmented: Segmented, sentenceIndex: number, offset: number): boolean {
  // The paragraph starts at the first earlier sentence with the same paragraph index.
  let first = sentenceIndex;
  const paragraph = segmented.sentences[sentenceIndex]?.paragraph;
  while (first > 0 && segmented.sentences[first - 1]?.paragraph === paragraph) first--;
  const start = segmented.sentences[first]?.start ?? offset;
  const before = segmented.article.text.slice(start, offset);
  const curlyOpen = (before.match(/“/g) ?? []).length;
  const curlyClose = (before.match(/”/g) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length;
  return curlyOpen > curlyClose || straight % 2 === 1;
}
