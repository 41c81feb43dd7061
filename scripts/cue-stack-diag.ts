/**
 * Experiment (issue 17, sixth session): exact cue spans on a PolNeAR file, first pass alone against
 * first pass + second pass, at several second-pass decoding biases.
 *   npx tsx scripts/cue-stack-diag.ts COMBINED.json [held.jsonl]   (COMBINED from scripts/train-cue-stack.ts --combined)
 */
import { readFileSync } from 'node:fs';
import { segment } from '../src/03-segment/index.js';
import { featureContext, rateIds, cueFeatures } from '../src/05-cues/detect-features.js';
import { attributionModelFromJson } from '../src/05-cues/detect-model.js';
import { firstPass, secondPass, stackRows, scaledOffsets } from '../src/05-cues/detect-stack-passes.js';
import { RowBuilder, decode } from '../src/05-cues/detect-perceptron.js';
import { goldTokens } from '../src/06-attributions/train.js';
import { polnearArticle, readPolnear } from '../src/eval/polnear-read.js';
import { deserializeTagger } from '../src/05-cues/detect-perceptron-io.js';
const raw = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const model0 = attributionModelFromJson(raw);
const model = { ...model0, cueStack: { tagger: deserializeTagger(raw.cueStack.tagger), scale: raw.cueStack.scale } };
const stack = model.cueStack.tagger;
const spans = (labels: ArrayLike<number>, first: number, end: number, out: Set<string>): void => {
  let open = -1;
  for (let i = first; i <= end; i++) {
    const l = i < end ? (labels[i - first] ?? 0) : 0;
    if (open >= 0 && l !== 2) { out.add(`${open}:${i}`); open = -1; }
    if (l === 1) open = i;
  }
};
const biases = [0, 2, 4, 6, 9, 12];
const t = { gold: 0, one: 0, two: 0, oneTp: 0, twoTp: 0 };
const tb = biases.map(() => ({ p: 0, tp: 0 }));
for await (const r of readPolnear(process.argv[3] ?? '/tmp/cues3/held.jsonl')) {
  const seg = segment(polnearArticle(r)); const ctx = featureContext(seg); const rate = rateIds(seg, model.cueRates);
  const g = goldTokens(seg, r);
  const row = new RowBuilder(17); const srow = new RowBuilder(stack.model.bits);
  const res = firstPass(ctx, rate, model.cue, (_, a, b) => { row.reset(); for (let i = a; i < b; i++) { cueFeatures(ctx, rate, i, a, b, row); row.next(); } return row.view(); });
  const gold = new Set<string>(), one = new Set<string>(), two = new Set<string>();
  seg.sentences.forEach((s) => spans(g.cueMarks.subarray(s.firstToken, s.endToken), s.firstToken, s.endToken, gold));
  res.read.forEach((si, k) => { const s = seg.sentences[si]!; spans(res.paths[k]!, s.firstToken, s.endToken, one); spans(secondPass(ctx, res, rate, stack, model.cueStack!.scale, s.firstToken, s.endToken, srow), s.firstToken, s.endToken, two); });
  t.gold += gold.size; t.one += one.size; t.two += two.size;
  biases.forEach((b, bi) => { const set = new Set<string>(); res.read.forEach((si) => { const s = seg.sentences[si]!; const rows = stackRows(ctx, res, rate, s.firstToken, s.endToken, srow); spans(decode(stack, rows, [0, b, 0], scaledOffsets(res.emissions, s.firstToken, s.endToken, model.cueStack!.scale)), s.firstToken, s.endToken, set); }); tb[bi]!.p += set.size; for (const x of set) if (gold.has(x)) tb[bi]!.tp++; });
  for (const x of one) if (gold.has(x)) t.oneTp++;
  for (const x of two) if (gold.has(x)) t.twoTp++;
}
const f = (tp: number, p: number): string => `P ${(100 * tp / p).toFixed(1)} R ${(100 * tp / t.gold).toFixed(1)} F1 ${(200 * tp / (p + t.gold)).toFixed(1)}`;
biases.forEach((b, bi) => console.log(`bias ${b}: ${f(tb[bi]!.tp, tb[bi]!.p)}`));
console.log(`held: first ${f(t.oneTp, t.one)}; stack ${f(t.twoTp, t.two)}`);
