/**
 * Why the narratives stage's conflicts are wrong or missed, on a gold folder (dev only: never run
 * it on the held-back final half while tuning):
 *
 *   npx tsx scripts/conflict-errors.ts data/gold/narratives/dev [--only EVENT] [--claims] [--loo [--opt JSON]]
 *
 * It runs what `eval narratives` runs (same pipeline, same scorer mapping, the shipped pair model,
 * so in-sample; with `--loo` each event's pair model is trained on the other events, as the
 * leave-one-event-out figures of `npm run train:narratives` are), then per event prints each reported conflict with its verdict and strongest
 * evidence, and each gold conflict with what became of its two sides: the tool narratives mapped
 * to each, where the sides' gold claims went (a narrative, the background, a side too small to
 * report, not extracted), and the contradiction edges the graph has between the two sides' claims.
 * For a miss whose two sides are both reported, a `sides:` line says what a rival-answer rule would
 * read: each side's question kinds (majority first), answer actors and numbers, and how many of its
 * claims condemn (AFINN valence). Counts per category at the end.
 */
import { buildGraph, claimRelations, eventClaims, mergeActors } from '../src/07-narratives/index.js';
import { scoreEvent } from '../src/eval/narratives/score.js';
import type { NarrativeClaim } from '../src/types/index.js';
import { valenceOf } from '../src/07-narratives/valence.js';
import { goldLabelOf, goldRuns } from './gold-runs.js';
import { looRuns, type LooRun } from './loo-runs.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--only' && args[args.indexOf(a) - 1] !== '--opt') ?? 'data/gold/narratives/dev';
// `--opt JSON`: narrative options for the leave-one-event-out runs (what a knob changes).
const extra = args.includes('--opt') ? JSON.parse(args[args.indexOf('--opt') + 1] ?? '{}') as Record<string, unknown> : {};
if (/final/.test(dir)) throw new Error('conflict-errors: never tune on the held-back final half');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const showClaims = args.includes('--claims');
const loo = args.includes('--loo');
const short = (t: string, n = 110): string => (t.length > n ? `${t.slice(0, n)}…` : t).replace(/\s+/g, ' ');
const counts = new Map<string, number>();
const count = (category: string): void => { counts.set(category, (counts.get(category) ?? 0) + 1); };

