/**
 * An article's relation to a claim decided by its sentences: who in the article says what.
 * The whole-text model reads an article as one body (FNC-1's setting); a fact-checker's question
 * ("does this outlet carry or dispute X, and who says it?") is answered by the sentences. The two
 * sentences that cover the claim best are scored against it (by the sentence model, which also
 * learned from sentence-sized Emergent headlines); the verdict comes from the more decisive:
 * - no sentence related (P(unrelated) >= 0.5 for all) and the whole text unrelated: unrelated;
 * - the related sentence with the highest P(agree) or P(disagree), when that is >= 0.5, decides
 *   agree or disagree ("ISIS-K alone bears responsibility," he said -> agree);
 * - otherwise the article discusses the claim.
 * Confidence is that probability times the sentence's P(related).
 */
import type { AnalyzedArticle } from '../types/index.js';
import type { RelationModel } from './model.js';
import { prepareSentences, type PreparedText } from './text.js';
import { toEvidence } from './evidence.js';
import type { SentenceScore } from './features.js';
import type { Relation, RelationLabel } from './types.js';

const DECISIVE = 0.5;
/** How many best-covering sentences may decide. */
const CANDIDATES = 2;
const MAX_EVIDENCE = 2;

interface Scored {
  readonly sentence: number;
  readonly related: number;
  readonly probs: Record<RelationLabel, number>;
}

/**
 * How an analysed article (or a prepared text with its sentences) relates to a claim, decided
 * by its sentences; evidence carries the source and cue of each sentence's attribution.
 *
 * @example
 * relateBySentence(model, model.prepare('ISIS-K was the sole culprit'), article).label; // 'disagree'
 */
export function relateBySentence(model: RelationModel, claim: PreparedText, article: AnalyzedArticle, text = model.prepareArticle(article)): Relation {
  const whole = model.score(claim, text);
  // The sentences that say most of the claim (coverage: weighted overlap and soft alignment,
  // best first) decide; scoring every sentence and keeping the most polarised one would let one
  // noisy sentence out of forty decide an article that only shares the topic.
  const scored: Scored[] = whole.sentences.slice(0, CANDIDATES).map((s) => {
    const span = text.sentences[s.sentence];
    const one = prepareSentences(article.text, span ? [{ start: span.start, end: span.end }] : [], model.vectors);
    const { probs } = model.score(claim, one);
    return { sentence: s.sentence, related: 1 - probs.unrelated, probs };
  });
  const related = scored.filter((s) => s.related > 0.5);
  const decisiveness = (s: Scored): number => Math.max(s.probs.agree, s.probs.disagree) / Math.max(s.related, 1e-9);
  const ranked = [...related].sort((a, b) => decisiveness(b) - decisiveness(a) || a.sentence - b.sentence);
  const top = ranked[0];
  if (!top) {
    if (whole.label === 'unrelated') return { probs: whole.probs, label: 'unrelated', evidence: [] };
    // Related as a whole, but no single sentence is: the article discusses the topic.
    const picked = whole.sentences.slice(0, 1);
    return { probs: whole.probs, label: 'discuss', evidence: toEvidence(text, picked, article) };
  }
  const agree = top.probs.agree / top.related;
  const disagree = top.probs.disagree / top.related;
  const label: RelationLabel = Math.max(agree, disagree) >= DECISIVE ? (agree >= disagree ? 'agree' : 'disagree') : 'discuss';
  const evidenceRows: SentenceScore[] = ranked.slice(0, MAX_EVIDENCE).map((s) => ({ sentence: s.sentence, overlap: 0, alignment: 0, score: s.probs[label] }));
  return { probs: top.probs, label, evidence: toEvidence(text, evidenceRows, article) };
}
