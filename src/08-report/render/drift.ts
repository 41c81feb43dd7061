/**
 * The drift report (what changed between two runs of a job) as Markdown, as an HTML section with
 * an inline SVG timeline, as a stand-alone HTML page, or as JSON. The report renderers embed the
 * Markdown and the HTML section; this module imports only escaping, styles and section helpers, so
 * there is no import cycle with them.
 */
import type { ClassCounts, DriftReport, DriftTimeline, NarrativeDelta } from '../../types/drift.js';
import { esc, mdText } from './escape.js';
import { percent, type Section } from './sections.js';
import { STYLE } from './style.js';

/** Formats `renderDrift` writes (`md` is an alias of `markdown`). */
export type DriftFormat = 'json' | 'markdown' | 'md' | 'html';

/** Series drawn in the timeline chart: more lines than this cannot be told apart. */
const CHART_SERIES = 8;
const COLOURS = ['#2b5fc7', '#d98b00', '#2a9d55', '#c7392b', '#7b4fc7', '#0f8b8d', '#8c6d31', '#d6589b'] as const;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "What changed since run 3", or "First run" for a job's first run. */
function heading(drift: DriftReport): string {
  return drift.from ? `What changed since run ${drift.from.runId}` : 'First run';
}

function intro(drift: DriftReport): string {
  const to = `run ${drift.to.runId} (${drift.to.startedAt})`;
  return drift.from
    ? `Job “${drift.job}”: ${to} compared with run ${drift.from.runId} (${drift.from.startedAt}).`
    : `Job “${drift.job}”: ${to} is its first run, so every narrative is new.`;
}

/** The counts line, always shown even when nothing changed. */
function summary(drift: DriftReport): string {
  return `Narratives: ${drift.new.length} new, ${drift.vanished.length} vanished, ${drift.growing.length} growing, `
    + `${drift.shrinking.length} shrinking, ${drift.steady} steady. `
    + `${plural(drift.outlets.length, 'outlet change')}, ${plural(drift.framing.length, 'framing change')}, ${plural(drift.conflicts.length, 'new conflict')}.`;
}

const classes = (counts: ClassCounts): string =>
  Object.entries(counts).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c, n]) => `${c} ×${n}`).join(', ') || '—';

function narrativeSection(id: string, title: string, deltas: readonly NarrativeDelta[]): Section {
  return {
    id,
    title,
    head: ['id', 'narrative', 'claims', 'share', 'outlets'],
    rows: deltas.map((d) => [d.id, d.label, `${d.claimsFrom} → ${d.claimsTo}`, `${percent(d.shareFrom)} → ${percent(d.shareTo)}`, d.outlets.join(', ') || '—']),
  };
}

/** The drift tables in display order (empty ones included: each format skips them). */
export function driftSections(drift: DriftReport): Section[] {
  const { timeline } = drift;
  return [
    narrativeSection('drift-new', 'New narratives', drift.new),
    narrativeSection('drift-vanished', 'Vanished narratives', drift.vanished),
    narrativeSection('drift-growing', 'Growing narratives', drift.growing),
    narrativeSection('drift-shrinking', 'Shrinking narratives', drift.shrinking),
    {
      id: 'drift-outlets',
      title: 'Outlets that started or stopped carrying a narrative',
      head: ['narrative', 'outlet', 'change'],
      rows: drift.outlets.map((o) => [`${o.narrativeId} ${o.label}`, o.outlet, o.change]),
    },
    {
      id: 'drift-framing',
      title: 'Framing changes: the cue classes an outlet uses for an actor',
      head: ['outlet', 'actor', 'before', 'now', 'divergence'],
      rows: drift.framing.map((f) => [f.outlet, f.actor, classes(f.from), classes(f.to), f.divergence]),
    },
    {
      id: 'drift-conflicts',
      title: 'New conflicts',
      head: ['narrative A', 'narrative B', 'why'],
      rows: drift.conflicts.map((c) => [`${c.a} ${c.labelA}`, `${c.b} ${c.labelB}`, c.reason]),
    },
    {
      id: 'drift-timeline',
      title: 'Share of each narrative over the runs',
      head: ['narrative', ...timeline.runs.map((r) => `run ${r.runId}`)],
      rows: timeline.series.map((s) => [`${s.id} ${s.label}`, ...s.shares.map(percent)]),
    },
  ];
}

const mdRow = (cells: readonly (string | number)[]): string => `| ${cells.map(mdText).join(' | ')} |`;

/**
 * The drift report as a Markdown section: `## What changed since run X` (`## First run` for a
 * job's first run), the counts line, then each non-empty table: new, vanished, growing and
 * shrinking narratives, outlet changes, framing changes, new conflicts and the share timeline.
 * Every text passes through `mdText`.
 * @example renderDriftMarkdown(computeDrift(previous, latest, runs))
 */
export function renderDriftMarkdown(drift: DriftReport): string {
  const lines = [`## ${mdText(heading(drift))}`, '', mdText(intro(drift)), '', `**${mdText(summary(drift))}**`];
  for (const section of driftSections(drift)) {
    if (section.rows.length === 0) continue;
    lines.push('', `### ${mdText(section.title)}`, '', mdRow(section.head), `|${section.head.map(() => ' --- |').join('')}`, ...section.rows.map(mdRow));
  }
  return `${lines.join('\n')}\n`;
}

