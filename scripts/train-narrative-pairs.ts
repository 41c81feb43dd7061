/**
 * Trains the narratives' pair model (src/07-narratives/pair-model.ts) on the hand-annotated gold
 * events and writes models/narrative-pairs.json. Deterministic: same gold and texts, same bytes.
 *
 * Every pair of tool claims that both align with gold spans gets a label: `same` (one gold
 * narrative, or the disputes of one narrative), `rival` (answers of a gold conflict, or a
 * narrative and a dispute of it) or `other`. Background facts against narrative claims are
 * `other`; pairs of background facts and claims no gold span covers are not used.
 *
 * The figures it prints are leave-one-event-out: each event is scored by a model trained on the
 * other events only, so they are what the model does on an event it has not seen. The first line
 * is the hand-set graph alone, for comparison. "B3" is scored on the gold claims the run
 * extracts; "fixed B3" on the dev claim set frozen from main at 927bf26
 * (data/gold/narratives/dev-claimset.json; a lost claim of the set is its own narrative, see
 * src/eval/narratives/claim-set.ts), so runs with another extraction are compared on the same
 * claims; "kept" is the share of that set still extracted. The final
 * check events (data/gold/narratives/final) are never read here.
 *
 *   npm run train:narratives                      # leave-one-out figures, then write the model
 *   npm run train:narratives -- --no-write        # figures only
 *   npm run train:narratives -- --grid            # also try other pair weights and offsets
 *   npm run train:narratives -- --per-event       # also each held-out event's B-cubed
 *   npm run train:narratives -- --claim-set FILE  # the fixed-set B-cubed on another claim set
 *   npm run train:narratives -- --auc             # pair-level AUC of "same" and "rival" (add --train-auc: on the training data)
 */
import { writeFileSync } from 'node:fs';
import { buildReport } from '../src/08-report/index.js';
import { PAIR_FEATURES, claimRelations, type PairModel } from '../src/07-narratives/index.js';
import { analyze } from '../src/pipeline/analyze.js';
import { claimSetKeys, claimSetPathFor, GoldArticleSource, loadClaimSet, loadGoldDir, poolCounts, scoreEvent, scoresOf, type GoldEvent, type EventCounts } from '../src/eval/narratives/index.js';
import type { AnalyzedArticle } from '../src/types/index.js';
import { pairRows, trainPairModel } from './loo-pair-models.js';