const relations = claimRelations();
for await (const run of loo ? looRuns(dir, only, extra) : goldRuns(dir, only)) {
  const { gold, analysed, report, analysis } = run;
  const pairModel = loo ? (run as LooRun).pairModel : undefined;
  const live = analysed.filter((a) => !a.duplicateOf);
  const { claims, features } = eventClaims(live, mergeActors(live), analysis.event);
  const graph = buildGraph(features, { relations, ...(pairModel ? { pairModel } : {}) });
  const { mapping } = scoreEvent(gold, report).details;
  const nameOf = (id: string): string => report.actors.find((a) => a.id === id)?.name ?? id;
  const claimById = new Map(analysis.claims.map((c) => [c.id, c]));
  const index = new Map(claims.map((c, i) => [c.id, i]));
  const labels = claims.map((c) => goldLabelOf(gold, c));
  const narrativeOf = new Map<string, string>();
  for (const n of analysis.narratives) for (const id of [...n.claimIds, ...n.disputingClaimIds]) narrativeOf.set(id, n.id);
  const background = new Set(analysis.background);
  const say = (c: NarrativeClaim | undefined): string => c ? `[${c.actorId ? nameOf(c.actorId) : c.sourceText ?? 'own'}|${c.stance}|${c.proposition?.polarity ?? 1}|${c.proposition?.question ?? ''}] ${short(c.text)}` : '?';
  const goldPairs = new Set(gold.conflicts.flatMap((c) => [`${c.a}|${c.b}`, `${c.b}|${c.a}`]));
  // Question kinds (majority first), answer actors and numbers, and the share of condemning claims of some tool narratives.
  const sideSummary = (ids: readonly string[]): string => {
    const told = analysis.narratives.filter((n) => ids.includes(n.id)).flatMap((n) => n.claimIds.map((id) => claimById.get(id))).filter((c): c is NarrativeClaim => !!c);
    const kinds = new Map<string, number>();
    for (const c of told) kinds.set(c.proposition?.question ?? 'truth', (kinds.get(c.proposition?.question ?? 'truth') ?? 0) + 1);
    const actors = new Set(told.flatMap((c) => c.proposition?.actors ?? []));
    const numbers = new Set(told.flatMap((c) => c.proposition?.numbers ?? []));
    const condemn = told.filter((c) => valenceOf(c.text) < 0).length;
    return `kinds ${[...kinds].sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k}×${v}`).join(' ')}; actors ${[...actors].map(nameOf).slice(0, 5).join(', ') || '-'}; numbers ${[...numbers].slice(0, 4).join(', ') || '-'}; condemn ${condemn}/${told.length}`;
  };
  const lines: string[] = [`== ${gold.event}`];
  for (const n of analysis.narratives) {
    lines.push(`  ${n.id} -> ${mapping[n.id] ?? 'none'}: ${short(n.answer, 70)} | b ${n.backers.map(nameOf).join(', ')} | d ${n.disputers.map(nameOf).join(', ')} | ${n.claimIds.length}+${n.disputingClaimIds.length}`);
    if (showClaims) for (const id of n.claimIds) lines.push(`      + ${labels[index.get(id) ?? -1] ?? '-'} ${say(claimById.get(id))}`);
    if (showClaims) for (const id of n.disputingClaimIds) lines.push(`      - ${labels[index.get(id) ?? -1] ?? '-'} ${say(claimById.get(id))}`);
  }
  for (const c of report.conflicts) {
    const ma = mapping[c.a] ?? 'none';
    const mb = mapping[c.b] ?? 'none';
    const plain = (m: string): string => m.replace(/^¬/, '');
    const right = goldPairs.has(`${ma}|${mb}`) || ((ma.startsWith('¬') !== mb.startsWith('¬')) && plain(ma) === plain(mb));
    const category = right ? 'tool conflict: right'
      : ma === 'none' || mb === 'none' || ma === 'background' || mb === 'background' ? 'tool conflict: a side maps to no gold narrative'
        : plain(ma) === plain(mb) ? 'tool conflict: both sides one gold narrative'
          : gold.questions.some((q) => q.narratives.some((n) => n.id === plain(ma)) && q.narratives.some((n) => n.id === plain(mb))) ? 'tool conflict: same gold question, no gold conflict'
            : 'tool conflict: two gold questions';
    count(category);
    lines.push(`  CONFLICT ${right ? 'OK ' : 'BAD'} ${c.a}(${ma}) x ${c.b}(${mb}) [${c.reason}] ${category}`);
    for (const e of c.evidence.slice(0, 3)) lines.push(`      ${e.signal} ${e.weight}: ${say(claimById.get(e.claimA))}\n        vs ${say(claimById.get(e.claimB))}`);
  }
  for (const g of gold.conflicts) {
    const toolA = Object.entries(mapping).filter(([, m]) => m === g.a).map(([id]) => id);
    const toolB = Object.entries(mapping).filter(([, m]) => m === g.b).map(([id]) => id);
    const found = report.conflicts.some((c) => { const x = mapping[c.a]; const y = mapping[c.b]; return (x === g.a && y === g.b) || (x === g.b && y === g.a); });
    const where = (label: string): string => {
      const mine = claims.map((c, i) => ({ c, i })).filter(({ i }) => labels[i] === label);
      const place = (c: NarrativeClaim): string => narrativeOf.get(c.id) ? `${narrativeOf.get(c.id)}` : background.has(c.id) ? 'bg' : 'stray';
      const tally = new Map<string, number>();
      for (const { c } of mine) tally.set(place(c), (tally.get(place(c)) ?? 0) + 1);
      return `${mine.length} claims: ${[...tally].map(([k, v]) => `${k}×${v}`).join(' ')}`;
    };
    let edges = 0;
    const signals = new Map<string, number>();
    const examples: string[] = [];
    for (const [key, c] of graph.contradictions) {
      const [i = 0, j = 0] = key.split(',').map(Number);
      const li = labels[i]; const lj = labels[j];
      if ((li === g.a && lj === g.b) || (li === g.b && lj === g.a)) {
        edges++; signals.set(c.signal, (signals.get(c.signal) ?? 0) + 1);
        if (examples.length < 2) examples.push(`      ${c.signal} ${c.weight.toFixed(2)}: ${say(claims[i])}\n        vs ${say(claims[j])}`);
      }
    }
    const category = found ? 'gold conflict: found'
      : toolA.length === 0 && toolB.length === 0 ? 'gold conflict: neither side a tool narrative'
        : toolA.length === 0 || toolB.length === 0 ? 'gold conflict: one side not a tool narrative'
          : edges === 0 ? 'gold conflict: both sides narratives, no contradiction edge'
            : 'gold conflict: both sides narratives, edges too weak or sides merged';
    count(category);
    lines.push(`  GOLD ${found ? 'found' : 'MISS '} ${g.a} x ${g.b}: ${category} | tool ${toolA.join(',') || '-'} x ${toolB.join(',') || '-'} | ${g.a}: ${where(g.a)} | ${g.b}: ${where(g.b)} | edges ${edges} ${[...signals].map(([k, v]) => `${k}×${v}`).join(' ')}`);
    lines.push(...examples);
    // For a miss with both sides reported: do the two sides answer the same typed question, with
    // different answers (actors, numbers) or opposite verdicts? What a rival-answer rule would read.
    if (!found && toolA.length > 0 && toolB.length > 0) lines.push(`      sides: ${g.a} ${sideSummary(toolA)} || ${g.b} ${sideSummary(toolB)}`);
  }
  console.log(lines.join('\n'));
}
console.log('');
for (const [k, v] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`${String(v).padStart(4)}  ${k}`);
