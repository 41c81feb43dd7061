/**
 * Side-pair features for a learned or hand-set conflict rule (dev only): one TSV row per pair of
 * reported narratives of an event, labelled by what the pair maps to in gold (`CONFLICT` when the
 * two map to the two sides of a gold conflict, with the gold pair in `gold`). The columns are what
 * a rule could read at the level of two whole sides: their sizes, voices and outlets, the verdict
 * their claims pass (AFINN valence), the claim-relation model's and the pair model's readings
 * across their claims, the signed graph's edges, the question kinds they answer and their answers
 * (typed question, answer actors, numbers), opposite verdict words on a shared target, whether
 * one side talks about (or condemns) the other's leading speaker, whether a speaker disputing one
 * side tells the other. In-sample (the shipped pair model clusters the claims and scores `rival*`).
 * On stderr: each column's AUC alone, and the leave-one-event-out AUC of a logistic regression
 * (`src/learn`) on all of them, standardised. 2026-11-28, 23 dev events: 517 side pairs, 90 on a
 * gold conflict; no column above 0.575, the regression 0.41-0.43 (below chance: what separates
 * pairs in one event does not carry to another).
 *
 *   npx tsx scripts/conflict-features.ts data/gold/narratives/dev > /tmp/side-pairs.tsv
 */
import { loadEmbeddings } from '../src/adapters/embeddings.js';
import { claimRelations, contentStems, leadingVoices, loadPairModel, pairContext, pairFeatures, pairRelation, scorePair } from '../src/07-narratives/index.js';
import { valenceOf } from '../src/07-narratives/valence.js';
import { scoreEvent } from '../src/eval/narratives/score.js';
import { probabilities, RowBuilder, trainLogistic } from '../src/learn/index.js';
import { goldRuns } from './gold-runs.js';

// Opposite verdicts and positions, as stems: a pair of claims sharing a target and taking these.
const OPPOSITES: readonly (readonly [string, string])[] = ([
  ['legal', 'illegal'], ['legal', 'unconstitutional'], ['constitutional', 'unconstitutional'], ['lawful', 'unlawful'], ['proper', 'improper'], ['appropriate', 'inappropriate'],
  ['support', 'oppose'], ['for', 'against'], ['approve', 'reject'], ['right', 'wrong'], ['true', 'false'], ['fair', 'unfair'], ['win', 'lose'],
  ['increase', 'decrease'], ['rise', 'fall'], ['guilty', 'innocent'], ['safe', 'dangerous'], ['accept', 'reject'], ['good', 'bad'], ['help', 'hurt'], ['help', 'harm'],
  ['strong', 'weak'], ['success', 'failure'], ['resign', 'stay'], ['victory', 'defeat'], ['benefit', 'harm'], ['praise', 'condemn'], ['defend', 'condemn'], ['defend', 'criticize'],
] as const).map(([a, b]) => [contentStems(a)[0] ?? a, contentStems(b)[0] ?? b] as const);
const opposite = (x: readonly string[], y: readonly string[]): boolean => {
  const a = new Set(x); const b = new Set(y);
  return OPPOSITES.some(([p, q]) => (a.has(p) && b.has(q) && !a.has(q) && !b.has(p)) || (a.has(q) && b.has(p) && !a.has(p) && !b.has(q)));
};

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'data/gold/narratives/dev';
if (/final/.test(dir)) throw new Error('conflict-features: never tune on the held-back final half');
const relations = claimRelations();
const cols = ['event', 'a', 'b', 'label', 'gold', 'tool', 'minSize', 'maxSize', 'minRank', 'maxRank', 'minOutlets', 'minVoices', 'condA', 'condB', 'condMin', 'condMax', 'praiseMax', 'oppVerdict',
  'relDisMax', 'relDisMean', 'relAgrMean', 'relNetMax', 'relNetMean', 'minW', 'meanW', 'negShare', 'contra', 'sameKind', 'kindPres', 'nameX', 'nameMax', 'subjX', 'attackX', 'disputedX', 'numbersBoth', 'entJacc', 'polMix', 'dispBack', 'dispLead', 'dispW', 'dispWlead', 'antonym', 'antonymLead', 'typedSame', 'typedDisjoint', 'numDiff', 'rivalMax', 'rivalMean', 'rivalLeadMax', 'rivalLeadMean', 'attackDefence', 'attackDefence2'];
