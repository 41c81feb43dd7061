/**
 * Why the narratives stage's omissions, backers and disputers are wrong, by category, on a gold
 * folder (dev only: never run it on the held-back final half while tuning):
 *
 *   npx tsx scripts/narrative-errors.ts data/gold/narratives/dev [--list] [--only EVENT]
 *
 * It runs what `eval narratives` runs (the same pipeline and scorer mapping), then for every
 * reported omission and every judged backer and disputer says whether it is right and, when it is
 * wrong, why: the tool narrative maps to no gold narrative; the outlet tells it in a claim the tool
 * put elsewhere or never extracted; the backer is really a disputer, a backer of another narrative,
 * the speaker of a claim the gold gives to someone else or to the outlet's own voice... Counts per
 * category are printed; `--list` prints every item with its evidence; `ACTOR_TSV=1` writes one
 * tab-separated row per judged backer and disputer to stderr (kind, claims, stances, cue lemmas),
 * to try a rule on all of them before writing it.
 *
 * `--fate` says, for every gold claim of a narrative, which step kept it out of every narrative
 * (see `fateOf`), counted as `gold claim: ...` (with `--list`, each claim). With it,
 * `STRAY_TSV=1` writes one row per (stray gold claim, reported narrative) to stderr (edge weights,
 * same article, sentence gap, speaker a backer, and whether the narrative maps to the claim's
 * gold narrative), to test an attachment rule offline; `FATE_NAMES=1` prints the speaker of each
 * stray whose speaker backs no narrative beside the backers of the narratives of its gold one.
 */
import { aligns, overlap } from '../src/eval/narratives/metrics.js';
import { scoreEvent } from '../src/eval/narratives/score.js';
import type { GoldEvent } from '../src/eval/narratives/gold-schema.js';
import type { NarrativeClaim } from '../src/types/index.js';
import { goldRuns } from './gold-runs.js';
import { CategoryCounts, claimSpan, errorArgs, statedOmissions, short, spanOf, wrongActor, actorChecks, eventIndex } from './error-listing.js';
import type { NarrativeTrace } from '../src/07-narratives/build.js';
import type { NarrativeAnalysis } from '../src/types/index.js';
import { backing } from '../src/07-narratives/strays.js';

const { dir, list, only, has } = errorArgs('narrative-errors');
const fate = has('--fate');
const counter = new CategoryCounts();
const { count } = counter;


/** Actor names of the event being read (for `FATE_NAMES`). */
const NAMES = new Map<string, string>();

/**
 * `--fate`: where each gold claim went, by the step that kept it out of every narrative: never
 * built as a claim; told in the outlet's own voice in a side that is no narrative (background);
 * in an attributed side that is no narrative (why: one outlet, no named speaker...) and not moved
 * by the stray step (why: a denial, no speaker, its speaker backs no narrative, weak edges).
 * Each category also says whether the claim's gold narrative has a tool narrative mapped to it
 * (`gold narrative found`: a join could place it) or not (only a new narrative could).
 */
