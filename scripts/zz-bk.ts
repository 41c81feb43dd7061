import { buildReport } from '../src/08-report/index.js';
import { analyze } from '../src/pipeline/analyze.js';
import { GoldArticleSource, loadGoldDir, scoreEvent, sameActor } from '../src/eval/narratives/index.js';
const files = await loadGoldDir('data/gold/narratives/dev');
const source = new GoldArticleSource({});
for (const f of files) {
  const arts = []; for await (const r of analyze(await source.articlesOf(f.gold))) arts.push(r);
  const report = buildReport(arts, { eventOf: () => f.gold.event, now: new Date(0) });
  const c = scoreEvent(f.gold, report);
  const names = new Map(report.actors.map((a) => [a.id, [a.name, ...a.aliases]]));
  const kinds = new Map(report.actors.map((a) => [a.id, a.kind]));
  const goldNames = new Map(f.gold.actors.map((a) => [a.id, [a.name, ...a.aliases]]));
  const narr = new Map(f.gold.questions.flatMap((q) => q.narratives).map((n) => [n.id, n]));
  for (const t of report.narratives) {
    const g = narr.get(c.details.mapping[t.id] ?? 'none');
    if (!g) continue;
    for (const b of t.backers) {
      const nm = names.get(b) ?? [b];
      const goldId = f.gold.actors.find((a) => sameActor(goldNames.get(a.id) ?? [], nm))?.id;
      if (goldId && g.backers.includes(goldId)) continue;
      const cl = t.claims.find((x) => x.actorId === b);
      const att = report.attributions.find((a) => a.articleId === cl?.articleId && a.content && cl && a.content.start <= cl.start + 5 && a.content.end >= cl.end - 5);
      console.log(`${f.gold.event.slice(0, 18)} | ${goldId ? 'gold:' + goldId : 'NON-GOLD'} ${kinds.get(b)} "${nm.slice(0, 3).join('/')}" src="${att?.source?.text ?? '?'}" | ${cl?.text.slice(0, 70)}`);
    }
  }
}