function htmlTable(section: Section): string {
  const th = section.head.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = section.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<h3 id="${esc(section.id)}">${esc(section.title)}</h3>\n<div class="scroll" tabindex="0"><table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

const clip = (text: string, most: number): string => (text.length > most ? `${text.slice(0, most - 1)}…` : text);

/**
 * The timeline as an inline SVG line chart: x = runs (oldest left), y = share 0..1, one polyline
 * per narrative (the top ones by share in the latest run), a point per run with a <title> tooltip,
 * and a legend. A single run has nothing to join, so only its points are drawn.
 */
function timelineChart(timeline: DriftTimeline): string {
  const series = timeline.series.slice(0, CHART_SERIES);
  const runs = timeline.runs;
  if (series.length === 0 || runs.length === 0) return '';
  const width = 640;
  const [left, right, top, plot] = [44, 16, 12, 180];
  const legendTop = top + plot + 36;
  const height = legendTop + series.length * 18 + 4;
  const x = (i: number): number => round1(runs.length === 1 ? left + (width - left - right) / 2 : left + (i * (width - left - right)) / (runs.length - 1));
  const y = (share: number): number => round1(top + (1 - share) * plot);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((t) =>
    `<line x1="${left}" x2="${width - right}" y1="${y(t)}" y2="${y(t)}" stroke="#dde"></line><text x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${esc(percent(t))}</text>`).join('');
  // At most about ten run labels, counted back from the latest run so it is always named.
  const step = Math.ceil(runs.length / 10);
  const ticks = runs.map((r, i) => ((runs.length - 1 - i) % step === 0
    ? `<text x="${x(i)}" y="${top + plot + 18}" text-anchor="middle">${esc(r.runId)}</text>` : '')).join('');
  const lines = series.map((s, k) => {
    const colour = COLOURS[k % COLOURS.length] ?? '#333';
    const name = `${s.id} ${s.label}`;
    const points = s.shares.map((share, i) => `${x(i)},${y(share)}`).join(' ');
    const line = runs.length > 1 ? `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points}"></polyline>` : '';
    const dots = s.shares.map((share, i) => `<circle cx="${x(i)}" cy="${y(share)}" r="${runs.length > 1 ? 2.5 : 4}" fill="${colour}"><title>${esc(`${name}, run ${runs[i]?.runId ?? ''}: ${percent(share)}`)}</title></circle>`).join('');
    return `<g><title>${esc(name)}</title>${line}${dots}</g>`;
  }).join('\n');
  const legend = series.map((s, k) => `<g transform="translate(${left},${legendTop + k * 18})"><rect width="12" height="12" fill="${COLOURS[k % COLOURS.length] ?? '#333'}"></rect>`
    + `<text x="18" y="11">${esc(clip(`${s.id} ${s.label}`, 80))} (${esc(percent(s.shares[s.shares.length - 1] ?? 0))})</text></g>`).join('');
  const title = `Share of each narrative's claims over the last ${plural(runs.length, 'run')}`;
  return `<svg role="img" aria-labelledby="drift-chart-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="12">`
    + `<title id="drift-chart-title">${esc(title)}</title>${grid}${ticks}<text x="${left}" y="${top + plot + 32}">run</text>\n${lines}\n${legend}</svg>`;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The drift report as an HTML `<section id="drift">`: the counts line, the same tables as the
 * Markdown, and the share timeline as an inline SVG line chart (the top eight narratives by share
 * in the latest run, with a legend and `<title>` tooltips). No external resource; every text
 * passes through `esc`.
 * @example `<body>${renderDriftHtmlSection(drift)}</body>`
 */
export function renderDriftHtmlSection(drift: DriftReport): string {
  const sections = driftSections(drift);
  const tables = sections.filter((s) => s.id !== 'drift-timeline' && s.rows.length > 0).map(htmlTable);
  const timeline = sections.find((s) => s.id === 'drift-timeline');
  const chart = timelineChart(drift.timeline);
  const more = drift.timeline.series.length > CHART_SERIES
    ? `<p class="small">The chart shows the ${CHART_SERIES} narratives with the largest share in the latest run; the table has all ${drift.timeline.series.length}.</p>` : '';
  const history = timeline && timeline.rows.length > 0 ? `\n<h3 id="drift-timeline">${esc(timeline.title)}</h3>\n${chart}${more}\n<details><summary>As a table</summary>${htmlTable({ ...timeline, id: 'drift-timeline-table', title: 'Shares per run' })}</details>` : '';
  return `<section id="drift"><h2>${esc(heading(drift))}</h2>
<p class="small">${esc(intro(drift))}</p>
<p id="drift-summary"><strong>${esc(summary(drift))}</strong></p>
${tables.join('\n')}${history}
</section>`;
}

/**
 * The drift report as one self-contained HTML page (inline CSS and SVG, a CSP forbidding any
 * network access and any script), holding only the drift section.
 * @example writeFileSync('drift.html', renderDriftHtmlPage(drift))
 */
export function renderDriftHtmlPage(drift: DriftReport): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(`narrascope drift: ${drift.job}, run ${drift.to.runId}`)}</title><style>${STYLE}</style></head>
<body>
<h1>narrascope drift report</h1>
${renderDriftHtmlSection(drift)}
</body></html>
`;
}

/**
 * The drift report in one format: pretty-printed JSON, Markdown (`md` too) or a stand-alone HTML page.
 * @throws {TypeError} for any other format, naming the known ones.
 * @example renderDrift(drift, 'md')
 */
export function renderDrift(drift: DriftReport, format: DriftFormat): string {
  switch (format) {
    case 'json': return `${JSON.stringify(drift, null, 2)}\n`;
    case 'markdown':
    case 'md': return renderDriftMarkdown(drift);
    case 'html': return renderDriftHtmlPage(drift);
    default: throw new TypeError(`narrascope: unknown drift format "${String(format)}": expected one of json, markdown, md, html`);
  }
}
