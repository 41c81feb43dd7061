/**
 * The small encodings of format version 4 (see format.ts): spans as `[start, end]` offset pairs
 * and environments as one string of words, both ways.
 */
import type { CueEnvironment, PredicateEnvironment, Span } from '../types/index.js';
import type { SpanRecord } from './format.js';

/** The boolean flags of an environment, in the order they are packed. */
const FLAGS = ['negated', 'modal', 'question', 'conditional', 'firstPerson'] as const;

/** An environment with no flag set. */
export const NO_ENVIRONMENT: CueEnvironment = { negated: false, modal: false, question: false, conditional: false, firstPerson: false };

/** Writes spans as `[start, end]`, or `[start, end, text]` when quoting. */
export type SpanWriter = (span: Span) => SpanRecord;

/** The span writer for a record: quoted when asked, or when the record holds no `text` to slice. */
export function spanWriter(quote: boolean): SpanWriter {
  return quote ? (s) => [s.start, s.end, s.text] : (s) => [s.start, s.end];
}

/** Reads a span back: its own text when quoted, else `text.slice(start, end)`. */
export function readSpan(text: string, span: SpanRecord): Span {
  return { start: span[0], end: span[1], text: span.length === 3 ? span[2] : text.slice(span[0], span[1]) };
}

/** A cue environment's true flags, e.g. `"negated modal"` ("may not have said"); `""` when none. */
export function packFlags(environment: CueEnvironment): string {
  let out = '';
  for (const flag of FLAGS) if (environment[flag]) out = out === '' ? flag : `${out} ${flag}`;
  return out;
}

/** A predicate environment: tense, person, then the true flags, e.g. `"past third negated"` ("did not realise"). */
export function packPredicateEnvironment(environment: PredicateEnvironment): string {
  const flags = packFlags(environment);
  return flags === '' ? `${environment.tense} ${environment.person}` : `${environment.tense} ${environment.person} ${flags}`;
}

/** The cue environment of a packed string (unknown words are ignored). */
export function unpackFlags(packed: string | undefined): CueEnvironment {
  if (!packed) return NO_ENVIRONMENT;
  const words = new Set(packed.split(' '));
  return { negated: words.has('negated'), modal: words.has('modal'), question: words.has('question'), conditional: words.has('conditional'), firstPerson: words.has('firstPerson') };
}

/** The predicate environment of a packed string (see {@link packPredicateEnvironment}). */
export function unpackPredicateEnvironment(packed: string): PredicateEnvironment {
  const [tense, person] = packed.split(' ', 2);
  return { ...unpackFlags(packed), tense: tense as PredicateEnvironment['tense'], person: person as PredicateEnvironment['person'] };
}
