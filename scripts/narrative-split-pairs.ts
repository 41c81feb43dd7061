/**
 * Where B-cubed recall is lost, by kind of claim pair (dev only: never run it on the final half):
 *
 *   npx tsx scripts/narrative-split-pairs.ts data/gold/narratives/dev [--only EVENT] [--list]
 *
 * For every pair of telling claims of reported narratives that carry the same gold narrative but
 * sit in two reported narratives (a split pair), one count by kind: same or different speaker,
 * same or different article, own voice, and the two claims' question kinds; each pair weighs
 * 1 / (claims of its gold narrative), as its share of B-cubed recall. Pairs kept together are
 * counted the same way, so each kind's recall shows.
 */
import { goldLabelOf, goldRuns } from './gold-runs.js';
import { CategoryCounts, errorArgs, short } from './error-listing.js';

const { dir, list, only } = errorArgs('narrative-split-pairs');
const counter = new CategoryCounts();
const mass = new Map<string, { split: number; together: number; apart: number; merged: number; pairs: number }>();
const add = (kind: string, split: boolean, w: number, same = true): void => {
  const m = mass.get(kind) ?? { split: 0, together: 0, apart: 0, merged: 0, pairs: 0 };
  if (same) { m.pairs++; if (split) m.split += w; else m.together += w; } else if (split) m.apart += 1; else m.merged += 1;
  mass.set(kind, m);
};
for await (const { gold, trace } of goldRuns(dir, only)) {
  const { sides, kept, features, claims } = trace;
  const where = new Map<number, number>();
  sides.forEach((s, k) => { if (kept[k]) for (const i of s.telling) where.set(i, k); });
  const label = new Map<number, string>();
  for (const i of where.keys()) { const c = claims[i]; const l = c ? goldLabelOf(gold, c) : null; if (l && /^n\d+$/.test(l)) label.set(i, l); }
  const size = new Map<string, number>();
  for (const l of label.values()) size.set(l, (size.get(l) ?? 0) + 1);
  const ids = [...label.keys()].sort((a, b) => a - b);
  for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) {
    const i = ids[x] as number; const j = ids[y] as number;
    const same = label.get(i) === label.get(j);
    const a = claims[i]; const b = claims[j]; const fa = features[i]; const fb = features[j];
    if (!a || !b || !fa || !fb) continue;
    const split = where.get(i) !== where.get(j);
    const w = 1 / (size.get(label.get(i) ?? '') ?? 1);
    const voice = a.voice === 'own' || b.voice === 'own' ? 'own voice' : a.actorId && a.actorId === b.actorId ? 'same speaker' : !a.actorId || !b.actorId ? 'unnamed speaker' : 'two speakers';
    const place = a.articleId === b.articleId ? 'same article' : a.outlet === b.outlet ? 'same outlet' : 'two outlets';
    const q = fa.question === fb.question ? `same question` : fa.question === 'truth' || fb.question === 'truth' ? 'truth + specific' : 'two specific questions';
    add(`${voice}, ${place}`, split, w, same);
    add(`question: ${q}`, split, w, same);
    add(`${voice}, ${place}, ${q}`, split, w, same);
    if (!same) continue;
    add(`event ${gold.event.slice(0, 30)}`, split, w);
    if (split) counter.count('split pair', `${voice}, ${place}, ${q}`);
    if (list && split) console.log(`  ${gold.event.slice(0, 16)} ${label.get(i)} [${voice}, ${place}, ${fa.question}/${fb.question}] "${short(a.text, 60)}" | "${short(b.text, 60)}"`);
  }
}
counter.print();
console.log('\nrecall mass by kind (split / together, each pair weighs 1 / gold narrative size; then same-narrative pairs; then pairs of two gold narratives: apart / merged):');
for (const [kind, m] of [...mass].sort((p, q) => q[1].split - p[1].split)) console.log(`${m.split.toFixed(1).padStart(7)} ${m.together.toFixed(1).padStart(7)}  ${(100 * m.together / (m.split + m.together || 1)).toFixed(0).padStart(3)}%  ${String(m.pairs).padStart(5)}  ${String(m.apart).padStart(5)} ${String(m.merged).padStart(5)}  ${kind}`);
