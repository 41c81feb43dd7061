/**
 * What an extraction change does to the narratives, claim by claim: dump each dev gold event's
 * claim units and the fate of every gold claim of the fixed claim set in one tree, then compare
 * two dumps (say main and a branch with a retrained attribution tagger). Offsets only: the dumps
 * hold no article text unless `--text` is given (then keep them out of the repository).
 *
 *   npx tsx scripts/claim-diff.ts dump /tmp/main.json            # leave-one-event-out pair models
 *   npx tsx scripts/claim-diff.ts dump /tmp/main.json --shipped  # the shipped pair model
 *   npx tsx scripts/claim-diff.ts compare /tmp/main.json /tmp/branch.json [--list]
 *
 * Compare says, per event: claim units kept, changed (same article, overlapping span, other
 * offsets), lost and new; and for the fixed set's gold claims, which stayed in the same company
 * (the same other set claims in their narrative), which were regrouped, lost or regained, and
 * whether the claim's own unit or a unit of its narrative changed span. Never run on final.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { claimSetKeys, claimSetPathFor, loadClaimSet, scoreEvent } from '../src/eval/narratives/index.js';
import { aligns, overlap } from '../src/eval/narratives/metrics.js';
import { goldLabelOf, goldRuns, type GoldRun } from './gold-runs.js';
import { looRuns } from './loo-runs.js';

const GOLD = 'data/gold/narratives/dev';

interface Unit { readonly article: string; readonly start: number; readonly end: number; readonly voice: string; readonly speaker: string | null; readonly stance: string; readonly gold: string | null; readonly narrative: string | null; readonly text?: string }
interface Fate { readonly key: string; readonly predicted: string | null; readonly unit: string | null }
interface EventDump { readonly event: string; readonly units: Unit[]; readonly fates: Fate[] }

const unitKey = (u: { article: string; start: number; end: number }): string => `${u.article}:${u.start}-${u.end}`;

function dumpRun(run: GoldRun, set: ReadonlySet<string>, withText: boolean): EventDump {
  const reported = new Map<string, string>();
  for (const n of run.report.narratives) for (const c of n.claims) reported.set(`${c.articleId}:${c.start}-${c.end}`, n.id);
  const units = run.analysis.claims.map((c) => ({
    article: c.articleId, start: c.start, end: c.end, voice: c.voice, speaker: c.actorId ?? c.sourceText ?? null, stance: c.stance,
    gold: goldLabelOf(run.gold, c), narrative: reported.get(`${c.articleId}:${c.start}-${c.end}`) ?? null,
    ...(withText ? { text: c.text } : {}),
  }));
  const toolClaims = run.report.narratives.flatMap((n) => n.claims);
  const fates = scoreEvent(run.gold, run.report).claims.filter((c) => set.has(c.key)).map((c) => {
    // The reported claim the scorer put it with: the aligned one sharing most characters.
    const at = c.key.slice(c.key.indexOf('@') + 1);
    const [article, range] = [at.slice(0, at.lastIndexOf(':')), at.slice(at.lastIndexOf(':') + 1)];
    const [start, end] = range.split('-').map(Number) as [number, number];
    const span = { articleId: article, start, end };
    let best: { key: string; shared: number } | null = null;
    for (const t of toolClaims) {
      if (!aligns(t, span)) continue;
      const shared = overlap(t, span);
      if (!best || shared > best.shared) best = { key: `${t.articleId}:${t.start}-${t.end}`, shared };
    }
    return { key: c.key, predicted: c.predicted, unit: best?.key ?? null };
  });
  return { event: run.gold.event, units, fates };
}

async function dump(out: string): Promise<void> {
  const set = claimSetKeys(loadClaimSet(claimSetPathFor(GOLD)));
  const events: EventDump[] = [];
  const runs = process.argv.includes('--shipped') ? goldRuns(GOLD) : looRuns(GOLD);
  for await (const run of runs) events.push(dumpRun(run, set, process.argv.includes('--text')));
  writeFileSync(out, `${JSON.stringify(events)}\n`);
  process.stderr.write(`claim-diff: ${events.length} events -> ${out}\n`);
}

/** Match the units of two runs of one event: exact, else the most overlapping unmatched one. */
function matchUnits(a: readonly Unit[], b: readonly Unit[]): { same: [Unit, Unit][]; changed: [Unit, Unit][]; lost: Unit[]; added: Unit[] } {
  const bByKey = new Map(b.map((u) => [unitKey(u), u]));
  const same: [Unit, Unit][] = [];
  const rest: Unit[] = [];
  const used = new Set<Unit>();
  for (const u of a) {
    const v = bByKey.get(unitKey(u));
    if (v) { same.push([u, v]); used.add(v); } else rest.push(u);
  }
  const changed: [Unit, Unit][] = [];
  const lost: Unit[] = [];
  for (const u of rest) {
    let best: { v: Unit; shared: number } | null = null;
    for (const v of b) {
      if (used.has(v) || v.article !== u.article) continue;
      const shared = Math.min(u.end, v.end) - Math.max(u.start, v.start);
      if (shared > 0 && (!best || shared > best.shared)) best = { v, shared };
    }
    if (best) { changed.push([u, best.v]); used.add(best.v); } else lost.push(u);
  }
  return { same, changed, lost, added: b.filter((v) => !used.has(v)) };
}

