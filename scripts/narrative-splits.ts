/**
 * Why one gold narrative comes out as several tool narratives (B-cubed recall), on a gold folder
 * (dev only: never run it on the held-back final half while tuning):
 *
 *   npx tsx scripts/narrative-splits.ts data/gold/narratives/dev [--list] [--only EVENT]
 *
 * For every pair of reported narratives that the scorer maps to gold narratives, one row: whether
 * both map to the same gold narrative (a split) or to two (kept apart rightly), and what a
 * narrative-level join could read: the mean, strongest and share of positive graph edges between
 * their telling claims (average linkage), the cosine of their centred sentence-vector centroids,
 * the TF-IDF cosine of their summed words, whether both condemn, whether they answer two specific
 * questions, share a speaker or outlet, and what opposes them (a contradiction between their
 * claims, a conflict, speakers contradicting each other elsewhere). Counts per reason are printed;
 * `SPLIT_TSV=1` writes every row to stderr, to try a join rule offline before writing it; `--list`
 * prints each split with a claim of each side.
 */
import { scoreEvent } from '../src/eval/narratives/score.js';
import { loadEmbeddings, cosine as vectorCosine } from '../src/adapters/embeddings.js';
import { claimVectors, cosine, vectorize } from '../src/07-narratives/similarity.js';
import { readSide } from '../src/07-narratives/fragments.js';
import { valenceOf } from '../src/07-narratives/valence.js';
import { goldRuns } from './gold-runs.js';
import { CategoryCounts, errorArgs, short } from './error-listing.js';

const { dir, list, only } = errorArgs('narrative-splits');
const counter = new CategoryCounts();
const embeddings = loadEmbeddings();
const tsv = !!process.env['SPLIT_TSV'];
if (tsv) console.error(['TSV', 'event', 'a', 'b', 'same', 'sizeA', 'sizeB', 'meanEdge', 'maxEdge', 'posShare', 'centroid', 'words', 'condemnA', 'condemnB', 'twoQuestions', 'sharedSpeaker', 'sharedOutlet', 'contradiction', 'conflict', 'opposedSpeakers'].join('\t'));

for await (const { gold, report, analysis, trace } of goldRuns(dir, only)) {
  const { mapping } = scoreEvent(gold, report).details;
  const { sides, kept, features, claims } = trace;
  const keptSides = sides.map((_, s) => s).filter((s) => kept[s]);
  // Narrative ids are given to kept sides in order (build.ts).
  const idOf = new Map(keptSides.map((s, k) => [s, analysis.narratives[k]?.id ?? '']));
  if (analysis.narratives.length !== keptSides.length) throw new Error(`${gold.event}: ${analysis.narratives.length} narratives, ${keptSides.length} kept sides`);
  const tfidf = vectorize(features);
  const valences = claims.map((c) => valenceOf(c.text));
  const readings = new Map(keptSides.map((s) => [s, readSide(sides[s]?.telling ?? [], features, valences, tfidf)]));
  const vectors = embeddings ? claimVectors(features.map((f) => f.claim.text), embeddings) : [];
  const centroid = (telling: readonly number[]): Float32Array => {
    const c = new Float32Array(embeddings?.dim ?? 0);
    for (const i of telling) { const v = vectors[i]; if (v) for (let d = 0; d < c.length; d++) c[d] = (c[d] ?? 0) + (v[d] ?? 0); }
    return c;
  };
  const opponents = new Set<string>();
  for (const key of trace.contradictions.keys()) {
    const [i = 0, j = 0] = key.split(',').map(Number);
    const x = features[i]?.claim.actorId; const y = features[j]?.claim.actorId;
    if (x && y && x !== y) { opponents.add(`${x}|${y}`); opponents.add(`${y}|${x}`); }
  }
  const conflictPairs = new Set(analysis.conflicts.map((c) => [c.a, c.b].sort().join('|')));
  for (let x = 0; x < keptSides.length; x++) for (let y = x + 1; y < keptSides.length; y++) {
    const s = keptSides[x] as number; const t = keptSides[y] as number;
    const ga = mapping[idOf.get(s) ?? ''] ?? 'none'; const gb = mapping[idOf.get(t) ?? ''] ?? 'none';
    if (!/^n\d+$/.test(ga) || !/^n\d+$/.test(gb)) continue;
    const same = ga === gb;
    const A = sides[s]?.telling ?? []; const B = sides[t]?.telling ?? [];
    const ws = A.flatMap((i) => B.map((j) => trace.weight(i, j)));
    const mean = ws.reduce((a, b) => a + b, 0) / (ws.length || 1);
    const max = Math.max(...ws);
    const pos = ws.filter((w) => w > 0).length / (ws.length || 1);
    const ra = readings.get(s); const rb = readings.get(t);
    const cen = embeddings ? vectorCosine(centroid(A), centroid(B)) : 0;
    const words = ra && rb ? cosine(ra.words, rb.words) : 0;
    const twoQuestions = !!ra && !!rb && new Set([...ra.questions, ...rb.questions]).size > 1;
    const sharedSpeaker = !!ra && !!rb && [...ra.speakers].some((p) => rb.speakers.has(p));
    const outletsA = new Set(A.map((i) => claims[i]?.outlet)); const sharedOutlet = B.some((j) => outletsA.has(claims[j]?.outlet));
    const contradiction = [...A, ...(sides[s]?.disputing ?? [])].some((i) => [...B, ...(sides[t]?.disputing ?? [])].some((j) => trace.contradictions.has(`${Math.min(i, j)},${Math.max(i, j)}`)));
    const conflict = conflictPairs.has([idOf.get(s), idOf.get(t)].sort().join('|'));
    const opposedSpeakers = !!ra && !!rb && [...ra.speakers].some((p) => [...rb.speakers].some((q) => opponents.has(`${p}|${q}`)));
    const why = conflict ? 'conflict' : contradiction ? 'contradiction' : opposedSpeakers ? 'opposed speakers' : twoQuestions ? 'two questions'
      : mean > -0.3 ? 'mean edge > -0.3' : cen >= 0.3 ? 'centroids meet' : words >= 0.15 ? 'words meet' : 'nothing joins';
    counter.count(same ? 'split (one gold narrative)' : 'apart (two gold narratives)', why);
    if (tsv) console.error(['TSV', gold.event.slice(0, 16), idOf.get(s), idOf.get(t), same ? 1 : 0, A.length, B.length, mean.toFixed(3), max.toFixed(3), pos.toFixed(3), cen.toFixed(3), words.toFixed(3),
      ra?.condemning.toFixed(2), rb?.condemning.toFixed(2), twoQuestions ? 1 : 0, sharedSpeaker ? 1 : 0, sharedOutlet ? 1 : 0, contradiction ? 1 : 0, conflict ? 1 : 0, opposedSpeakers ? 1 : 0].join('\t'));
    if (list && same) console.log(`  split ${gold.event.slice(0, 18)} ${ga}: ${why} (mean ${mean.toFixed(2)}, centroid ${cen.toFixed(2)}, words ${words.toFixed(2)})\n      "${short(claims[A[0] ?? -1]?.text ?? '', 70)}" | "${short(claims[B[0] ?? -1]?.text ?? '', 70)}"`);
  }
}
counter.print();
