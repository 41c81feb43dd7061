/**
 * Can any claim-pair reading the narratives stage has tell a rival answer from a claim about
 * something else? (dev only.) Over every pair of extracted claims that gold puts in two different
 * narratives of one event (told claims only, two different speakers), the pairs across a gold
 * conflict are the positives; the script prints the AUC of the pair model's `rival` probability,
 * the claim-relation model's `disagree - agree`, the TF-IDF cosine, opposite AFINN verdicts and
 * opposite clause polarity. The pair model is the
 * shipped one, trained on 16 of these events, so its figure is in-sample and flatters it.
 *
 *   npx tsx scripts/conflict-claim-signals.ts [data/gold/narratives/dev]
 */
import { loadEmbeddings } from '../src/adapters/embeddings.js';
import { claimRelations, cosine, loadPairModel, pairContext, pairFeatures, pairRelation, scorePair, vectorize } from '../src/07-narratives/index.js';
import { sameVerdict, valenceOf } from '../src/07-narratives/valence.js';
import { goldLabelOf, goldRuns } from './gold-runs.js';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'data/gold/narratives/dev';
if (/final/.test(dir)) throw new Error('conflict-claim-signals: never tune on the held-back final half');
const relations = claimRelations();
const model = loadPairModel();
type Reading = 'rival' | 'relation' | 'cosine' | 'verdicts' | 'polarity';
const pairs: ({ readonly conflict: boolean } & Record<Reading, number>)[] = [];
for await (const { gold, trace } of goldRuns(dir)) {
  const { features, claims } = trace;
  const labels = claims.map((c) => goldLabelOf(gold, c));
  const conflict = new Set(gold.conflicts.flatMap((c) => [`${c.a}|${c.b}`, `${c.b}|${c.a}`]));
  const vectors = vectorize(features);
  const ctx = pairContext(features, loadEmbeddings(), relations);
  for (let i = 0; i < claims.length; i++) for (let j = i + 1; j < claims.length; j++) {
    const a = labels[i]; const b = labels[j];
    // Told claims of two different gold narratives, said by two different speakers.
    if (!a || !b || a.startsWith('¬') || b.startsWith('¬') || a === '#bg' || b === '#bg' || a === b) continue;
    const x = claims[i]; const y = claims[j]; const fx = features[i]; const fy = features[j]; const vx = vectors[i]; const vy = vectors[j];
    if (!x || !y || !fx || !fy || !vx || !vy || (x.actorId && x.actorId === y.actorId)) continue;
    const relation = pairRelation(relations, fx.sentence ?? x.text, fy.sentence ?? y.text);
    pairs.push({
      conflict: conflict.has(`${a}|${b}`),
      rival: scorePair(model, pairFeatures(ctx, i, j).vector).rival,
      relation: relation.disagree - relation.agree,
      cosine: cosine(vx, vy),
      // Opposite verdicts (one praises, one condemns) and opposite polarity, as 1/0.
      verdicts: sameVerdict(valenceOf(x.text), valenceOf(y.text)) < 0 ? 1 : 0,
      polarity: fx.polarity !== fy.polarity ? 1 : 0,
    });
  }
}
/** AUC of one reading: the chance a pair across a conflict scores above one that is not (ties half). */
const auc = (k: Reading): number => {
  const pos = pairs.filter((p) => p.conflict).map((p) => p[k]);
  const neg = pairs.filter((p) => !p.conflict).map((p) => p[k]);
  let sum = 0;
  for (const p of pos) for (const q of neg) sum += p > q ? 1 : p === q ? 0.5 : 0;
  return sum / Math.max(1, pos.length * neg.length);
};
console.log(`${pairs.length} claim pairs of two gold narratives, ${pairs.filter((p) => p.conflict).length} across a gold conflict`);
console.log(`AUC: pair model rival ${auc('rival').toFixed(3)} (in-sample), relation disagree - agree ${auc('relation').toFixed(3)}, TF-IDF cosine ${auc('cosine').toFixed(3)}, opposite verdicts ${auc('verdicts').toFixed(3)}, opposite polarity ${auc('polarity').toFixed(3)}`);
