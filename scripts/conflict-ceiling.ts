/**
 * What bounds conflict recall, on a gold folder (dev only: never run it on the held-back final
 * half), leave-one-event-out (each event built with a pair model trained on the others, as the
 * figures of `npm run train:narratives` are):
 *
 *   npx tsx scripts/conflict-ceiling.ts data/gold/narratives/dev [--only EVENT] [--opt JSON]
 *
 * 1. Missing sides: for each side of a gold conflict that no reported narrative maps to, where its
 *    gold claims went: not extracted, the background, a side the build cut (with the reason
 *    `whyNotNarrative` gave), a narrative mapped to another gold narrative, or disputing claims. The
 *    side's fate is the place most of its claims went.
 * 2. Denial gates, on the gold sides themselves (no clustering involved): for every pair of gold
 *    narratives of an event (not the same one, claims of two speakers), the strongest thing the
 *    denial signal (`signals.ts`) can see between their extracted claims: `aimed-sim` (opposite
 *    polarity, the negation aimed at the other claim, TF-IDF cosine >= 0.2), `aimed-lowsim`,
 *    `unaimed`, `short` (too few words to deny), `samepol` (no pair of opposite polarity). Each
 *    line says how many of those gold side pairs are gold conflicts: the precision any rule built
 *    on that reading can reach, and how many gold conflicts it can reach at all.
 * 3. Disputes that stand for a conflict: a reported narrative mapped to gold narrative G whose
 *    disputing claims are gold claims of another narrative H (the report shows H's speakers
 *    disputing G instead of H as a rival side). Counted per (G, H): how many are gold conflicts
 *    and how many gold conflicts the report shows only that way (not as a reported conflict).
 */
import { oneStatement, pointedDenial } from '../src/07-narratives/aim.js';
import type { ClaimFeatures } from '../src/07-narratives/features.js';
import { cosine, vectorize } from '../src/07-narratives/similarity.js';
import { aligns } from '../src/eval/narratives/metrics.js';
import { scoreEvent } from '../src/eval/narratives/score.js';
import { goldLabelOf } from './gold-runs.js';
import { looRuns } from './loo-runs.js';

const args = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const dir = args.find((a, k) => !a.startsWith('--') && args[k - 1] !== '--only' && args[k - 1] !== '--opt') ?? 'data/gold/narratives/dev';
if (/final/.test(dir)) throw new Error('conflict-ceiling: never tune on the held-back final half');
const only = valueOf('--only');
const extra = JSON.parse(valueOf('--opt') ?? '{}') as Record<string, unknown>;

const fates = new Map<string, number>();
const gates = new Map<string, { conflict: number; pairs: number }>();
const reached = new Map<string, number>(); // strongest gate per gold conflict
const disputeReads = { pairs: 0, conflicts: 0, onlyThere: 0 };
const ORDER = ['aimed-sim', 'aimed-lowsim', 'unaimed', 'short', 'samepol', 'none'];
const strongest = (a: string, b: string): string => (ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b);
const topical = (f: ClaimFeatures): number => f.words.filter((w) => !f.nameWords.has(w)).length;

/** What the denial signal can see between two claims (before its on-topic and clustering steps). */
function gateOf(a: ClaimFeatures, b: ClaimFeatures, similarity: number): string {
  if (a.polarity === b.polarity) return 'samepol';
  const [neg, pos] = a.polarity < 0 ? [a, b] : [b, a];
  if (neg.openQuestion || oneStatement(a, b) || pos.words.length < 4 || topical(pos) < 2 || topical(neg) < 1) return 'short';
  if (!pointedDenial(neg, pos)) return 'unaimed';
  return similarity >= 0.2 ? 'aimed-sim' : 'aimed-lowsim';
}

