/**
 * Find clause-embedding predicates in a segmented article, whether or not the attribution tagger
 * found a cue there: a verb, adjective or noun of the predicate inventory followed by its clause.
 *
 * - "that" clause: "she realized that P", "he was not aware that P", "the fact that P".
 * - "to" infinitive (verbs only): "Nike declined to be a sponsor", "he managed to escape".
 * - bare clause after a verb (no "that"): "I don't think it will rain": the next token opens a
 *   clause (a personal pronoun, determiner, proper noun or "there") and a verb follows later.
 * - "it seems that P" / "it is clear that P": the same rules; the subject is impersonal.
 *
 * The clause runs to the end of the sentence (closing punctuation and quotes trimmed), or to the
 * first ", " followed by a reporting verb ("P, he said"). A noun followed by "that" may open a
 * relative clause instead ("the claim that he made"): accepted, the cost of a lexical rule.
 */
import type { PredicateKind } from './model.js';
import { ADJECTIVE_PREDICATES, NOUN_PREDICATES } from './inventory.js';
import type { Segmented, Token } from '../../types/index.js';

/** One predicate occurrence and the token range of its clause. */
export interface PredicateMatch {
  readonly head: number;
  readonly lemma: string;
  readonly kind: PredicateKind;
  readonly complement: 'that' | 'to';
  /** First and one-past-last token of the embedded clause. */
  readonly clauseFirst: number;
  readonly clauseEnd: number;
}

const KIND_POS: Readonly<Record<PredicateKind, ReadonlySet<string>>> = {
  verb: new Set(['VERB', 'AUX']),
  adjective: new Set(['ADJ', 'VERB']), // wink tags "convinced", "surprised" as verbs
  noun: new Set(['NOUN']),
};
/** Tokens that open a bare clause after a verb: "I think it ...", "she knew the plan ...". */
const CLAUSE_OPENERS = new Set(['PRON', 'DET', 'PROPN']);
const OBJECT_PRONOUNS = new Set(['me', 'him', 'her', 'us', 'them', 'you', 'it']);
const TRAILING = new Set(['PUNCT']);

/**
 * Every predicate of `inventory` with its clause, in token order.
 *
 * @example
 * findPredicates(segment(article('He was not aware that the plant had closed.')), kindOf)
 * // [{ lemma: 'aware', kind: 'adjective', complement: 'that', ... }]
 */
export function findPredicates(segmented: Segmented, kindOf: (lemma: string) => PredicateKind | undefined): PredicateMatch[] {
  const { tokens, sentences } = segmented;
  const matches: PredicateMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lemma = lemmaOf(t, kindOf);
    if (lemma === undefined) continue;
    // A lemma listed as a verb may also be a noun ("the claim that") or an adjective predicate.
    const kind = t.pos === 'NOUN' && NOUN_PREDICATES.has(lemma) ? 'noun'
      : t.pos === 'ADJ' && ADJECTIVE_PREDICATES.has(lemma) ? 'adjective'
      : kindOf(lemma);
    if (kind === undefined || !KIND_POS[kind].has(t.pos)) continue;
    const sentence = sentences[t.sentence];
    if (!sentence) continue;
    const end = sentence.endToken;
    // "told them that P", "warned him to leave": skip one object pronoun after a verb.
    let next = i + 1;
    if (kind === 'verb' && OBJECT_PRONOUNS.has(tokens[next]?.lower ?? '') && ['that', 'to'].includes(tokens[next + 1]?.lower ?? '')) next++;
    const n = tokens[next];
    if (!n || next >= end) continue;
    let complement: 'that' | 'to';
    let first: number;
    if (n.lower === 'that') { complement = 'that'; first = next + 1; }
    else if (kind === 'verb' && n.lower === 'to' && ['VERB', 'AUX'].includes(tokens[next + 1]?.pos ?? '')) { complement = 'to'; first = next; }
    else if (kind === 'verb' && CLAUSE_OPENERS.has(n.pos) && hasVerb(tokens, next + 1, end) && !OBJECT_PRONOUNS.has(n.lower)) { complement = 'that'; first = next; }
    else if (kind === 'verb' && ['he', 'she', 'it', 'they', 'we', 'i', 'you'].includes(n.lower)) { complement = 'that'; first = next; }
    else continue;
    const clauseEnd = clauseEndOf(tokens, first, end);
    if (clauseEnd <= first) continue;
    matches.push({ head: i, lemma, kind, complement, clauseFirst: first, clauseEnd });
  }
  return matches;
}

/** The inventory lemma of a token: its lemma, or its lower form ("felt" is its own entry; "aware"). */
function lemmaOf(t: Token, kindOf: (lemma: string) => PredicateKind | undefined): string | undefined {
  if (kindOf(t.lemma)) return t.lemma;
  if (kindOf(t.lower)) return t.lower;
  return undefined;
}

/**
 * True when a verb follows within 8 tokens, before any "that": "she knew the plan had failed"
 * opens a clause; "he repeated the claim that ..." does not (the noun takes the clause).
 */
function hasVerb(tokens: readonly Token[], from: number, end: number): boolean {
  for (let i = from; i < end && i < from + 8; i++) {
    if (tokens[i]?.lower === 'that') return false;
    if (['VERB', 'AUX'].includes(tokens[i]?.pos ?? '')) return true;
  }
  return false;
}

/** One past the clause's last token: the sentence end, or before ", he said"; trailing punctuation trimmed. */
function clauseEndOf(tokens: readonly Token[], first: number, sentenceEnd: number): number {
  let end = sentenceEnd;
  for (let i = first; i < sentenceEnd - 2; i++) {
    if (tokens[i]?.lower === ',' && ['PRON', 'PROPN'].includes(tokens[i + 1]?.pos ?? '') && ['say', 'tell', 'add'].includes(tokens[i + 2]?.lemma ?? '')) { end = i; break; }
  }
  while (end > first && (TRAILING.has(tokens[end - 1]?.pos ?? '') || /^["'”’»)]$/u.test(tokens[end - 1]?.lower ?? ''))) end--;
  return end;
}