function fateOf(gold: GoldEvent, analysis: NarrativeAnalysis, trace: NarrativeTrace, mapping: Record<string, string>): void {
  const inNarrative = new Map<string, string>();
  for (const n of analysis.narratives) for (const id of [...n.claimIds, ...n.disputingClaimIds]) inNarrative.set(id, n.id);
  const found = new Set(Object.values(mapping));
  const sideBefore = new Map<number, number>();
  trace.tellingBefore.forEach((t, s) => { for (const i of t) sideBefore.set(i, s); });
  const keptSpeakers = new Set(analysis.narratives.flatMap((n) => n.backers));
  for (const n of gold.questions.flatMap((q) => q.narratives)) {
    for (const span of n.claims) {
      const hits = trace.claims.map((c, i) => ({ c, i })).filter(({ c }) => aligns(claimSpan(c), spanOf(span)))
        .sort((a, b) => overlap(claimSpan(b.c), spanOf(span)) - overlap(claimSpan(a.c), spanOf(span)));
      let category: string;
      const hit = hits.find(({ c }) => inNarrative.has(c.id)) ?? hits[0];
      if (!hit) category = 'not built as a claim';
      else if (inNarrative.has(hit.c.id)) {
        const m = mapping[inNarrative.get(hit.c.id) ?? ''] ?? 'none';
        category = m === n.id ? 'in a narrative mapped to its gold narrative' : `in a narrative mapped to ${m === 'none' || m === 'background' ? m : m.startsWith('¬') ? 'a denial' : 'another gold narrative'}`;
      } else {
        const c = hit.c;
        const s = sideBefore.get(hit.i);
        const reason = s === undefined ? 'a disputing claim of a side' : trace.reasons[s] ?? 'side kept, moved out';
        const size = s === undefined ? 0 : trace.tellingBefore[s]?.length ?? 0;
        if (c.voice === 'own') category = `own voice, side: ${reason}`;
        else {
          const f = trace.features[hit.i];
          const why = !c.actorId ? 'no named speaker' : !backing(f) ? 'denial/doubt' : !keptSpeakers.has(c.actorId) ? 'speaker backs no narrative' : 'weak edges or other question';
          category = `attributed, side: ${reason} (${size > 1 ? 'several claims' : 'alone'}); stray: ${why}`;
        }
        category += found.has(n.id) ? ' [gold narrative found]' : ' [gold narrative not found]';
      }
      count('gold claim', category);
      if (process.env['STRAY_TSV'] && hit && !inNarrative.has(hit.c.id)) strayRows(gold.event, n.id, hit.i, trace, analysis, mapping);
      if (process.env['FATE_NAMES'] && hit && category.includes('speaker backs no narrative') && found.has(n.id)) {
        const nameOf = (id: string): string => NAMES.get(id) ?? id;
        const targets = analysis.narratives.filter((x) => mapping[x.id] === n.id);
        console.log(`  names ${gold.event.slice(0, 12)} ${n.id}: ${nameOf(hit.c.actorId ?? '')} -> ${targets.map((t) => t.backers.map(nameOf).join('/')).join(' ; ')}`);
      }
      if (list && !category.startsWith('in a narrative mapped to its')) console.log(`  fate ${gold.event.slice(0, 18)} ${n.id}: ${category}: "${short(hit?.c.text ?? span.hint, 80)}" [${hit?.c.actorId ?? hit?.c.sourceText ?? 'own'}|${hit?.c.stance ?? ''}]`);
    }
  }
}

/** `STRAY_TSV=1`: one row per (stray gold claim, reported narrative) with what could place it. */
function strayRows(event: string, label: string, i: number, trace: NarrativeTrace, analysis: NarrativeAnalysis, mapping: Record<string, string>): void {
  const index = new Map(trace.claims.map((c, k) => [c.id, k]));
  const c = trace.claims[i];
  if (!c) return;
  for (const n of analysis.narratives) {
    const own = n.claimIds.map((id) => index.get(id) ?? -1).filter((j) => j >= 0 && j !== i);
    if (own.length === 0) continue;
    const ws = own.map((j) => trace.weight(i, j)).sort((a, b) => b - a);
    const same = own.filter((j) => trace.claims[j]?.articleId === c.articleId);
    const gap = Math.min(99, ...same.map((j) => Math.abs((trace.claims[j]?.sentence ?? 0) - c.sentence)));
    const speakerIn = !!c.actorId && n.backers.includes(c.actorId);
    console.error(['TSV', event.slice(0, 14), c.id, n.id, mapping[n.id] === label ? 1 : 0, c.voice, c.actorId ? 'named' : c.sourceText ? 'src' : 'none',
      ws[0]?.toFixed(3), (ws.slice(0, 3).reduce((x, y) => x + y, 0) / Math.min(3, ws.length)).toFixed(3), (ws.reduce((x, y) => x + y, 0) / ws.length).toFixed(3),
      same.length, gap, speakerIn ? 1 : 0, own.length, n.outlets.length].join('\t'));
  }
}

