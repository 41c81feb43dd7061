/**
 * Train the cue-edge model (src/05-cues/cue-edges.ts: where a found cue ends) on PolNeAR train,
 * from the spans a jackknifed cue tagger finds, and write models/cue-edges.json. Deterministic:
 * same data, same bytes. It does not read the attribution model: the jackknife trains its own
 * fold taggers with the attribution training's settings.
 *
 *   npm run train:cue-edges [-- --file ../shared/corpora/polnear/train.jsonl] [--folds 4] [--epochs 8]
 *     [--edge-epochs 10] [--min-count 10] [--out models/cue-edges.json]
 *     [--model models/attribution-tagger.json --combined out.json]   (also write that model with the edge model inside, for eval-polnear --model)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { segment } from '../src/03-segment/index.js';
import { cueFeatures, featureContext, rateIds } from '../src/05-cues/detect-features.js';
import type { SerializedAttributionModel } from '../src/05-cues/detect-model.js';
import { RowBuilder, TAGGER_BITS, type TrainingSequence } from '../src/05-cues/detect-perceptron.js';
import type { SerializedCueEdges } from '../src/05-cues/cue-edges.js';
import { edgeExamples, trainCueEdges } from '../src/05-cues/cue-edges-train.js';
import { jackknifeTagging, type JackknifeArticle } from '../src/05-cues/detect-jackknife.js';
import { CUE_LABELS, goldTokens, RateCounts } from '../src/06-attributions/train.js';
import { polnearArticle, readPolnear } from '../src/eval/polnear-read.js';
import { encodeModelBase64 } from '../src/learn/index.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    file: { type: 'string', default: resolve(root, '../shared/corpora/polnear/train.jsonl') },
    folds: { type: 'string', default: '4' },
    epochs: { type: 'string', default: '8' },
    'edge-epochs': { type: 'string', default: '10' },
    'min-count': { type: 'string', default: '10' },
    out: { type: 'string', default: resolve(root, 'models/cue-edges.json') },
    model: { type: 'string' },
    combined: { type: 'string' },
  },
});
const started = Date.now();
const log = (m: string): void => console.error(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);
const bits = TAGGER_BITS;

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
const articles: JackknifeArticle[] = read.map(({ seg, cueMarks }, a) => {
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
const folds = Number(values.folds);
const epochs = Number(values.epochs);
const tagged = jackknifeTagging(articles, { labels: CUE_LABELS, folds, epochs, minCount: Number(values['min-count']), bits, log });
const examples = articles.flatMap((a, i) => (tagged[i] ? edgeExamples(a, tagged[i]) : []));
const moved = examples.filter((x) => x.gold !== 0).length;
log(`${examples.length} found cues with other candidate edges, ${moved} of them end elsewhere in gold`);
const edgeEpochs = Number(values['edge-epochs']);
const model = trainCueEdges(examples, { epochs: edgeEpochs });
const edges: SerializedCueEdges = {
  version: 1,
  trainedOn: `PolNeAR v1.0 train, primary annotations, ${articles.length} articles; spans of a jackknifed cue tagger (${folds} folds, ${epochs} epochs), ranking perceptron ${edgeEpochs} epochs over ${examples.length} found cues`,
  model: encodeModelBase64(model),
};
writeFileSync(values.out, JSON.stringify(edges));
log(`wrote ${values.out}`);
if (values.model && values.combined) {
  const base = JSON.parse(readFileSync(values.model, 'utf8')) as SerializedAttributionModel;
  writeFileSync(values.combined, JSON.stringify({ ...base, cueEdges: edges }));
}
