import type { DivergenceReport, ReportNarrative, ReportOutlet } from '../types.js';
import { omissionRows } from './omission-rows.js';

/** A titled table of plain values: what every text renderer shows, format aside. */
export interface Section {
  readonly id: string;
  readonly title: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** Lookups the renderers share: actor and narrative names by id. */
export interface Names {
  actor(id: string): string;
  narrative(id: string): string;
  narrativeOf(id: string): ReportNarrative | undefined;
}

/** Build the name lookups of a report. */
export function namesOf(report: DivergenceReport): Names {
  const actors = new Map(report.actors.map((a) => [a.id, a.name]));
  const narratives = new Map(report.narratives.map((n) => [n.id, n]));
  return {
    actor: (id) => actors.get(id) ?? id,
    narrative: (id) => {
      const n = narratives.get(id);
      return n ? `${n.id} ${n.label}` : id;
    },
    narrativeOf: (id) => narratives.get(id),
  };
}

/** The narratives and outlets of each event, in report order (one pass, not one per event). */
export function groupByEvent(report: DivergenceReport): Map<string, { narratives: ReportNarrative[]; outlets: ReportOutlet[] }> {
  const groups = new Map<string, { narratives: ReportNarrative[]; outlets: ReportOutlet[] }>();
  const of = (event: string) => {
    const g = groups.get(event) ?? { narratives: [], outlets: [] };
    groups.set(event, g);
    return g;
  };
  for (const n of report.narratives) of(n.event).narratives.push(n);
  for (const o of report.outlets) of(o.event).outlets.push(o);
  return groups;
}

/** One outlet's coverage of one narrative in words: "tells 40%", "disputes 20%", "discusses", "omitted", "—". */
export function coverageCell(o: ReportOutlet, id: string): string {
  if (o.omitted.includes(id)) return 'omitted';
  const share = o.shares[id] ?? 0;
  const how = o.coverage[id];
  if (how === 'tells' || how === 'disputes') return `${how} ${percent(share)}`;
  return how === 'discusses' ? 'discusses' : '—';
}

/** Share as a percentage string ("33%"). */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

const OPENING = /^["“„«‘']/u;
const CLOSING = /["”»’']$/u;
const ANY_QUOTE = /["“”„«»‘’]/u;

/**
 * A claim's text between one pair of curly quotes. A claim whose span is itself one quotation
 * ("ISIS-K alone bears responsibility," with its marks) loses its own marks and the comma left
 * inside them first, so it is not wrapped twice; quotation marks inside a claim are kept.
 * @example quoted('"ISIS-K alone bears responsibility,"') // '“ISIS-K alone bears responsibility”'
 */
export function quoted(text: string): string {
  let inner = text.trim();
  const body = inner.slice(1, -1).replace(/[,;:]$/u, '');
  if (inner.length >= 2 && OPENING.test(inner) && CLOSING.test(inner) && !ANY_QUOTE.test(body)) inner = body;
  return `“${inner}”`;
}

/** An outlet pair's framing divergence, or why there is none ("no common actor"). */
export const framingCell = (framing: number | null): string | number => framing ?? 'no common actor';

/** The report's tables in display order, shared by the Markdown and HTML renderers. */
export function sectionsOf(report: DivergenceReport): Section[] {
  const names = namesOf(report);
  const list = (ids: readonly string[]): string => ids.map(names.actor).join(', ') || '—';
  const byEvent = groupByEvent(report);
  const tells = (n: ReportNarrative): number => n.claims.filter((c) => c.role === 'tells').length;
  return [
    {
      id: 'questions',
      title: 'Contested questions and their competing answers',
      head: ['question', 'answer', 'backed by', 'disputed by', 'outlets'],
      rows: report.questions.filter((q) => q.contested).flatMap((q) => q.narratives.map((id, i) => {
        const n = names.narrativeOf(id);
        return [i === 0 ? q.text : '', `${id} ${n?.answer ?? ''}`, list(n?.backers ?? []), list(n?.disputers ?? []), n?.outlets.join(', ') ?? ''];
      })),
    },
    {
      id: 'narratives',
      title: 'Narratives',
      head: ['id', 'narrative', 'backers', 'disputers', 'outlets', 'claims telling / disputing'],
      rows: report.narratives.map((n) => [n.id, n.label, list(n.backers), list(n.disputers), n.outlets.join(', '), `${tells(n)} / ${n.claims.length - tells(n)}`]),
    },
    {
      id: 'self-contradictions',
      title: 'Speakers who contradict themselves',
      head: ['narrative', 'speakers'],
      rows: report.narratives.filter((n) => (n.selfContradicted?.length ?? 0) > 0).map((n) => [names.narrative(n.id), list(n.selfContradicted ?? [])]),
    },
    {
      id: 'conflicts',
      title: 'Competing narratives (cannot both be true)',
      head: ['narrative A', 'narrative B', 'why', 'strongest evidence'],
      rows: report.conflicts.map((c) => {
        const claims = new Map([...(names.narrativeOf(c.a)?.claims ?? []), ...(names.narrativeOf(c.b)?.claims ?? [])].map((x) => [x.id, x.text]));
        const top = c.evidence[0];
        return [names.narrative(c.a), names.narrative(c.b), c.reason, top ? `${top.signal}: ${quoted(claims.get(top.claimA) ?? top.claimA)} vs ${quoted(claims.get(top.claimB) ?? top.claimB)}` : ''];
      }),
    },
    {
      id: 'figures',
      title: 'Conflicting figures: the same quantity reported differently',
      head: ['event', 'quantity', 'outlet', 'figure', 'article'],
      rows: report.figures.flatMap((f) => f.mentions.map((m) => [f.event, f.quantity, m.outlet, m.text, m.articleId])),
    },
    {
      id: 'background',
      title: 'Background: what outlets state in their own voice that no one contests',
      head: ['event', 'article', 'statement'],
      rows: report.background.flatMap((b) => b.claims.map((c) => [b.event, c.articleId, c.text])),
    },
    ...report.events.flatMap((event): Section[] => {
      const { narratives, outlets } = byEvent.get(event.id) ?? { narratives: [], outlets: [] };
      if (narratives.length === 0 || outlets.length === 0) return [];
      return [{
        id: `coverage-${event.id}`,
        title: `Coverage of ${event.name}: how each outlet covers each narrative (share of its narrative claims; omitted: it does not address it at all)`,
        head: ['outlet', ...narratives.map((n) => n.id)],
        rows: outlets.map((o) => [o.outlet, ...narratives.map((n) => coverageCell(o, n.id))]),
      }];
    }),
    {
      id: 'omissions',
      title: 'Omissions: narratives an outlet leaves out that other outlets carry, and why the report says so',
      head: ['event', 'outlet', 'omits', 'carried by', 'why'],
      rows: omissionRows(report),
    },
    {
      id: 'voice',
      title: 'Own voice vs attributed: claims per outlet and narrative',
      head: ['event', 'outlet', 'narrative', 'own voice', 'attributed', 'hedged', 'distanced'],
      rows: report.outlets.flatMap((o) => Object.entries(o.voice).filter(([, v]) => v.own + v.attributed > 0)
        .map(([id, v]) => [o.event, o.outlet, names.narrative(id), v.own, v.attributed, v.hedged, v.distanced])),
    },
    {
      id: 'distancing',
      title: 'Distancing marks: scare quotes and labels each outlet uses',
      head: ['event', 'outlet', 'marks'],
      rows: report.outlets.filter((o) => o.distancing.length > 0).map((o) => [o.event, o.outlet, o.distancing.join(', ')]),
    },
    ...report.events.flatMap((event): Section[] => {
      const { outlets } = byEvent.get(event.id) ?? { outlets: [] };
      const cells = new Map<string, Map<string, string[]>>();
      for (const o of outlets) {
        for (const f of o.framing) {
          const row = cells.get(f.actorId) ?? new Map<string, string[]>();
          cells.set(f.actorId, row);
          row.set(o.outlet, [...(row.get(o.outlet) ?? []), `${f.class} ×${f.count}`]);
        }
      }
      if (cells.size === 0) return [];
      // Actors quoted by several outlets first: that is where framing can differ.
      const rows = [...cells].sort((a, b) => b[1].size - a[1].size);
      return [{
        id: `framing-${event.id}`,
        title: `Framing in ${event.name}: the cue classes each outlet uses for each actor`,
        head: ['actor', ...outlets.map((o) => o.outlet)],
        rows: rows.map(([actorId, row]) => [names.actor(actorId), ...outlets.map((o) => row.get(o.outlet)?.join(', ') ?? '—')]),
      }];
    }),
    {
      id: 'prominence',
      title: 'Prominence: how each outlet gives each actor\'s words',
      head: ['event', 'outlet', 'actor', 'direct quotes', 'paraphrased', 'first quoted at', 'share of attributed words'],
      rows: report.outlets.flatMap((o) => o.prominence.map((p) => [o.event, o.outlet, names.actor(p.actorId), p.direct, p.paraphrased, percent(p.firstAt), percent(p.wordShare)])),
    },
    {
      id: 'labels',
      title: 'Labels: the names each outlet uses for each actor',
      head: ['actor', 'outlet', 'labels'],
      rows: report.actors.filter((a) => a.labels.length > 1).flatMap((a) => a.labels.map((l) => [a.name, l.outlet, l.labels.join('; ')])),
    },
    {
      id: 'pairs',
      title: 'Outlet pairs',
      head: ['event', 'outlet A', 'outlet B', 'narratives', 'framing', 'score'],
      rows: report.divergence.pairs.map((p) => [p.event, p.a, p.b, p.narratives, framingCell(p.framing), p.score]),
    },
    {
      id: 'articles',
      title: 'Articles',
      head: ['id', 'outlet', 'title', 'event', 'dropped regions', 'duplicate of'],
      rows: report.articles.map((a) => [a.id, a.outlet, a.title ?? '', a.event, a.dropped.length, a.duplicateOf ?? '']),
    },
  ];
}