const totals = { omissions: { all: 0, right: 0 }, backers: { all: 0, right: 0 }, disputers: { all: 0, right: 0 } };
for await (const { gold, report, analysis, trace } of goldRuns(dir, only)) {
  const { mapping } = scoreEvent(gold, report).details;
  for (const a of report.actors) NAMES.set(a.id, a.name);
  if (fate) fateOf(gold, analysis, trace, mapping);
  const { goldById, spans, outletOfArticle, names, goldNames, claimById, placesOf } = eventIndex(gold, report, analysis, mapping);
  const lines: string[] = [];

  // Omissions.
  for (const x of statedOmissions(report, mapping, goldById, outletOfArticle)) {
    const { outlet, id, m, g, decided } = x;
    let { right, category } = x;
    let evidence = '';
    // Decided by the gold omission, or by searching where the outlet's gold spans went.
    if (!decided && g?.omittedBy.includes(outlet)) { right = true; category = 'right'; } else if (!decided && g) {
      // Where the outlet's own gold spans of G ended up in the tool.
      const places = placesOf(g.id, outlet);
      const best = places[0];
      category = best ? best.what.replace(/ \(.*\)$/, '') : 'outlet has no gold span (gold omittedBy inconsistent)';
      if (places.every((p) => p.s.label.startsWith('~'))) category += ' [only discussion spans]';
      evidence = places.map((p) => `${p.what}: "${short(p.s.span.hint, 60)}"`).join(' | ');
    }
    totals.omissions.all++; if (right) totals.omissions.right++;
    count('omission', category);
    if (list) lines.push(`  omit ${right ? 'OK ' : 'BAD'} ${outlet} omits ${id} (${m}): ${category}${evidence ? `\n        ${evidence}` : ''}`);
  }

  // Backers and disputers.
  for (const { n, m, g, role0, role, actor, actorNames, matches, right } of actorChecks({ narratives: analysis.narratives, mapping, goldById, names, goldNames })) {
    totals[role].all++; if (right) totals[role].right++;
    const kind = report.actors.find((a) => a.id === actor)?.kind ?? '?';
    count(`${role} by kind`, `${kind} ${right ? 'right' : 'wrong'}`);
    if (process.env['ACTOR_TSV']) {
      const ids0 = role0 === 'backers' ? n.claimIds : n.disputingClaimIds;
      const mine = ids0.map((id) => claimById.get(id)).filter((c): c is NarrativeClaim => !!c && (c.actorId === actor || (c.coActorIds ?? []).includes(actor)));
      const main = mine.filter((c) => c.actorId === actor);
      console.error(['TSV', gold.event.slice(0, 14), role0, role, right ? 1 : 0, kind, JSON.stringify(actorNames[0]), mine.length, main.length,
        mine.map((c) => c.stance).join(','), mine.map((c) => c.proposition?.polarity ?? 1).join(','), mine.map((c) => c.cueLemma ?? '').join(','), n.outlets.length, n.claimIds.length, n.backers.length].join('\t'));
    }
    if (right) { count(role, 'right'); continue; }
    // The tool claims that made it a backer/disputer, the gold spans they align with, and why.
    const ids = role0 === 'backers' ? n.claimIds : [...n.disputingClaimIds, ...n.claimIds];
    const { own, aligned, category } = wrongActor({ gold, g, role, actor, claims: ids.map((id) => claimById.get(id)), spans, matches });
    count(role, category);
    if (list) {
      const ev = aligned.map((a) => `${a.label}${a.span.speaker ? `@${a.span.speaker}` : ''}: "${short(a.c.text, 70)}"`).join(' | ')
        || own.map((c) => `"${short(c.text, 70)}" (${c.voice}, src "${c.sourceText ?? ''}")`).join(' | ');
      lines.push(`  ${role === 'backers' ? 'backer  ' : 'disputer'} BAD ${actorNames[0]} [${kind}] on ${n.id} (${m}): ${category}\n        ${ev}`);
    }
  }
  if (list) console.log(`${gold.event}\n${lines.join('\n')}`);
}
const pct = (x: { all: number; right: number }): string => `${x.right}/${x.all} = ${x.all ? ((100 * x.right) / x.all).toFixed(1) : '0'}%`;
console.log(`\nomissions right ${pct(totals.omissions)}; backers ${pct(totals.backers)}; disputers ${pct(totals.disputers)}`);
counter.print();
