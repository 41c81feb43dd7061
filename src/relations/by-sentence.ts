/**
 * An article's relation to a claim decided sentence by sentence: who in the article says what.
 * The whole-text model reads an article as one body (FNC-1's setting); a fact-checker's question
 * ("does this outlet carry or dispute X, and who says it?") is answered by the sentences. Each
 * sentence is scored against the claim (the model also learned from sentence-sized Emergent
 * headlines); the verdict comes from the most decisive related sentence:
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
  const scored: Scored[] = text.sentences.map((s, i) => {
    const one = prepareSentences(article.text, [{ start: s.start, end: s.end }], model.vectors);
    const { probs } = model.score(claim, one);
    return { sentence: i, related: 1 - probs.unrelated, probs };
  });
  const related = scored.filter((s) => s.related > 0.5);
  const whole = model.score(claim, text);
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
