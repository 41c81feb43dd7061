/**
 * PolNeAR evaluation: run segment -> cues -> attributions on each primary article of a PolNeAR
 * JSONL file and score the output against the gold relations (see polnear-score.ts).
 */
import { segment } from '../03-segment/index.js';
import { classifyCue } from '../05-cues/classify.js';
import { detectCues } from '../05-cues/detect.js';
import { featureContext } from '../05-cues/detect-features.js';
import { defaultAttributionModel, type AttributionModel } from '../05-cues/detect-model.js';
import { extractAttributions } from '../06-attributions/index.js';
import { polnearArticle, readPolnear } from './polnear-read.js';
import { goldRole, outermost, predictedRole, prf, ROLES, scoreExact, scoreLenient, scoreRelations, type Counts, type Prf, type Role } from './polnear-score.js';

/** Options of {@link evaluatePolnear}. */
export interface PolnearEvalOptions {
  /** A PolNeAR JSONL file, e.g. `../shared/corpora/polnear/dev.jsonl`. */
  readonly file: string;
  /** Score only the first N primary articles. */
  readonly limit?: number;
  /** The attribution model to evaluate. @default the model under `models/` */
  readonly model?: AttributionModel;
}

/** Scores per role. */
export type RoleScores = Readonly<Record<Role, Prf>>;

/** The result of {@link evaluatePolnear}. */
export interface PolnearEvalReport {
  readonly file: string;
  readonly articles: number;
  readonly tokens: number;
  readonly goldAttributions: number;
  /** Scored predictions: the outermost attributions (see {@link outermost}). */
  readonly predictedAttributions: number;
  /** Predicted attributions nested in another's content: in the output, not scored (PolNeAR has none). */
  readonly nestedAttributions: number;
  /** Exact cue scores counting the nested attributions' cues too (as false alarms when unannotated). */
  readonly cueWithNested: Prf;
  /** Exact span match per role. */
  readonly exact: RoleScores;
  /** Token-overlap match per role. */
  readonly lenient: RoleScores;
  /** Whole relations (cue, source and content overlap). */
  readonly relation: Prf;
  /** Wall-clock time spent in segment + cues + attributions, excluding reading the file. */
  readonly seconds: number;
  readonly articlesPerSecond: number;
  /** CPU time (user) of the same work: the fair figure on a machine shared with other jobs. */
  readonly cpuSeconds: number;
  readonly articlesPerCpuSecond: number;
}

/** A few reporting sentences written for the warm-up (no corpus text). */
const WARM_UP = [
  'Senator Jane Smith said that the bill would pass, according to two aides.',
  '“We will win this election,” she told reporters on Monday. “Nothing will stop us.”',
  'The company denied the report in a statement, insisting that its books were clean.',
  'Turnout rose sharply in Ohio this year.',
].join('\n\n').repeat(5);

const zero = (): Counts => ({ tp: 0, predicted: 0, gold: 0 });
const perRole = (): Record<Role, Counts> => ({ source: zero(), cue: zero(), content: zero() });

/**
 * Evaluate the attribution pipeline on a PolNeAR file (primary annotations only).
 *
 * @example
 * const report = await evaluatePolnear({ file: '../shared/corpora/polnear/dev.jsonl' });
 * console.log(formatPolnearReport(report));
 */
export async function evaluatePolnear(options: PolnearEvalOptions): Promise<PolnearEvalReport> {
  if (typeof options.file !== 'string' || options.file === '') throw new TypeError('narrascope: evaluatePolnear needs options.file, a PolNeAR JSONL path');
  const exact = perRole();
  const lenient = perRole();
  const relation = zero();
  let articles = 0;
  let tokens = 0;
  let predictedAttributions = 0;
  let goldAttributions = 0;
  let nested = 0;
  const cueWithNested = zero();
  let busy = 0;
  let cpu = 0;
  const read = options.limit === undefined ? {} : { limit: options.limit };
  // Load the model and wink, and let the JIT compile the hot loops, before timing: speed is per
  // article, not per process start.
  const model = options.model ?? defaultAttributionModel();
  for (let i = 0; i < 30; i++) {
    const warm = segment(polnearArticle({ article: 'warm-up', annotator: '', isPrimary: true, publisher: '', text: WARM_UP, attributions: [] }));
    const context = featureContext(warm);
    const cues = detectCues(warm, { model, context }).map((c, k) => classifyCue(warm, c, `c${k + 1}`));
    extractAttributions(warm, [], cues, { model, context });
  }
  for await (const record of readPolnear(options.file, read)) {
    const started = performance.now();
    const startedCpu = process.cpuUsage().user;
    const segmented = segment(polnearArticle(record));
    const context = featureContext(segmented);
    const cues = detectCues(segmented, { model, context }).map((c, i) => classifyCue(segmented, c, `c${i + 1}`));
    const all = extractAttributions(segmented, [], cues, { model, context }).attributions;
    busy += performance.now() - started;
    const { outer: attributions, nested: nestedHere } = outermost(all);
    nested += nestedHere;
    scoreExact(predictedRole(all, 'cue'), goldRole(record.attributions, 'cue'), cueWithNested);
    cpu += process.cpuUsage().user - startedCpu;
    articles++;
    tokens += segmented.tokens.length;
    predictedAttributions += attributions.length;
    goldAttributions += record.attributions.length;
    for (const role of ROLES) {
      const gold = goldRole(record.attributions, role);
      const pred = predictedRole(attributions, role);
      scoreExact(pred, gold, exact[role]);
      scoreLenient(pred, gold, lenient[role]);
    }
    scoreRelations(attributions, record.attributions, relation);
  }
  const seconds = busy / 1000;
  const scores = (c: Record<Role, Counts>): RoleScores => ({ source: prf(c.source), cue: prf(c.cue), content: prf(c.content) });
  return {
    file: options.file,
    articles,
    tokens,
    goldAttributions,
    predictedAttributions,
    nestedAttributions: nested,
    cueWithNested: prf(cueWithNested),
    exact: scores(exact),
    lenient: scores(lenient),
    relation: prf(relation),
    seconds,
    articlesPerSecond: seconds > 0 ? articles / seconds : 0,
    cpuSeconds: cpu / 1e6,
    articlesPerCpuSecond: cpu > 0 ? articles / (cpu / 1e6) : 0,
  };
}

export { formatPolnearReport, PUBLISHED_POLNEAR } from './polnear-format.js';
