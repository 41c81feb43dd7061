/**
 * Adjectives and nouns that embed a "that" clause and say something about its truth. Verbs come
 * from the lexicons (see scripts/build-commitments.ts); these two short lists are hand-written.
 */

/** "She is sure that ...", "He was not aware that ...", "It is clear that ...". */
export const ADJECTIVE_PREDICATES: ReadonlySet<string> = new Set([
  'sure', 'certain', 'aware', 'unaware', 'clear', 'unclear', 'obvious', 'evident', 'apparent',
  'true', 'false', 'likely', 'unlikely', 'possible', 'impossible', 'probable', 'convinced',
  'confident', 'doubtful', 'glad', 'sorry', 'afraid', 'surprised', 'happy', 'proud', 'odd',
  'strange', 'interesting', 'relevant', 'exciting', 'plain', 'undeniable', 'conceivable',
]);

/** "the fact that ...", "the claim that ...", "reports that ...". */
export const NOUN_PREDICATES: ReadonlySet<string> = new Set([
  'fact', 'claim', 'belief', 'idea', 'allegation', 'assertion', 'rumor', 'rumour', 'suggestion',
  'notion', 'evidence', 'news', 'report', 'possibility', 'hope', 'fear', 'impression',
  'knowledge', 'realization', 'assumption', 'denial', 'proof', 'revelation', 'hypothesis',
  'theory', 'suspicion', 'speculation', 'assurance', 'admission', 'discovery', 'conclusion',
  'recognition', 'indication', 'sign', 'view', 'argument', 'warning', 'promise', 'concern',
]);