console.log(cols.join('\t'));
/** One side pair: its event, whether it maps to a gold conflict, and its numeric columns. */
interface Row { readonly event: string; readonly conflict: boolean; readonly x: number[] }
const collected: Row[] = [];
const NUMERIC_FROM = cols.indexOf('minSize');
for await (const { gold, report, trace } of goldRuns(dir)) {
  const { mapping } = scoreEvent(gold, report).details;
  const { sides, kept, features, weight, claims, contradictions } = trace;
  const keptIdx = sides.map((_, s) => s).filter((s) => kept[s]);
  const idOf = new Map(keptIdx.map((s, k) => [s, report.narratives[k]?.id ?? '']));
  const goldPairs = new Set(gold.conflicts.flatMap((c) => [`${c.a}|${c.b}`, `${c.b}|${c.a}`]));
  const toolPairs = new Set(report.conflicts.flatMap((c) => [`${c.a}|${c.b}`, `${c.b}|${c.a}`]));
  const val = claims.map((c) => valenceOf(c.text));
  const pairModel = loadPairModel();
  const ctx = pairContext(features, loadEmbeddings(), relations);
  const rivalOf = (i: number, j: number): number => scorePair(pairModel, pairFeatures(ctx, Math.min(i, j), Math.max(i, j)).vector).rival;
  const sizeRank = new Map([...keptIdx].sort((x, y) => (sides[y]?.telling.length ?? 0) - (sides[x]?.telling.length ?? 0) || x - y).map((s, r) => [s, r + 1]));
  const voices = (t: readonly number[]): Set<string> => new Set(t.map((i) => claims[i]?.actorId).filter((v): v is string => !!v));
  const kindOf = (t: readonly number[]): string => { const m = new Map<string, number>(); for (const i of t) { const k = features[i]?.question ?? 'truth'; m.set(k, (m.get(k) ?? 0) + 1); } return [...m].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'truth'; };
  for (let x = 0; x < keptIdx.length; x++) for (let y = x + 1; y < keptIdx.length; y++) {
    const A = sides[keptIdx[x] as number]!; const B = sides[keptIdx[y] as number]!;
    const ida = idOf.get(keptIdx[x] as number) ?? ''; const idb = idOf.get(keptIdx[y] as number) ?? '';
    const ma = mapping[ida] ?? 'none'; const mb = mapping[idb] ?? 'none';
    const plain = (m: string): string => m.replace(/^¬/, '');
    const isConflict = goldPairs.has(`${ma}|${mb}`) || (ma.startsWith('¬') !== mb.startsWith('¬') && plain(ma) === plain(mb));
    const label = isConflict ? 'CONFLICT' : ['none', 'background'].includes(ma) || ['none', 'background'].includes(mb) ? 'unmapped' : plain(ma) === plain(mb) ? 'same' : 'other';
    const goldKey = goldPairs.has(`${ma}|${mb}`) ? [ma, mb].sort().join('x') : '-';
    const ta = A.telling; const tb = B.telling;
    const cond = (t: readonly number[]): number => t.filter((i) => (val[i] ?? 0) < 0).length / Math.max(1, t.length);
    const praise = (t: readonly number[]): number => t.filter((i) => (val[i] ?? 0) > 0).length / Math.max(1, t.length);
    const ca = cond(ta); const cb = cond(tb);
    const la = [...leadingVoices(ta, features)].slice(0, 6); const lb = [...leadingVoices(tb, features)].slice(0, 6);
    let dmax = 0; let dsum = 0; let asum = 0; let nmax = -1; let nsum = 0; let np = 0;
    for (const i of la) for (const j of lb) {
      const p = pairRelation(relations, features[i]?.sentence ?? claims[i]?.text ?? '', features[j]?.sentence ?? claims[j]?.text ?? '');
      dmax = Math.max(dmax, p.disagree); dsum += p.disagree; asum += p.agree; nmax = Math.max(nmax, p.disagree - p.agree); nsum += p.disagree - p.agree; np++;
    }
    let minW = 9; let wsum = 0; let neg = 0; let n = 0; let contra = 0;
    for (const i of ta) for (const j of tb) {
      const w = weight(i, j); minW = Math.min(minW, w); wsum += w; n++; if (w < 0) neg++;
      const c = contradictions.get(i < j ? `${i},${j}` : `${j},${i}`); if (c) contra += c.weight;
    }
    const va = voices(ta); const vb = voices(tb);
    const leadSpeaker = (t: readonly number[]): Set<string> => voices([...leadingVoices(t, features)]);
    const lsa = leadSpeaker(ta); const lsb = leadSpeaker(tb);
    const names = (t: readonly number[], v: Set<string>): number => t.filter((i) => [...v].some((id) => features[i]?.entities.has(id) || features[i]?.subject === id)).length / Math.max(1, t.length);
    const subj = (t: readonly number[], v: Set<string>): number => t.filter((i) => { const s = features[i]?.subject; return !!s && v.has(s) && claims[i]?.actorId !== s; }).length;
    const attack = (t: readonly number[], v: Set<string>): number => t.filter((i) => (val[i] ?? 0) < 0 && [...v].some((id) => features[i]?.entities.has(id) && claims[i]?.actorId !== id)).length;
    const disputed = (s: typeof A, t: readonly number[]): number => t.filter((i) => s.disputedBy.has(i)).length;
    const ents = (t: readonly number[]): Set<string> => new Set(t.flatMap((i) => [...(features[i]?.entities ?? [])]));
    const ea = ents(ta); const eb = ents(tb);
    const ej = [...ea].filter((e) => eb.has(e)).length / Math.max(1, new Set([...ea, ...eb]).size);
    const pol = (t: readonly number[]): number => t.filter((i) => (features[i]?.polarity ?? 1) < 0).length / Math.max(1, t.length);
    const nums = (t: readonly number[]): boolean => t.some((i) => (features[i]?.numbers.length ?? 0) > 0);
    const outlets = (t: readonly number[]): number => new Set(t.map((i) => claims[i]?.outlet ?? claims[i]?.articleId)).size;
    const ka = kindOf(ta); const kb = kindOf(tb);
    const against = (s: typeof A): Set<string> => voices([...s.disputing, ...s.disputedBy]);
    const dispBack = [...against(A)].filter((v) => vb.has(v)).length + [...against(B)].filter((v) => va.has(v)).length;
    const dispLead = [...against(A)].filter((v) => lsb.has(v)).length + [...against(B)].filter((v) => lsa.has(v)).length;
    // A claim disputing one side whose speaker goes on in the other: the largest edge weight from it to that speaker's claims there.
    const goesOn = (s: typeof A, t: readonly number[], lead: Set<number> | null): number => {
      let best = -9;
      for (const d of new Set([...s.disputing, ...s.disputedBy])) {
        const v = claims[d]?.actorId; if (!v || t.includes(d)) continue;
        for (const j of t) if (claims[j]?.actorId === v && (!lead || lead.has(j))) best = Math.max(best, weight(d, j));
      }
      return best;
    };
    const dispW = Math.max(goesOn(A, tb, null), goesOn(B, ta, null));
    const dispWlead = Math.max(goesOn(A, tb, leadingVoices(tb, features)), goesOn(B, ta, leadingVoices(ta, features)));
    const antonyms = (xs: readonly number[], ys: readonly number[]): number => {
      let k = 0;
      for (const i of xs) for (const j of ys) {
        const wi = contentStems(claims[i]?.text ?? ''); const wj = contentStems(claims[j]?.text ?? '');
        const shared = wi.filter((w) => wj.includes(w) && !(features[i]?.nameWords.has(w))).length;
        if (shared >= 1 && opposite(wi, wj) && claims[i]?.actorId !== claims[j]?.actorId) k++;
      }
      return k;
    };
    const antonym = antonyms(ta, tb);
    const antonymLead = antonyms([...leadingVoices(ta, features)], [...leadingVoices(tb, features)]);
    // The same typed question (not "is it true?") answered by each side's majority, and whether its answers name disjoint actors.
    const typedSame = ka === kb && ka !== 'truth' ? 1 : 0;
    const answerActors = (t: readonly number[], k: string): Set<string> => new Set(t.filter((i) => features[i]?.question === k).flatMap((i) => claims[i]?.proposition?.actors ?? []));
    const aa = answerActors(ta, ka); const ab = answerActors(tb, kb);
    const typedDisjoint = typedSame && aa.size > 0 && ab.size > 0 && ![...aa].some((e) => ab.has(e)) ? 1 : 0;
    const numsOf = (t: readonly number[]): Set<number> => new Set(t.flatMap((i) => features[i]?.question === 'count' ? [...(features[i]?.numbers ?? [])] : []));
    const na = numsOf(ta); const nb = numsOf(tb);
    const numDiff = na.size > 0 && nb.size > 0 && ![...na].some((v) => nb.has(v)) ? 1 : 0;
    const rivals = (xs: readonly number[], ys: readonly number[]): [number, number] => {
      let max = 0; let sum = 0; let k = 0;
      for (const i of xs) for (const j of ys) { const v = rivalOf(i, j); max = Math.max(max, v); sum += v; k++; }
      return [max, sum / Math.max(1, k)];
    };
    const [rivalMax, rivalMean] = rivals(ta, tb);
    const [rivalLeadMax, rivalLeadMean] = rivals([...leadingVoices(ta, features)], [...leadingVoices(tb, features)]);
    // One side condemns the other's leading speaker by name; the other, that speaker's own side, does not condemn.
    const leadClaimsA = [...leadingVoices(ta, features)]; const leadClaimsB = [...leadingVoices(tb, features)];
    const attackDefence = (attack(leadClaimsA, lsb) > 0 && cb <= 1 / 3) || (attack(leadClaimsB, lsa) > 0 && ca <= 1 / 3) ? 1 : 0;
    const attackDefence2 = (attack(leadClaimsA, lsb) >= 2 && cb <= 1 / 3) || (attack(leadClaimsB, lsa) >= 2 && ca <= 1 / 3) ? 1 : 0;
    const r = (v: number): string => (Math.round(v * 1000) / 1000).toString();
    const line = [gold.event, ida, idb, label, goldKey, toolPairs.has(`${ida}|${idb}`) ? 1 : 0,
      Math.min(ta.length, tb.length), Math.max(ta.length, tb.length), Math.min(sizeRank.get(keptIdx[x] as number) ?? 99, sizeRank.get(keptIdx[y] as number) ?? 99), Math.max(sizeRank.get(keptIdx[x] as number) ?? 99, sizeRank.get(keptIdx[y] as number) ?? 99),
      Math.min(outlets(ta), outlets(tb)), Math.min(va.size, vb.size), r(ca), r(cb), r(Math.min(ca, cb)), r(Math.max(ca, cb)), r(Math.max(praise(ta), praise(tb))), r(Math.abs(ca - cb)),
      r(dmax), r(dsum / Math.max(1, np)), r(asum / Math.max(1, np)), r(nmax), r(nsum / Math.max(1, np)), r(minW), r(wsum / Math.max(1, n)), r(neg / Math.max(1, n)), r(contra),
      ka === kb ? 1 : 0, ka === 'prescription' || kb === 'prescription' ? 1 : 0, r(Math.max(names(ta, lsb), names(tb, lsa)) > 0 ? 1 : 0), r(Math.max(names(ta, lsb), names(tb, lsa))), subj(ta, lsb) + subj(tb, lsa), attack(ta, lsb) + attack(tb, lsa), disputed(A, tb) + disputed(B, ta),
      nums(ta) && nums(tb) ? 1 : 0, r(ej), r(Math.abs(pol(ta) - pol(tb))), dispBack, dispLead, r(dispW), r(dispWlead), antonym, antonymLead, typedSame, typedDisjoint, numDiff, r(rivalMax), r(rivalMean), r(rivalLeadMax), r(rivalLeadMean), attackDefence, attackDefence2];
    console.log(line.join('\t'));
    collected.push({ event: gold.event, conflict: label === 'CONFLICT', x: line.slice(NUMERIC_FROM).map((v) => Math.max(-1, Number(v))) });
  }
}

