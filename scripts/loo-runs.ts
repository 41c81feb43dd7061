/**
 * The gold runs behind the leave-one-event-out figures: like `goldRuns` (scripts/gold-runs.ts),
 * but each event's narratives are built with a pair model trained on the other events of the
 * folder only (as `npm run train:narratives` scores them), so an error script lists the very
 * conflicts, omissions and backers its figures count. Every event of the folder is analysed first
 * (the models need all events' pairs). Never run on the held-back final half.
 */
import { buildReport } from '../src/08-report/index.js';
import { buildNarratives, claimRelations, mergeActors, type NarrativeOptions, type NarrativeTrace, type PairModel } from '../src/07-narratives/index.js';
import { checkGold, goldName, loadGoldDir } from '../src/eval/narratives/gold-load.js';
import { GoldArticleSource } from '../src/eval/narratives/gold-sources.js';
import { analyze } from '../src/pipeline/analyze.js';
import type { AnalyzedArticle, NarrativeAnalysis } from '../src/types/index.js';
import type { GoldRun } from './gold-runs.js';
import { pairRows, trainPairModel, type PairRows } from './loo-pair-models.js';

/** A gold run with the pair model it was built with (trained without its event). */
export interface LooRun extends GoldRun { readonly pairModel: PairModel }

/**
 * Every gold event of `dir` (or the one named `only`), each built with the other events' pair
 * model; `options` are merged into the narrative options (to list what a knob changes, as
 * `train:narratives -- --opt JSON` measures it).
 */
export async function* looRuns(dir: string, only?: string, options: NarrativeOptions = {}): AsyncGenerator<LooRun> {
  if (/final/.test(dir)) throw new Error('looRuns: never tune on the held-back final half');
  const files = await loadGoldDir(dir);
  const source = new GoldArticleSource({});
  const relations = claimRelations();
  const loaded: { file: (typeof files)[number]; analysed: AnalyzedArticle[]; rows: PairRows }[] = [];
  for (const file of files) {
    const articles = await source.articlesOf(file.gold);
    if (checkGold(file, articles).length > 0) continue;
    const analysed: AnalyzedArticle[] = [];
    for await (const r of analyze(articles)) analysed.push(r);
    loaded.push({ file, analysed, rows: pairRows(file.gold, analysed, relations) });
  }
  for (const held of loaded) {
    const { file, analysed } = held;
    const gold = file.gold;
    if (only && gold.event !== only && goldName(file.file) !== only) continue;
    const pairModel = trainPairModel(loaded.filter((e) => e !== held).map((e) => e.rows));
    let analysis: NarrativeAnalysis | undefined;
    let trace: NarrativeTrace | undefined;
    const report = buildReport(analysed, {
      eventOf: () => gold.event, now: new Date(0), relations, pairModel, ...options,
      narrativesOf: (event, live) => (analysis = buildNarratives(live, mergeActors(live), event, { ...options, relations, pairModel, trace: (t) => { trace = t; } })),
    });
    if (analysis && trace) yield { file, gold, analysed, report, analysis, trace, pairModel };
  }
}
