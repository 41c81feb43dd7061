/**
 * The omissions table: each omission the report states, with what it rests on, so a reader can
 * check it rather than take "omitted" on trust. "Gulf Monitor omits 'Who was behind the attack?
 * Ukraine …'" is worth little alone; "carried by Atlantic Courier (2 claims), Eastern Herald
 * (1 claim); Gulf Monitor never names Aleksandr Bortnikov or Vladimir Putin, and tells the rival
 * answer 'ISIS-K alone'" says why, and which articles to read to see it.
 */
import type { DivergenceReport, ReportNarrative, ReportOutlet } from '../types.js';

/** One stated omission: event, outlet, narrative (id and label), who carries it, why it is stated. */
export type OmissionRow = readonly [string, string, string, string, string];

const plural = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;

/**
 * One row per narrative an outlet is stated to omit (`ReportOutlet.omitted`), in report order:
 * the other outlets that tell it with their number of telling claims ("Atlantic Courier (2
 * claims)"), then why: the outlet never names its named backers (the identifiable-actor test of
 * `omissions.ts`; described ones such as "three sources" are left out, as there), and the rival
 * answers in conflict with it that the outlet tells instead, if any.
 * @example omissionRows(report) // [['e1', 'Gulf Monitor', 'e1.n2 Who was behind …? Ukraine', 'Atlantic Courier (2 claims), …', 'none of its claims …; never names Aleksandr Bortnikov, Vladimir Putin or Ukraine; tells the rival answer e1.n1 ISIS-K alone']]
 */
export function omissionRows(report: DivergenceReport): OmissionRow[] {
  const outletOf = new Map(report.articles.map((a) => [a.id, a.outlet]));
  const actors = new Map(report.actors.map((a) => [a.id, a]));
  const narratives = new Map(report.narratives.map((n) => [n.id, n]));
  const carriers = (n: ReportNarrative): string => {
    const counts = new Map<string, number>();
    for (const c of n.claims) if (c.role === 'tells') { const o = outletOf.get(c.articleId) ?? c.articleId; counts.set(o, (counts.get(o) ?? 0) + 1); }
    return [...counts].map(([o, k]) => `${o} (${plural(k, 'claim')})`).join(', ');
  };
  const why = (o: ReportOutlet, n: ReportNarrative): string => {
    const named = (o.unnamed?.[n.id] ?? []).map((id) => actors.get(id)?.name ?? id);
    const rivals = report.conflicts.flatMap((c) => (c.a === n.id ? [c.b] : c.b === n.id ? [c.a] : []))
      .filter((id) => o.coverage[id] === 'tells').map((id) => `${id} ${narratives.get(id)?.answer ?? ''}`.trim());
    const parts = [
      'none of its claims tells, disputes or discusses it',
      ...(named.length > 0 ? [`never names ${named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`}`] : []),
      ...(rivals.length > 0 ? [`tells the rival answer ${rivals.join(', ')}`] : []),
    ];
    return parts.join('; ');
  };
  return report.outlets.flatMap((o) => o.omitted.flatMap((id): OmissionRow[] => {
    const n = narratives.get(id);
    return n ? [[o.event, o.outlet, `${n.id} ${n.label}`, carriers(n), why(o, n)]] : [];
  }));
}
