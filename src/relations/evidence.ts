/**
 * The evidence of a relation: the sentences that decide it, and, in an analysed article, the
 * source and cue of the attribution that covers each ("Peskov denied ...": source "Peskov",
 * cue "denied", class denial).
 */
import type { AnalyzedArticle, Attribution, Span } from '../types/index.js';
import { IS_HEDGE, IS_NEGATION, IS_REFUTING, type TextIndex } from './body-index.js';
import type { SentenceScore } from './features.js';
import type { PreparedText } from './text.js';
import type { RelationEvidence, RelationLabel } from './types.js';

const MAX_EVIDENCE = 2;

/** Does the sentence hold a refuting, negation or hedge word? */
function marked(text: PreparedText, index: TextIndex, sentence: number, bits: number): boolean {
  const s = text.sentences[sentence];
  if (!s) return false;
  for (let t = s.from; t < s.to; t++) if ((index.flags[t] ?? 0) & bits) return true;
  return false;
}

/**
 * Pick the evidence sentences for `label`: the best-matching sentences; for disagree/discuss,
 * a close match that carries a refuting or hedging word comes first.
 */
export function pickEvidence(label: RelationLabel, text: PreparedText, index: TextIndex, scores: readonly SentenceScore[]): SentenceScore[] {
  if (label === 'unrelated' || scores.length === 0) return [];
  const best = scores[0]?.score ?? 0;
  const close = scores.filter((s) => s.score >= best * 0.6).slice(0, 5);
  const bits = label === 'disagree' ? IS_REFUTING | IS_NEGATION : label === 'discuss' ? IS_HEDGE : 0;
  const preferred = bits ? close.filter((s) => marked(text, index, s.sentence, bits)) : [];
  const out: SentenceScore[] = [];
  for (const s of [...preferred, ...close]) if (out.length < MAX_EVIDENCE && !out.includes(s)) out.push(s);
  return out;
}

function overlaps(a: Span, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The attribution covering a sentence most: by its content, else by its cue inside the sentence. */
function coveringAttribution(article: AnalyzedArticle, span: { start: number; end: number }): Attribution | undefined {
  let best: Attribution | undefined;
  let bestOverlap = 0;
  for (const a of article.attributions) {
    let o = 0;
    for (const c of a.content) o += overlaps(c, span);
    if (o === 0 && a.cue.spans.some((c) => overlaps(c, span) > 0)) o = 1;
    if (o > bestOverlap) { best = a; bestOverlap = o; }
  }
  return best;
}

/** Turn picked sentences into evidence spans (with source and cue when `article` is given). */
export function toEvidence(text: PreparedText, picked: readonly SentenceScore[], article?: AnalyzedArticle): RelationEvidence[] {
  return picked.flatMap((s) => {
    const sentence = text.sentences[s.sentence];
    if (!sentence) return [];
    const span = { start: sentence.start, end: sentence.end, text: text.text.slice(sentence.start, sentence.end), score: Math.round(s.score * 1000) / 1000 };
    const attribution = article ? coveringAttribution(article, sentence) : undefined;
    if (!attribution) return [span];
    const source = attribution.source?.spans[0];
    // "he said": name the actor the attribution stage resolved the source to.
    const actorId = attribution.source?.actorId;
    const actor = actorId ? article?.actors.find((a) => a.id === actorId)?.name : undefined;
    const cue = attribution.cue.spans[0];
    return [{
      ...span,
      ...(source ? { source: { start: source.start, end: source.end, text: source.text, ...(actor ? { actor } : {}) } } : {}),
      ...(cue ? { cue: { start: cue.start, end: cue.end, text: cue.text, lemma: attribution.cue.lemma, stanceClass: attribution.cue.stanceClass } } : {}),
    }];
  });
}