const GOLD = 'data/gold/narratives/dev';
/** The fixed claim set every run is also scored on (frozen from main at 927bf26; `--claim-set FILE` for another). */
const CLAIM_SET = claimSetKeys(loadClaimSet(process.argv.includes('--claim-set') ? process.argv[process.argv.indexOf('--claim-set') + 1] ?? '' : claimSetPathFor(GOLD)));
const BITS = 6; // as in loo-pair-models.ts: 2^6 buckets >= the feature count (see learn/hash.ts `bucket`)
const write = !process.argv.includes('--no-write');
const grid = process.argv.includes('--grid');
// `--per-event`: also print each held-out event's B-cubed and narrative count.
const perEvent = process.argv.includes('--per-event');
// `--opt JSON`: narrative options merged into every leave-one-out run (to measure a knob).
const extra = process.argv.includes('--opt') ? JSON.parse(process.argv[process.argv.indexOf('--opt') + 1] ?? '{}') as Record<string, unknown> : {};
const started = Date.now();
const log = (line: string): void => { process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}\n`); };
if (PAIR_FEATURES.length > 1 << BITS) throw new Error(`${PAIR_FEATURES.length} features do not fit in 2^${BITS} buckets`);

interface EventData { readonly gold: GoldEvent; readonly articles: AnalyzedArticle[]; readonly rows: number[][]; readonly labels: number[] }

const relations = claimRelations();

async function loadEvents(): Promise<EventData[]> {
  const files = await loadGoldDir(GOLD, (e) => log(`skipped: ${e.message}`));
  const source = new GoldArticleSource({});
  const out: EventData[] = [];
  for (const file of files) {
    const articles: AnalyzedArticle[] = [];
    for await (const r of analyze(await source.articlesOf(file.gold))) articles.push(r);
    const { rows, labels, claims, aligned } = pairRows(file.gold, articles, relations);
    log(`${file.gold.event}: ${claims} claims, ${aligned} aligned, ${rows.length} pairs (${labels.filter((y) => y === 0).length} same, ${labels.filter((y) => y === 1).length} rival)`);
    out.push({ gold: file.gold, articles, rows, labels });
  }
  return out;
}

/** Train on the given events' pairs. */
const train = (events: readonly EventData[], rivalWeight: number): PairModel => trainPairModel(events, rivalWeight);

interface Knobs { readonly pairWeight: number; readonly sameOffset: number; readonly rivalWeight: number }

function leaveOneOut(events: readonly EventData[], knobs: Knobs): ReturnType<typeof scoresOf> {
  const counts: { event: string; counts: EventCounts }[] = [];
  for (const held of events) {
    const model = train(events.filter((e) => e !== held), knobs.rivalWeight);
    const report = buildReport(held.articles, { eventOf: () => held.gold.event, now: new Date(0), relations, pairModel: model, pairWeight: knobs.pairWeight, sameOffset: knobs.sameOffset, ...extra });
    counts.push({ event: held.gold.event, counts: scoreEvent(held.gold, report) });
    if (perEvent) { const s = scoresOf(counts[counts.length - 1]?.counts as EventCounts, CLAIM_SET); log(`  ${held.gold.event}: B3 ${pc(s.bcubed.f1)} (P ${pc(s.bcubed.precision)} R ${pc(s.bcubed.recall)}) extr ${pc(s.extracted)} | fixed B3 ${pc(s.fixedSet?.bcubed.f1 ?? 0)} kept ${pc(s.fixedSet?.kept ?? 0)} | conflicts ${s.conflicts.tool}:${s.conflicts.gold} right ${Math.round(s.conflicts.precision * s.conflicts.tool)} | backers ${Math.round(s.backers.accuracy * s.backers.tool)}/${s.backers.tool} disput ${Math.round(s.disputers.accuracy * s.disputers.tool)}/${s.disputers.tool} | omit ${Math.round(s.omissions.precision * s.omissions.tool)}/${s.omissions.tool} | narr ${s.narratives.tool}:${s.narratives.gold}`); }
  }
  return scoresOf(poolCounts(counts), CLAIM_SET);
}

const pc = (x: number): string => (x * 100).toFixed(1);

const line = (s: ReturnType<typeof scoresOf>): string => `B3 ${(s.bcubed.f1 * 100).toFixed(1)} (P ${(s.bcubed.precision * 100).toFixed(1)} R ${(s.bcubed.recall * 100).toFixed(1)}) extr ${(s.extracted * 100).toFixed(1)} | fixed B3 ${pc(s.fixedSet?.bcubed.f1 ?? 0)} (P ${pc(s.fixedSet?.bcubed.precision ?? 0)} R ${pc(s.fixedSet?.bcubed.recall ?? 0)}) kept ${pc(s.fixedSet?.kept ?? 0)} | conflicts P ${(s.conflicts.precision * 100).toFixed(1)} R ${(s.conflicts.recall * 100).toFixed(1)} (${s.conflicts.tool}:${s.conflicts.gold}) | backers ${(s.backers.accuracy * 100).toFixed(1)} disput ${(s.disputers.accuracy * 100).toFixed(1)} | omit P ${(s.omissions.precision * 100).toFixed(1)} (${s.omissions.tool}) | narr ${s.narratives.tool}:${s.narratives.gold}`;

const events = await loadEvents();
const defaults: Knobs = { pairWeight: 0.4, sameOffset: 1, rivalWeight: 2 };
const knobs: Knobs[] = grid
  ? [0.1, 0.2, 0.4, 1].flatMap((pairWeight) => [0, 1, 2].map((sameOffset) => ({ pairWeight, sameOffset, rivalWeight: 2 })))
  : [defaults];
{
  const counts = events.map((e) => ({ event: e.gold.event, counts: scoreEvent(e.gold, buildReport(e.articles, { eventOf: () => e.gold.event, now: new Date(0), relations, pairModel: null })) }));
  log(`hand-set graph (no pair model): ${line(scoresOf(poolCounts(counts), CLAIM_SET))}`);
}
for (const k of knobs) log(`leave-one-event-out ${JSON.stringify(k)} ${JSON.stringify(extra)}: ${line(leaveOneOut(events, k))}`);
if (write) {
  const model = { ...train(events, defaults.rivalWeight), trainedOn: `${events.length} dev gold events of ${GOLD}, ${events.reduce((n, e) => n + e.rows.length, 0)} claim pairs` };
  writeFileSync('models/narrative-pairs.json', `${JSON.stringify(model, null, 1)}\n`);
  log('wrote models/narrative-pairs.json');
}

if (process.argv.includes('--auc')) {
  const { scorePair } = await import('../src/07-narratives/index.js');
  const auc = (scores: { s: number; y: boolean }[]): number => {
    const sorted = [...scores].sort((a, b) => a.s - b.s);
    let rank = 0; let pos = 0; let sumRanks = 0;
    for (const x of sorted) { rank++; if (x.y) { pos++; sumRanks += rank; } }
    const neg = sorted.length - pos;
    return (sumRanks - (pos * (pos + 1)) / 2) / (pos * neg);
  };
  const same: { s: number; y: boolean }[] = [];
  const rival: { s: number; y: boolean }[] = [];
  const rivalTopical: { s: number; y: boolean }[] = [];
  // Each feature alone, as a ranking of "same" pairs: which features carry the signal at all.
  const single = (f: number): number => auc(events.flatMap((e) => e.rows.map((row, r) => ({ s: row[f] ?? 0, y: e.labels[r] === 0 }))));
  log(`single-feature AUC of same: ${PAIR_FEATURES.map((name, f) => `${name} ${single(f).toFixed(2)}`).join(', ')}`);
  for (const held of events) {
    const model = train(process.argv.includes('--train-auc') ? events : events.filter((e) => e !== held), 2);
    held.rows.forEach((row, r) => {
      const p = scorePair(model, row);
      const y = held.labels[r];
      same.push({ s: p.same, y: y === 0 });
      rival.push({ s: p.rival, y: y === 1 });
      if (y !== 0) rivalTopical.push({ s: p.rival, y: y === 1 });
    });
  }
  log(`pair AUC (leave-one-event-out): same ${auc(same).toFixed(3)}, rival ${auc(rival).toFixed(3)}, rival among not-same ${auc(rivalTopical).toFixed(3)}`);
}

