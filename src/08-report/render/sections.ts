import type { DivergenceReport } from '../types.js';

/** A titled table of plain values: what every text renderer shows, format aside. */
export interface Section {
  readonly id: string;
  readonly title: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** The report's tables in display order, shared by the Markdown and HTML renderers. */
export function sectionsOf(report: DivergenceReport): Section[] {
  return [
    {
      id: 'outlets',
      title: 'Outlets',
      head: ['outlet', 'articles', 'attributions', 'unattributed claims', 'stance classes', 'most quoted'],
      rows: report.outlets.map((o) => [
        o.outlet, o.articles, o.attributions, o.unattributedClaims,
        Object.entries(o.cueClasses).filter(([, n]) => n > 0).map(([c, n]) => `${c} ${n}`).join(', '),
        o.sources.slice(0, 5).map((s) => `${s.name} (${s.count})`).join(', '),
      ]),
    },
    {
      id: 'pairs',
      title: 'Outlet pairs',
      head: ['outlet A', 'outlet B', 'stance', 'sources', 'score'],
      rows: report.divergence.pairs.map((p) => [p.a, p.b, p.stance, p.sources, p.score]),
    },
    {
      id: 'actors',
      title: 'How each outlet frames each actor',
      head: ['actor', 'kind', 'outlet', 'attributions', 'verbs (class)'],
      rows: report.actors.flatMap((a) => a.byOutlet.map((o) => [
        a.name, a.kind, o.outlet, o.attributions,
        o.verbs.map((v) => `${v.lemma} (${v.stanceClass}) ×${v.count}`).join(', ') || '—',
      ])),
    },
    {
      id: 'articles',
      title: 'Articles',
      head: ['id', 'outlet', 'title', 'attributions', 'dropped regions', 'duplicate of'],
      rows: report.articles.map((a) => [a.id, a.outlet, a.title ?? '', a.attributions, a.dropped, a.duplicateOf ?? '']),
    },
  ];
}
