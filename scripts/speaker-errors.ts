/**
 * Who speaks each gold claim, against the tool's speaker of the claims aligned with it: a
 * claim-level view of backer errors, independent of how the claims were grouped into narratives.
 * Dev only (never run it on the held-back final half while tuning):
 *
 *   npx tsx scripts/speaker-errors.ts data/gold/narratives/dev [--list] [--only EVENT]
 *
 * Every gold span (a narrative's claim or dispute) with a named speaker (not the outlet's own
 * voice) is judged once, by the tool claim that overlaps it most: `right` when the claim's speaker
 * (or a co-speaker) shares a name or alias with the gold speaker; otherwise the category says how
 * the source was written (`pronoun`, `title`, `description`, `name`...: the form of the local
 * mention the source resolved through) and what the tool made of it (no actor, another actor).
 * `--list` prints each wrong item: gold speaker, tool speaker, the source as written.
 */
import { sameActor, aligns, overlap } from '../src/eval/narratives/metrics.js';
import { goldRuns } from './gold-runs.js';
import { CategoryCounts, claimSpan, errorArgs, short, spanOf } from './error-listing.js';

const { dir, list, only } = errorArgs('speaker-errors');
const counter = new CategoryCounts();
const { count } = counter;
let right = 0;
let judged = 0;

for await (const run of goldRuns(dir, only)) {
  const { gold, report, analysis, analysed } = run;
  if (list) console.log(gold.event);
  const toolNames = new Map(report.actors.map((a) => [a.id, [a.name, ...a.aliases]]));
  const goldNames = new Map(gold.actors.map((a) => [a.id, [a.name, ...a.aliases]]));
  const articles = new Map(analysed.map((a) => [a.id, a]));
  for (const n of gold.questions.flatMap((q) => q.narratives)) {
    for (const span of [...n.claims, ...n.disputes]) {
      if (!span.speaker || span.speaker === 'own') continue;
      const g = spanOf(span);
      const hit = analysis.claims.filter((c) => aligns(claimSpan(c), g)).sort((a, b) => overlap(claimSpan(b), g) - overlap(claimSpan(a), g))[0];
      if (!hit) continue;
      judged++;
      const want = goldNames.get(span.speaker) ?? [span.speaker];
      const ids = [hit.actorId, ...(hit.coActorIds ?? [])].filter((x): x is string => !!x);
      if (ids.some((id) => sameActor(want, toolNames.get(id) ?? []))) { right++; count('speaker', 'right'); continue; }
      const article = articles.get(hit.articleId);
      const attribution = article?.attributions.find((a) => a.id === hit.attributionId);
      const sourceText = attribution?.source?.spans.map((s) => s.text).join(' … ') ?? '';
      // The form of the local mentions inside the source: how the speaker was written.
      const forms = new Set<string>();
      for (const actor of article?.actors ?? []) for (const m of actor.mentions) {
        if (attribution?.source?.spans.some((s) => m.start >= s.start && m.end <= s.end)) forms.add(m.form);
      }
      const form = hit.voice === 'own' ? 'own voice' : !attribution?.source ? 'no source' : forms.size === 0 ? 'no mention' : [...forms].sort().join('+');
      const what = hit.voice === 'own' ? '' : ids.length === 0 ? 'no actor' : 'another actor';
      count('speaker wrong', `${form}: ${what}`);
      if (list) {
        const tool = ids.map((id) => report.actors.find((a) => a.id === id)?.name ?? id).join(', ') || '-';
        console.log(`  ${form.padEnd(18)} gold ${want[0]} | tool ${tool} | source "${short(sourceText, 60)}" | ${hit.articleId} "${short(hit.text, 60)}"`);
      }
    }
  }
}
console.log(`speakers right ${right}/${judged} = ${judged ? ((100 * right) / judged).toFixed(1) : '0'}%`);
counter.print();
