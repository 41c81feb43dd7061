/**
 * Experiment (issue 17, sixth session): what the cue-edge model changes on a PolNeAR file (fixed,
 * broken, wrong to wrong) for spans that start where a gold cue starts. SHOW=1 lists them.
 *   npx tsx scripts/cue-edges-diag.ts COMBINED.json [held.jsonl]   (COMBINED from scripts/train-cue-edges.ts --combined)
 */
import { readFileSync } from 'node:fs';
import { segment } from '../src/03-segment/index.js';
import { featureContext, rateIds, cueFeatures } from '../src/05-cues/detect-features.js';
import { attributionModelFromJson } from '../src/05-cues/detect-model.js';
import { tagArticle, pathSpans } from '../src/05-cues/detect-passes.js';
import { bestEdge, edgeCandidates, EDGE_BITS } from '../src/05-cues/cue-edges.js';
import { RowBuilder } from '../src/05-cues/detect-perceptron.js';
import { goldTokens } from '../src/06-attributions/train.js';
import { polnearArticle, readPolnear } from '../src/eval/polnear-read.js';
const model = attributionModelFromJson(JSON.parse(readFileSync(process.argv[2]!, 'utf8')));
const edges = model.cueEdges!;
const t = { spans: 0, goldStart: 0, keepRight: 0, reachable: 0, fixed: 0, broke: 0, wrongToWrong: 0, changed: 0 };
const show = process.env['SHOW'];
for await (const r of readPolnear(process.argv[3] ?? '/tmp/cues3/held.jsonl')) {
  const seg = segment(polnearArticle(r)); const ctx = featureContext(seg); const rate = rateIds(seg, model.cueRates);
  const g = goldTokens(seg, r);
  const row = new RowBuilder(17); const erow = new RowBuilder(EDGE_BITS);
  const tagged = tagArticle(ctx, rate, model.cue, (_, a, b) => { row.reset(); for (let i = a; i < b; i++) { cueFeatures(ctx, rate, i, a, b, row); row.next(); } return row.view(); });
  tagged.read.forEach((si, k) => {
    const s = seg.sentences[si]!;
    const spans = pathSpans(tagged.paths[k]!, s.firstToken);
    spans.forEach(([a, b], j) => {
      t.spans++;
      const limit = spans[j + 1]?.[0] ?? s.endToken;
      const e = bestEdge(edges, ctx, a, b, limit, s.endToken, erow);
      if (e !== b) t.changed++;
      if (g.cueMarks[a] !== 1) return;
      t.goldStart++;
      let ge = a + 1; while (ge < s.endToken && g.cueMarks[ge] === 2) ge++;
      if (ge === b) t.keepRight++;
      if (edgeCandidates(seg.tokens, a, b, limit).includes(ge)) t.reachable++;
      if (e === ge && b !== ge) t.fixed++;
      if (b === ge && e !== ge) t.broke++;
      if (b !== ge && e !== b && e !== ge) t.wrongToWrong++;
      if (show && e !== b) console.log(`${e === ge ? 'FIX' : b === ge ? 'BRK' : 'W2W'} tagger[${r.text.slice(seg.tokens[a]!.start, seg.tokens[b - 1]!.end)}] edge[${r.text.slice(seg.tokens[a]!.start, seg.tokens[e - 1]!.end)}] gold[${r.text.slice(seg.tokens[a]!.start, seg.tokens[ge - 1]!.end)}]`);
    });
  });
}
console.log(JSON.stringify(t));