function compare(fileA: string, fileB: string): void {
  const read = (f: string): Map<string, EventDump> => new Map((JSON.parse(readFileSync(f, 'utf8')) as EventDump[]).map((e) => [e.event, e]));
  const A = read(fileA);
  const B = read(fileB);
  const list = process.argv.includes('--list');
  const total: Record<string, number> = {};
  const add = (k: string, n: number): void => { total[k] = (total[k] ?? 0) + n; };
  for (const [event, a] of A) {
    const b = B.get(event);
    if (!b) continue;
    const m = matchUnits(a.units, b.units);
    const changedKeys = new Set(m.changed.flatMap(([u, v]) => [unitKey(u), unitKey(v)]));
    // A unit is touched when its span changed, it is lost or new, or its speaker or stance changed.
    const respoken = m.same.filter(([u, v]) => u.speaker !== v.speaker || u.stance !== v.stance).map(([u]) => unitKey(u));
    const touched = new Set([...changedKeys, ...m.lost.map(unitKey), ...m.added.map(unitKey), ...respoken]);
    // Units of each tool narrative, to tell whether a regrouped claim's narrative had a changed unit.
    const unitsOf = (d: EventDump): Map<string, string[]> => {
      const by = new Map<string, string[]>();
      for (const u of d.units) if (u.narrative) by.set(u.narrative, [...(by.get(u.narrative) ?? []), unitKey(u)]);
      return by;
    };
    const [ua, ub] = [unitsOf(a), unitsOf(b)];
    const mates = (d: EventDump, f: Fate): string => (f.predicted === null ? '' : d.fates.filter((g) => g !== f && g.predicted === f.predicted).map((g) => g.key).sort().join(','));
    const fb = new Map(b.fates.map((f) => [f.key, f]));
    const kinds: Record<string, number> = {};
    const lines: string[] = [];
    for (const f of a.fates) {
      const g = fb.get(f.key);
      if (!g) continue;
      const ownChanged = (f.unit !== null && touched.has(f.unit)) || (g.unit !== null && touched.has(g.unit));
      const narrChanged = [...(f.predicted ? ua.get(f.predicted) ?? [] : []), ...(g.predicted ? ub.get(g.predicted) ?? [] : [])].some((k) => touched.has(k));
      let kind: string;
      if (f.predicted !== null && g.predicted === null) kind = f.unit && m.lost.some((u) => unitKey(u) === f.unit) ? 'lost: unit gone' : ownChanged ? 'lost: unit span or speaker changed' : 'lost: same unit, not reported';
      else if (f.predicted === null && g.predicted !== null) kind = 'regained';
      else if (f.predicted === null) kind = 'lost in both';
      else if (mates(a, f) === mates(b, g)) kind = 'same company';
      else kind = ownChanged ? 'regrouped: own unit changed' : narrChanged ? 'regrouped: a unit of its narrative changed' : 'regrouped: no unit of its narratives changed';
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      add(kind, 1);
      if (list && kind !== 'same company' && kind !== 'lost in both') lines.push(`    ${kind}: ${f.key} (${f.unit ?? '-'} in ${f.predicted ?? '-'} -> ${g.unit ?? '-'} in ${g.predicted ?? '-'})`);
    }
    const goldUnits = (us: readonly Unit[]): number => us.filter((u) => u.gold !== null && u.gold !== '#bg').length;
    add('units same span, other speaker or stance', respoken.length);
    add('units same', m.same.length); add('units changed', m.changed.length); add('units lost', m.lost.length); add('units new', m.added.length);
    add('gold units changed', m.changed.filter(([u, v]) => u.gold !== null || v.gold !== null).length);
    process.stdout.write(`${event}: units ${a.units.length} -> ${b.units.length} (same ${m.same.length}, changed ${m.changed.length}, lost ${m.lost.length}, new ${m.added.length}; on gold narrative claims: changed ${m.changed.filter(([u]) => u.gold !== null && u.gold !== '#bg').length}, lost ${goldUnits(m.lost)}, new ${goldUnits(m.added)}) | set claims: ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
    if (list) {
      for (const [u, v] of m.changed) if (u.gold !== null || v.gold !== null) lines.push(`    span ${unitKey(u)} -> ${v.start}-${v.end} (${v.start - u.start >= 0 ? '+' : ''}${v.start - u.start}/${v.end - u.end >= 0 ? '+' : ''}${v.end - u.end}) gold ${u.gold ?? '-'} -> ${v.gold ?? '-'} narr ${u.narrative ?? '-'} -> ${v.narrative ?? '-'}${u.text ? `\n      A: ${u.text}\n      B: ${v.text ?? ''}` : ''}`);
      for (const u of m.lost) if (u.gold !== null) lines.push(`    lost unit ${unitKey(u)} gold ${u.gold} narr ${u.narrative ?? '-'}${u.text ? ` ${u.text}` : ''}`);
      for (const v of m.added) if (v.gold !== null) lines.push(`    new unit ${unitKey(v)} gold ${v.gold} narr ${v.narrative ?? '-'}${v.text ? ` ${v.text}` : ''}`);
      process.stdout.write(lines.map((l) => `${l}\n`).join(''));
    }
  }
  process.stdout.write(`ALL: ${Object.entries(total).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
}

const [mode, x, y] = process.argv.slice(2);
if (mode === 'dump' && x) await dump(x);
else if (mode === 'compare' && x && y) compare(x, y);
else throw new Error('usage: claim-diff.ts dump OUT.json [--shipped] [--text] | compare A.json B.json [--list]');