/** Area under the ROC curve of `scores` for the positives `y` (ties count half). */
function auc(scores: readonly number[], y: readonly boolean[]): number {
  let sum = 0; let pairs = 0;
  scores.forEach((p, i) => { if (!y[i]) return; scores.forEach((q, j) => { if (y[j]) return; pairs++; sum += p > q ? 1 : p === q ? 0.5 : 0; }); });
  return pairs ? sum / pairs : 0.5;
}

// Each column alone, then a logistic regression on all of them (standardised), trained with the
// held-out event left out: does any side-level reading tell a gold conflict from other pairs?
const y = collected.map((r) => r.conflict);
const names = cols.slice(NUMERIC_FROM);
const report = names.map((name, k) => `${name} ${auc(collected.map((r) => r.x[k] ?? 0), y).toFixed(3)}`);
const mean = names.map((_, k) => collected.reduce((s, r) => s + (r.x[k] ?? 0), 0) / Math.max(1, collected.length));
const sd = names.map((_, k) => Math.sqrt(collected.reduce((s, r) => s + ((r.x[k] ?? 0) - (mean[k] ?? 0)) ** 2, 0) / Math.max(1, collected.length)) || 1);
const rowsOf = (list: readonly Row[]) => {
  const b = new RowBuilder(10);
  for (const r of list) { r.x.forEach((v, k) => b.addValue(k + 1, (v - (mean[k] ?? 0)) / (sd[k] ?? 1))); b.next(); }
  return b.build();
};
const loo = new Array<number>(collected.length).fill(0);
for (const event of new Set(collected.map((r) => r.event))) {
  const train = collected.filter((r) => r.event !== event);
  const model = trainLogistic(['other', 'conflict'], rowsOf(train), Int32Array.from(train, (r) => (r.conflict ? 1 : 0)), 10, { epochs: 20, l2: 1e-3, classWeights: [1, 4] });
  const held = collected.map((r, i) => [r, i] as const).filter(([r]) => r.event === event);
  const rows = rowsOf(held.map(([r]) => r));
  held.forEach(([, i], k) => { loo[i] = probabilities(model, rows, k)[1] ?? 0; });
}
console.error(`${collected.length} side pairs, ${y.filter(Boolean).length} on a gold conflict`);
console.error(`single-column AUC: ${report.join(', ')}`);
console.error(`logistic regression on all ${names.length} columns, leave-one-event-out AUC: ${auc(loo, y).toFixed(3)}`);
