/**
 * `narrascope eval basil`: how the divergence report relates to BASIL's annotations of media
 * bias (Fan et al. 2019), three outlets per event.
 * 1. Sentences: the per-sentence divergence score against the sentences holding an informational
 *    bias span (ROC AUC, and P/R/F1 at the best threshold on these events).
 * 2. Entities: per outlet, the framing of each main entity (the reporter's commitment to what
 *    the entity says, minus accusations, denials and distancing aimed at it) against the
 *    polarity of that outlet's bias spans toward it (sign agreement).
 */
import { buildNarratives, mergeActors, sentenceDivergence } from '../07-narratives/index.js';
import { analyze } from '../pipeline/analyze.js';
import type { AnalyzedArticle } from '../types/index.js';
import { readBasil, type BasilArticle } from './basil-read.js';
import { auc, bestThreshold, prfAt, signAgreement, type ThresholdPrf } from './basil-score.js';

/** Published supervised sentence-level F1 for informational bias (van den Berg & Markert 2020). */
export const PUBLISHED_BASIL_F1 = { roberta: 43.3, evCIM: 44.0 } as const;

/** Options of {@link evaluateBasil}. */
export interface BasilEvalOptions {
  readonly file: string;
  /** Score only the first N events. */
  readonly limit?: number;
  /**
   * Also report P/R/F1 at this fixed threshold.
   * @default 0.6
   */
  readonly threshold?: number;
}

/** Result of {@link evaluateBasil}. */
export interface BasilEvalReport {
  readonly file: string;
  readonly events: number;
  readonly articles: number;
  readonly sentences: number;
  readonly positives: number;
  readonly auc: number;
  /** AUC of the claim-uniqueness component alone (sentences without claims score 0). */
  readonly aucUniqueness: number;
  readonly best: ThresholdPrf;
  readonly fixed: ThresholdPrf;
  readonly framing: { readonly agreement: number; readonly compared: number; readonly coverage: number };
  readonly ms: number;
}

// Classes of cues aimed at an entity that frame it negatively: "accused Obama", "denied that Obama".
const AGAINST = new Set(['accusation', 'denial', 'doubt']);

/** The reporter's framing of one entity in one article: > 0 favourable, < 0 unfavourable, 0 none. */
export function framingOf(article: AnalyzedArticle, entity: string): number {
  const surname = entity.split(/[\s_]+/).pop()?.toLowerCase() ?? '';
  if (surname.length < 3) return 0;
  const ids = new Set(article.actors.filter((a) => [a.name, ...a.aliases].some((n) => n.toLowerCase().split(/\s+/).includes(surname))).map((a) => a.id));
  const mentions = article.actors.filter((a) => ids.has(a.id)).flatMap((a) => a.mentions);
  let score = 0;
  for (const a of article.attributions) {
    if (a.source?.actorId && ids.has(a.source.actorId)) score += a.cue.reporterCommitment;
    else if (AGAINST.has(a.cue.stanceClass) && mentions.some((m) => a.content.some((c) => m.start >= c.start && m.end <= c.end))) score -= 0.5;
  }
  return Math.round(score * 100) / 100;
}

/** Run the evaluation (see the module comment). */
export async function evaluateBasil(options: BasilEvalOptions): Promise<BasilEvalReport> {
  const started = performance.now();
  const all = await readBasil(options.file);
  const byEvent = new Map<string, BasilArticle[]>();
  for (const a of all) byEvent.set(a.event, [...(byEvent.get(a.event) ?? []), a]);
  const events = [...byEvent.values()].slice(0, options.limit ?? Infinity);
  const scores: number[] = [];
  const uniqueness: number[] = [];
  const labels: boolean[] = [];
  const framing: { predicted: number; gold: number }[] = [];
  let articles = 0;
  for (const group of events) {
    const analysed: AnalyzedArticle[] = [];
    for await (const r of analyze(group.map((g) => g.article), { clean: false, deduplicate: false })) analysed.push(r);
    articles += analysed.length;
    const analysis = buildNarratives(analysed, mergeActors(analysed), 'e');
    const divergence = sentenceDivergence(analysed, analysis);
    group.forEach((gold, k) => {
      const ours = divergence.filter((d) => d.articleId === gold.article.id);
      const positive = new Set(gold.spans.filter((s) => s.bias === 'inf' && s.sentence !== null).map((s) => s.sentence));
      gold.sentences.forEach((s, i) => {
        const overlapping = ours.filter((d) => d.start < s.end && d.end > s.start);
        scores.push(Math.max(0, ...overlapping.map((d) => d.score)));
        uniqueness.push(Math.max(0, ...overlapping.map((d) => d.uniqueness ?? 0)));
        labels.push(positive.has(i));
      });
      const result = analysed[k];
      for (const entity of gold.mainEntities) {
        const key = entity.replace(/\s+/g, '_').toLowerCase();
        const gold_ = gold.spans.filter((s) => s.target?.toLowerCase() === key).reduce((n, s) => n + (s.polarity === 'pos' ? 1 : s.polarity === 'neg' ? -1 : 0), 0);
        framing.push({ predicted: result ? framingOf(result, entity) : 0, gold: gold_ });
      }
    });
  }
  return {
    file: options.file,
    events: events.length,
    articles,
    sentences: labels.length,
    positives: labels.filter(Boolean).length,
    auc: auc(scores, labels),
    aucUniqueness: auc(uniqueness, labels),
    best: bestThreshold(scores, labels),
    fixed: prfAt(scores, labels, options.threshold ?? 0.6),
    framing: signAgreement(framing),
    ms: Math.round(performance.now() - started),
  };
}

/** The report as text. */
export function formatBasilReport(r: BasilEvalReport): string {
  return [
    `BASIL ${r.file}: ${r.events} events, ${r.articles} articles, ${r.sentences} sentences (${r.positives} with informational bias), ${(r.ms / 1000).toFixed(1)} s`,
    `sentence divergence (novelty) vs informational bias: AUC ${r.auc} (claim uniqueness alone ${r.aucUniqueness})`,
    `  best threshold ${r.best.threshold}: P ${r.best.precision} R ${r.best.recall} F1 ${r.best.f1}`,
    `  fixed threshold ${r.fixed.threshold}: P ${r.fixed.precision} R ${r.fixed.recall} F1 ${r.fixed.f1}`,
    `  (published supervised F1: RoBERTa ${PUBLISHED_BASIL_F1.roberta}, EvCIM ${PUBLISHED_BASIL_F1.evCIM})`,
    `entity framing vs annotated polarity: sign agreement ${r.framing.agreement}% on ${r.framing.compared} outlet-entity pairs (coverage ${r.framing.coverage}%)`,
    '',
  ].join('\n');
}
