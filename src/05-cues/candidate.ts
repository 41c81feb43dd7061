/** A cue found by detection, before it is classified: token ranges plus its lexicon key. */
export interface CueCandidate {
  /** Half-open token index ranges [first, end) of the cue fragments, in text order. */
  readonly tokenRanges: readonly (readonly [number, number])[];
  /** Lexicon key: lower-case lemma or phrase ("say", "according to", "in a statement"). */
  readonly key: string;
}
