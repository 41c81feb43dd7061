/**
 * Leave-one-event-out backers and disputers per dev event, with the pooled headline figures of
 * `npm run train:narratives -- --no-write` on one line, as JSON for comparing two runs (dev only:
 * never run it on the held-back final half):
 *
 *   npx tsx scripts/backer-loo.ts > before.json
 *   npx tsx scripts/backer-loo.ts --compare before.json   # events helped / hurt against a saved run
 *   npx tsx scripts/backer-loo.ts --save-models m.json    # also keep each fold's pair model
 *   npx tsx scripts/backer-loo.ts --models m.json         # score with those models, not retrained
 *
 * Each fold's pair model is trained on the other events' claim pairs, so a rule that changes the
 * claims of one event moves every other event's figures through its retrained model (on the 23
 * dev events by up to 10 B-cubed points on one event). `--models` keeps the models of a saved run:
 * the figures then move only where the rule itself changes something.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildReport } from '../src/08-report/index.js';
import { claimRelations, type PairModel } from '../src/07-narratives/index.js';
import { analyze } from '../src/pipeline/analyze.js';
import { GoldArticleSource, loadGoldDir, poolCounts, scoreEvent, scoresOf, type EventCounts } from '../src/eval/narratives/index.js';
import type { AnalyzedArticle } from '../src/types/index.js';
import { pairRows, trainPairModel, type PairRows } from './loo-pair-models.js';

const GOLD = 'data/gold/narratives/dev';
const relations = claimRelations();
const arg = (flag: string): string | undefined => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
const frozen = arg('--models') ? JSON.parse(readFileSync(arg('--models') ?? '', 'utf8')) as Record<string, PairModel> : undefined;
const files = await loadGoldDir(GOLD);
const source = new GoldArticleSource({});
const events: { event: string; gold: (typeof files)[number]['gold']; articles: AnalyzedArticle[]; rows: PairRows }[] = [];
for (const file of files) {
  const articles: AnalyzedArticle[] = [];
  for await (const r of analyze(await source.articlesOf(file.gold))) articles.push(r);
  events.push({ event: file.gold.event, gold: file.gold, articles, rows: frozen ? { rows: [], labels: [] } : pairRows(file.gold, articles, relations) });
}
const models: Record<string, PairModel> = {};
const counts: { event: string; counts: EventCounts }[] = [];
const perEvent: Record<string, { b: [number, number]; d: [number, number]; b3: number }> = {};
for (const held of events) {
  const pairModel = frozen?.[held.event] ?? trainPairModel(events.filter((e) => e !== held).map((e) => e.rows), 2);
  models[held.event] = pairModel;
  const report = buildReport(held.articles, { eventOf: () => held.event, now: new Date(0), relations, pairModel, pairWeight: 0.4, sameOffset: 1 });
  const c = scoreEvent(held.gold, report);
  counts.push({ event: held.event, counts: c });
  perEvent[held.event] = { b: [c.backers.correct, c.backers.predicted], d: [c.disputers.correct, c.disputers.predicted], b3: Math.round(scoresOf(c).bcubed.f1 * 1000) / 10 };
}
if (arg('--save-models')) writeFileSync(arg('--save-models') ?? '', JSON.stringify(models));
const s = scoresOf(poolCounts(counts));
const p = (x: number): string => (x * 100).toFixed(1);
const headline = `B3 ${p(s.bcubed.f1)} (P ${p(s.bcubed.precision)} R ${p(s.bcubed.recall)}) extr ${p(s.extracted)} | conflicts P ${p(s.conflicts.precision)} R ${p(s.conflicts.recall)} (${s.conflicts.tool}:${s.conflicts.gold}) | backers ${p(s.backers.accuracy)} disput ${p(s.disputers.accuracy)} | omit P ${p(s.omissions.precision)} (${s.omissions.tool}) | narr ${s.narratives.tool}:${s.narratives.gold}`;
const at = process.argv.indexOf('--compare');
if (at < 0) {
  process.stdout.write(`${JSON.stringify({ headline, perEvent }, null, 1)}\n`);
} else {
  const before = JSON.parse(readFileSync(process.argv[at + 1] ?? '', 'utf8')) as { headline: string; perEvent: typeof perEvent };
  console.log(`before: ${before.headline}\nafter:  ${headline}`);
  // An event is helped when its right-minus-wrong count rises (a right one more, or a wrong one fewer).
  const net = (x: [number, number]): number => 2 * x[0] - x[1];
  for (const role of ['b', 'd'] as const) {
    const moved = Object.entries(perEvent).map(([e, a]) => ({ e, a: a[role], o: before.perEvent[e]?.[role] ?? [0, 0] })).filter((x) => x.a[0] !== x.o[0] || x.a[1] !== x.o[1]);
    const helped = moved.filter((x) => net(x.a) > net(x.o)).length;
    const hurt = moved.filter((x) => net(x.a) < net(x.o)).length;
    console.log(`${role === 'b' ? 'backers' : 'disputers'}: ${helped} events helped, ${hurt} hurt`);
    for (const x of moved) console.log(`  ${x.e}: ${x.o[0]}/${x.o[1]} -> ${x.a[0]}/${x.a[1]}`);
  }
  const b3 = Object.entries(perEvent).filter(([e, a]) => Math.abs(a.b3 - (before.perEvent[e]?.b3 ?? 0)) >= 0.1);
  console.log(`B3 moved on ${b3.length} events: ${b3.map(([e, a]) => `${e} ${before.perEvent[e]?.b3}->${a.b3}`).join(', ')}`);
}
