import { join } from 'node:path';
import { reportOf } from '../test/support/report.js';
const dir = process.argv[2] ?? 'corpora/crocus-outlets';
const { report } = await reportOf([join('/work/wt/narr-merge3', dir)]);
const byId = new Map(report.attributions?.map?.((a: any) => [a.id, a]) ?? []);
for (const n of report.narratives as any[]) {
  console.log(`${n.id} [${n.answer}] backers=${(n.backers??[]).join(',')}`);
  for (const c of n.claims) console.log(`    ${c.role} q=${c.question ?? ''} ${c.text.slice(0, 110)}`);
}
