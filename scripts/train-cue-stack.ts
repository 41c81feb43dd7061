/**
 * Train the cue tagger's second pass (src/05-cues/detect-stack.ts) on PolNeAR train, on top of
 * the first-pass cue tagger of an attribution model, and write models/cue-stack.json.
 * Deterministic: same data and model, same bytes. Retrain it whenever the attribution model's cue
 * tagger changes (the loader refuses a second pass trained on another first pass).
 *
 *   npm run train:cue-stack [-- --file ../shared/corpora/polnear/train.jsonl] [--model models/attribution-tagger.json]
 *     [--folds 4] [--epochs 8] [--stack-epochs 8] [--seeds 3] [--min-count 10] [--out models/cue-stack.json]
 *     [--combined out.json]   (also write the attribution model with the second pass inside, for eval-polnear --model)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { segment } from '../src/03-segment/index.js';
import { cueFeatures, featureContext, rateIds } from '../src/05-cues/detect-features.js';
import type { SerializedAttributionModel } from '../src/05-cues/detect-model.js';
import { RowBuilder, type TrainingSequence } from '../src/05-cues/detect-perceptron.js';
import { serializeTagger } from '../src/05-cues/detect-perceptron-io.js';
import { taggerFingerprint, type SerializedCueStack } from '../src/05-cues/detect-stack.js';
import { averageTaggers } from '../src/05-cues/detect-perceptron-train.js';
import { jackknifeFirstPass, trainCueStack, type StackArticle } from '../src/05-cues/detect-stack-train.js';
import { CUE_LABELS, goldTokens, RateCounts } from '../src/06-attributions/train.js';
import { polnearArticle, readPolnear } from '../src/eval/polnear-read.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    file: { type: 'string', default: resolve(root, '../shared/corpora/polnear/train.jsonl') },
    model: { type: 'string', default: resolve(root, 'models/attribution-tagger.json') },
    folds: { type: 'string', default: '4' },
    epochs: { type: 'string', default: '8' },
    'stack-epochs': { type: 'string', default: '8' },
    seeds: { type: 'string', default: '3' },
    scale: { type: 'string', default: '1' },
    'min-count': { type: 'string', default: '10' },
    out: { type: 'string', default: resolve(root, 'models/cue-stack.json') },
    combined: { type: 'string' },
  },
});
const started = Date.now();
const log = (m: string): void => console.error(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);
const base = JSON.parse(readFileSync(values.model, 'utf8')) as SerializedAttributionModel;
const bits = 17;
const minCount = Number(values['min-count']);

// The articles as the attribution training reads them, with its cue rates per parity fold (a
// lemma's rate never counts the article it is read in).
const read: { seg: ReturnType<typeof segment>; cueMarks: Uint8Array }[] = [];
const counts = [new RateCounts(), new RateCounts()];
for await (const record of readPolnear(values.file)) {
  const seg = segment(polnearArticle(record));
  const { cueMarks } = goldTokens(seg, record);
  counts[read.length % 2]?.add(seg, cueMarks);
  read.push({ seg, cueMarks });
}
const [even = new RateCounts(), odd = new RateCounts()] = counts;
const foldRates = [new Map(odd.rates()), new Map(even.rates())];
const row = new RowBuilder(bits);
const articles: StackArticle[] = read.map(({ seg, cueMarks }, a) => {
  const ctx = featureContext(seg);
  const rate = rateIds(seg, foldRates[a % 2] ?? new Map());
  const sentences: TrainingSequence[] = seg.sentences.map((s) => {
    row.reset();
    for (let i = s.firstToken; i < s.endToken; i++) { cueFeatures(ctx, rate, i, s.firstToken, s.endToken, row); row.next(); }
    return { rows: row.build(), labels: cueMarks.slice(s.firstToken, s.endToken) };
  });
  return { ctx, rate, cueMarks, sentences };
});
log(`read ${articles.length} articles`);
const options = {
  labels: CUE_LABELS,
  folds: Number(values.folds),
  epochs: Number(values.epochs),
  stackEpochs: Number(values['stack-epochs']),
  seeds: Number(values.seeds),
  scale: Number(values.scale),
  minCount,
  bits,
  log,
};
// OOFRATES: tag each held-out fold with cue rates counted on the other folds (as held-out text
// is tagged with rates counted on all of train), not the parity rates of training.
const foldCounts = Array.from({ length: options.folds }, () => new RateCounts());
read.forEach(({ seg, cueMarks }, a) => foldCounts[a % options.folds]?.add(seg, cueMarks));
const ratesOf = new Map<number, Map<string, string>>();
const heldCache = new Map<number, StackArticle>();
const heldOut = process.env['OOFRATES'] ? (index: number, fold: number): StackArticle => {
  const cachedArticle = heldCache.get(index);
  if (cachedArticle) return cachedArticle;
  let rates = ratesOf.get(fold);
  if (!rates) {
    rates = new Map(foldCounts.filter((_, f) => f !== fold).reduce((x, y) => RateCounts.merge(x, y), new RateCounts()).rates());
    ratesOf.set(fold, rates);
  }
  const { seg, cueMarks } = read[index] as { seg: ReturnType<typeof segment>; cueMarks: Uint8Array };
  const ctx = featureContext(seg);
  const rate = rateIds(seg, rates);
  const sentences = seg.sentences.map((s) => {
    row.reset();
    for (let i = s.firstToken; i < s.endToken; i++) { cueFeatures(ctx, rate, i, s.firstToken, s.endToken, row); row.next(); }
    return { rows: row.build(), labels: cueMarks.slice(s.firstToken, s.endToken) };
  });
  const made = { ctx, rate, cueMarks, sentences };
  heldCache.set(index, made);
  return made;
} : undefined;
const { passes, taggers } = jackknifeFirstPass(articles, options, heldOut);
if (heldOut) passes.forEach((_, index) => { const h = heldOut(index, index % options.folds); (articles as StackArticle[])[index] = h; });
const foldAverage = serializeTagger(averageTaggers(taggers));
const tagger = trainCueStack(articles, passes, options);
const stack: SerializedCueStack = {
  version: 1,
  trainedOn: `PolNeAR v1.0 train, primary annotations, ${articles.length} articles; jackknifed first pass (${options.folds} folds, ${options.epochs} epochs), ${options.stackEpochs} epochs x ${options.seeds} seeds averaged, buckets seen >= ${minCount} times`,
  firstPass: taggerFingerprint(process.env['FOLDAVG'] ? foldAverage : base.cue),
  tagger: serializeTagger(tagger),
  scale: options.scale,
};
const json = JSON.stringify(stack);
writeFileSync(values.out, json);
log(`wrote ${values.out} (${(json.length / 1e3).toFixed(0)} KB)`);
if (values.combined) {
  const cue = process.env['FOLDAVG'] ? foldAverage : base.cue;
  writeFileSync(values.combined, JSON.stringify({ ...base, cue, cueStack: stack }));
  writeFileSync(values.combined.replace(/\.json$/, '.first.json'), JSON.stringify({ ...base, cue }));
}

// What the second pass changes on the training articles (in-sample for the second pass,
// out-of-fold for the first): exact cue spans, first pass alone against both passes.
{
  const { secondPass } = await import('../src/05-cues/detect-stack-passes.js');
  const { deserializeTagger } = await import('../src/05-cues/detect-perceptron-io.js');
  const stackTagger = deserializeTagger(stack.tagger);
  const spans = (labels: ArrayLike<number>, first: number, end: number, out: Set<string>): void => {
    let open = -1;
    for (let i = first; i <= end; i++) {
      const l = i < end ? (labels[i - first] ?? 0) : 0;
      if (open >= 0 && l !== 2) { out.add(`${open}:${i}`); open = -1; }
      if (l === 1) open = i;
    }
  };
  const tally = { gold: 0, one: 0, two: 0, oneTp: 0, twoTp: 0 };
  const srow = new RowBuilder(stackTagger.model.bits);
  articles.forEach((a, index) => {
    const pass = passes[index];
    if (!pass) return;
    const gold = new Set<string>();
    const one = new Set<string>();
    const two = new Set<string>();
    a.ctx.segmented.sentences.forEach((s) => spans(a.cueMarks.subarray(s.firstToken, s.endToken), s.firstToken, s.endToken, gold));
    pass.read.forEach((si, k) => {
      const s = a.ctx.segmented.sentences[si];
      if (!s) return;
      spans(pass.paths[k] ?? [], s.firstToken, s.endToken, one);
      spans(secondPass(a.ctx, pass, a.rate, stackTagger, options.scale, s.firstToken, s.endToken, srow), s.firstToken, s.endToken, two);
    });
    tally.gold += gold.size; tally.one += one.size; tally.two += two.size;
    for (const x of one) if (gold.has(x)) tally.oneTp++;
    for (const x of two) if (gold.has(x)) tally.twoTp++;
  });
  const f = (tp: number, p: number): string => `P ${(100 * tp / p).toFixed(1)} R ${(100 * tp / tally.gold).toFixed(1)} F1 ${(200 * tp / (p + tally.gold)).toFixed(1)}`;
  log(`training articles, exact cue spans: first pass (out of fold) ${f(tally.oneTp, tally.one)}; with the second pass ${f(tally.twoTp, tally.two)}`);
}