for await (const run of looRuns(dir, only, extra)) {
  const { gold, report, trace, analysis } = run;
  const { mapping } = scoreEvent(gold, report).details;
  const labels = trace.claims.map((c) => goldLabelOf(gold, c));
  const lines: string[] = [`== ${gold.event}`];

  // 1. Missing sides.
  const sideOf = new Map<number, number>();
  const disputingOf = new Set<number>();
  trace.sides.forEach((s, k) => { for (const i of s.telling) sideOf.set(i, k); for (const i of s.disputing) { sideOf.set(i, k); disputingOf.add(i); } });
  const narrativeOf = new Map<string, string>();
  for (const n of analysis.narratives) for (const id of n.claimIds) narrativeOf.set(id, n.id);
  const background = new Set(analysis.background);
  const mapped = new Set(Object.values(mapping));
  const narratives = new Map(gold.questions.flatMap((q) => q.narratives.map((n) => [n.id, n] as const)));
  for (const side of new Set(gold.conflicts.flatMap((c) => [c.a, c.b]))) {
    if (mapped.has(side)) continue;
    const spans = narratives.get(side)?.claims ?? [];
    const tally = new Map<string, number>();
    for (const span of spans) {
      const g = { articleId: span.article, start: span.start, end: span.end };
      const i = trace.claims.findIndex((c, k) => labels[k] === side && aligns(c, g));
      const claim = trace.claims[i];
      const s = sideOf.get(i);
      const place = !claim ? 'not extracted'
        : narrativeOf.has(claim.id) ? `in a narrative mapped to ${mapping[narrativeOf.get(claim.id) ?? ''] ?? 'none'}`.replace(/mapped to n\d+$/, 'mapped to another gold narrative')
          : background.has(claim.id) ? 'background'
            : s !== undefined && disputingOf.has(i) ? 'disputing claim'
              : s !== undefined && !trace.kept[s] ? `side cut: ${trace.reasons[s] ?? 'joined away'}` : 'stray';
      tally.set(place, (tally.get(place) ?? 0) + 1);
    }
    const fate = [...tally].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'no claims';
    fates.set(fate, (fates.get(fate) ?? 0) + 1);
    lines.push(`  missing ${side} (${spans.length} claims): ${fate} | ${[...tally].map(([k, v]) => `${k}×${v}`).join(', ')}`);
  }

  // 2. Denial gates on gold side pairs.
  const vectors = vectorize(trace.features);
  const conflictPairs = new Set(gold.conflicts.flatMap((c) => [`${c.a}|${c.b}`, `${c.b}|${c.a}`]));
  const best = new Map<string, string>();
  trace.features.forEach((a, i) => {
    trace.features.forEach((b, j) => {
      const li = labels[i]; const lj = labels[j];
      if (j <= i || !li || !lj || !narratives.has(li) || !narratives.has(lj) || li === lj) return;
      if (a.claim.actorId && a.claim.actorId === b.claim.actorId) return;
      const key = [li, lj].sort().join('|');
      const gate = gateOf(a, b, cosine(vectors[i] ?? new Map(), vectors[j] ?? new Map()));
      best.set(key, strongest(best.get(key) ?? 'none', gate));
    });
  });
  for (const [key, gate] of best) {
    const entry = gates.get(gate) ?? { conflict: 0, pairs: 0 };
    gates.set(gate, entry);
    entry.pairs++;
    if (conflictPairs.has(key)) entry.conflict++;
  }
  for (const c of gold.conflicts) {
    const gate = best.get([c.a, c.b].sort().join('|')) ?? 'none';
    reached.set(gate, (reached.get(gate) ?? 0) + 1);
    lines.push(`  conflict ${c.a} x ${c.b}: strongest denial reading ${gate}`);
  }
  // 3. Disputes that stand for a conflict.
  const found = new Set(report.conflicts.map((c) => [mapping[c.a], mapping[c.b]].sort().join('|')));
  const shown = new Set<string>();
  const claimLabel = new Map(trace.claims.map((c, k) => [c.id, labels[k]]));
  for (const n of analysis.narratives) {
    const g = mapping[n.id];
    if (!g || !narratives.has(g)) continue;
    for (const id of n.disputingClaimIds) {
      const h = claimLabel.get(id);
      if (h && h !== g && narratives.has(h)) shown.add([g, h].sort().join('|'));
    }
  }
  for (const key of shown) {
    disputeReads.pairs++;
    if (conflictPairs.has(key)) {
      disputeReads.conflicts++;
      if (!found.has(key)) disputeReads.onlyThere++;
      lines.push(`  dispute stands for gold conflict ${key}${found.has(key) ? ' (also a reported conflict)' : ''}`);
    } else lines.push(`  dispute across ${key}: no gold conflict`);
  }
  console.log(lines.join('\n'));
}
console.log('\nMissing sides of gold conflicts, by where most of their claims went:');
for (const [k, v] of [...fates].sort((a, b) => b[1] - a[1])) console.log(`${String(v).padStart(4)}  ${k}`);
console.log('\nGold side pairs by the strongest denial reading between their claims (gold conflicts / pairs):');
for (const gate of ORDER) { const e = gates.get(gate); if (e) console.log(`${gate.padStart(13)}  ${e.conflict} / ${e.pairs}`); }
console.log('\nGold conflicts by the strongest denial reading between their two sides:');
for (const gate of ORDER) if (reached.has(gate)) console.log(`${gate.padStart(13)}  ${reached.get(gate)}`);
console.log(`\nDisputing claims of a reported narrative that are another gold narrative's claims: ${disputeReads.pairs} gold pairs, ${disputeReads.conflicts} of them gold conflicts, ${disputeReads.onlyThere} shown only as a dispute`);
