/**
 * What the narrative error scripts share (`narrative-errors.ts`, `conflict-errors.ts`,
 * `train-narrative-pairs.ts`): the gold label of a tool claim, and one run of compare's pipeline
 * per gold event (the same pipeline and scorer `eval narratives` runs).
 */
import { buildReport } from '../src/08-report/index.js';
import { buildNarratives, claimRelations, mergeActors } from '../src/07-narratives/index.js';
import { analyze } from '../src/pipeline/analyze.js';
import { checkGold, goldName, loadGoldDir, type GoldFile } from '../src/eval/narratives/gold-load.js';
import { GoldArticleSource } from '../src/eval/narratives/gold-sources.js';
import { aligns, overlap } from '../src/eval/narratives/metrics.js';
import type { GoldEvent } from '../src/eval/narratives/gold-schema.js';
import type { DivergenceReport } from '../src/08-report/index.js';
import type { AnalyzedArticle, NarrativeAnalysis } from '../src/types/index.js';
import type { NarrativeTrace } from '../src/07-narratives/build.js';

/** The gold label of a tool claim by most overlap: the narrative (`n3`), its disputes (`¬n3`), `#bg`, or null. */
export function goldLabelOf(gold: GoldEvent, claim: { articleId: string; start: number; end: number }): string | null {
  let best: { label: string; shared: number } | null = null;
  const consider = (span: { article: string; start: number; end: number }, label: string): void => {
    const g = { articleId: span.article, start: span.start, end: span.end };
    if (!aligns(claim, g)) return;
    const shared = overlap(claim, g);
    if (!best || shared > best.shared) best = { label, shared };
  };
  for (const q of gold.questions) for (const n of q.narratives) {
    for (const s of n.claims) consider(s, n.id);
    for (const s of n.disputes) consider(s, `¬${n.id}`);
  }
  for (const s of gold.background) consider(s, '#bg');
  return (best as { label: string } | null)?.label ?? null;
}

/** One gold event run through the pipeline: its analysed articles, report and narratives. */
export interface GoldRun {
  readonly file: GoldFile;
  readonly gold: GoldEvent;
  readonly analysed: AnalyzedArticle[];
  readonly report: DivergenceReport;
  readonly analysis: NarrativeAnalysis;
  /** The sides before and after the stray step and why each is (not) a narrative. */
  readonly trace: NarrativeTrace;
}

/** Run every gold event of `dir` (or the one named `only`) whose spans check against the texts. */
export async function* goldRuns(dir: string, only?: string): AsyncGenerator<GoldRun> {
  const files = (await loadGoldDir(dir)).filter((f) => !only || f.gold.event === only || goldName(f.file) === only);
  const source = new GoldArticleSource({});
  const relations = claimRelations();
  for (const file of files) {
    const gold = file.gold;
    const articles = await source.articlesOf(gold);
    if (checkGold(file, articles).length > 0) continue;
    const analysed: AnalyzedArticle[] = [];
    for await (const r of analyze(articles)) analysed.push(r);
    let analysis: NarrativeAnalysis | undefined;
    let trace: NarrativeTrace | undefined;
    const report = buildReport(analysed, {
      eventOf: () => gold.event, now: new Date(0), relations,
      narrativesOf: (event, live) => (analysis = buildNarratives(live, mergeActors(live), event, { relations, trace: (t) => { trace = t; } })),
    });
    if (analysis && trace) yield { file, gold, analysed, report, analysis, trace };
  }
}
