/**
 * Commitment for every clause-embedding predicate (verbs, adjectives, nouns), whether or not the
 * attribution tagger found a cue on it: `commitments` of the analysis output.
 */
import type { Cue, PredicateCommitment, Segmented } from '../../types/index.js';
import { cueEnvironment } from '../environment.js';
import { findPredicates } from './detect.js';
import { kindIn, loadCommitmentModel, scoreCommitment, tenseAndPerson, type CommitmentModel } from './score.js';

export { loadCommitmentModel, scoreCommitment, type CommitmentModel } from './score.js';
export { findPredicates, type PredicateMatch } from './detect.js';

/**
 * Find the clause-embedding predicates of an article and score them.
 *
 * @example
 * tagCommitments(segment(article('He was not aware that the plant had closed.')), [])
 * // [{ lemma: 'aware', kind: 'adjective', clause: { text: 'the plant had closed', ... }, writerCommitment: 0.6, ... }]
 */
export function tagCommitments(segmented: Segmented, cues: readonly Cue[], model: CommitmentModel = loadCommitmentModel()): PredicateCommitment[] {
  const { tokens, article } = segmented;
  return findPredicates(segmented, kindIn(model)).map((m, i) => {
    const head = tokens[m.head]!;
    const first = tokens[m.clauseFirst]!;
    const last = tokens[m.clauseEnd - 1]!;
    const env = cueEnvironment(segmented, { head: m.head, last: m.head, key: m.lemma });
    const environment = { ...env, ...tenseAndPerson(segmented, m.head, env.firstPerson) };
    const { writer, subject } = scoreCommitment(model, m.lemma, m.complement, env, m.kind);
    const cue = cues.find((c) => c.spans.some((s) => s.start <= head.start && head.end <= s.end));
    return {
      id: `p${i + 1}`,
      predicate: { start: head.start, end: head.end, text: head.text },
      lemma: m.lemma,
      kind: m.kind,
      complementType: m.complement,
      clause: { start: first.start, end: last.end, text: article.text.slice(first.start, last.end) },
      environment,
      writerCommitment: writer,
      subjectCommitment: subject,
      sentence: head.sentence,
      ...(cue ? { cueId: cue.id } : {}),
    };
  });
}
