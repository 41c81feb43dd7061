/**
 * Freezes the fixed claim set of a gold folder (src/eval/narratives/claim-set.ts): runs
 * `eval narratives` in-sample on it with this tree's pipeline and shipped models, and writes the
 * keys of the gold claims that land in some reported narrative to `DIR-claimset.json`, sorted
 * (same tree, same bytes). Run it on the reference tree only: the dev set was frozen on main at
 * 927bf26 and is kept fixed so that later runs (another attribution model, another narrative
 * rule) are scored on the same claims. Never run on the held-back final half.
 *
 *   npx tsx scripts/freeze-claimset.ts --reference "main 927bf26, eval narratives in-sample"
 *   npx tsx scripts/freeze-claimset.ts --gold data/gold/narratives/dev --out FILE --reference TEXT
 *   npx tsx scripts/freeze-claimset.ts --all --out /tmp/dev-all.json   # every gold claim, no run
 *
 * `--all` writes every gold narrative claim instead (no pipeline run, no reference bias: a run
 * that extracts other claims than the reference's is neither penalised for the swap nor spared;
 * missing claims are singletons), for `eval narratives --claim-set` and
 * `npm run train:narratives -- --claim-set FILE`.
 */
import { writeFileSync } from 'node:fs';
import { claimKey, claimSetPathFor, evaluateNarratives, freezeClaimSet, loadGoldDir } from '../src/eval/narratives/index.js';

const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const gold = arg('--gold') ?? 'data/gold/narratives/dev';
const all = process.argv.includes('--all');
const reference = all ? 'every gold narrative claim' : arg('--reference');
if (/final/.test(gold)) throw new Error('freeze-claimset: never run on the held-back final half');
if (!reference) throw new Error('freeze-claimset: say which run this is with --reference TEXT (e.g. "main 927bf26, eval narratives in-sample")');
const out = arg('--out') ?? claimSetPathFor(gold);

if (all) {
  const files = await loadGoldDir(gold);
  const events = files.map((f) => ({ event: f.gold.event, claims: f.gold.questions.flatMap((q) => q.narratives).flatMap((n) => n.claims.map((s) => ({ key: `${f.gold.event}/${claimKey(n.id, s)}`, gold: n.id, predicted: 'any' }))) }));
  const set = { ...freezeClaimSet(events, reference ?? ''), rule: 'every gold narrative claim' };
  writeFileSync(out, `${JSON.stringify(set, null, 1)}\n`);
  process.stderr.write(`freeze-claimset: all ${Object.values(set.events).reduce((n, k) => n + k.length, 0)} gold claims -> ${out}\n`);
  process.exit(0);
}
const report = await evaluateNarratives({ gold, claimSet: null });
if (report.problems.length > 0) throw new Error(`freeze-claimset: the gold has problems, fix them first:\n${report.problems.join('\n')}`);
const files = await loadGoldDir(gold);
const events = report.events.map((e) => {
  const file = files.find((f) => f.gold.event === e.event);
  if (!file) throw new Error(`freeze-claimset: event ${e.event} has no gold file`);
  const missed = new Set(e.details.missed.map((m) => claimKey(m.narrative, m)));
  // Every gold narrative claim, marked extracted unless the scorer listed it as missed.
  const claims = file.gold.questions.flatMap((q) => q.narratives).flatMap((n) => n.claims.map((s) => {
    const key = claimKey(n.id, s);
    return { key: `${e.event}/${key}`, gold: n.id, predicted: missed.has(key) ? null : 'extracted' };
  }));
  return { event: e.event, claims };
});
const set = freezeClaimSet(events, reference);
writeFileSync(out, `${JSON.stringify(set, null, 1)}\n`);
const kept = Object.values(set.events).reduce((n, keys) => n + keys.length, 0);
process.stderr.write(`freeze-claimset: ${kept} of ${report.overall.goldClaims} gold claims (${events.length} events) -> ${out}\n`);
