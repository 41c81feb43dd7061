import type { DivergenceReport, ReportArticle } from '../types.js';
import { renderDriftHtmlSection } from './drift.js';
import { esc } from './escape.js';
import type { RenderOptions, Renderer } from './renderer.js';
import { groupByEvent, namesOf, percent, sectionsOf, type Section } from './sections.js';
import { STYLE } from './style.js';

export { esc } from './escape.js';

/** A wide table in its own horizontal scroll box, so a phone scrolls the table, not the page. */
const scroll = (tableHtml: string): string => `<div class="scroll" tabindex="0">${tableHtml}</div>`;

function table(section: Section): string {
  const th = section.head.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = section.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<section id="${esc(section.id)}"><h2>${esc(section.title)}</h2>\n${scroll(`<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`)}</section>`;
}

/** Narratives side by side, each a card that highlights its claims in the articles when clicked. */
function cards(report: DivergenceReport): string {
  const names = namesOf(report);
  const rivals = new Map<string, string[]>();
  for (const c of report.conflicts) {
    rivals.set(c.a, [...(rivals.get(c.a) ?? []), c.b]);
    rivals.set(c.b, [...(rivals.get(c.b) ?? []), c.a]);
  }
  const people = (ids: readonly string[], cls: string): string => ids.map((id) => `<span class="${cls}">${esc(names.actor(id))}</span>`).join(' ') || '<span class="none">none</span>';
  const items = report.narratives.map((n) => `<button type="button" class="card" data-id="${esc(n.id)}" aria-pressed="false">
<span class="nid">${esc(n.id)}</span> <strong class="label">${esc(n.label)}</strong>
<span class="row">backed by ${people(n.backers, 'backer')}</span>
<span class="row">disputed by ${people(n.disputers, 'disputer')}</span>
<span class="row small">${esc(n.claims.length)} claim(s) in ${esc(n.outlets.join(', '))}${rivals.has(n.id) ? ` · conflicts with ${esc((rivals.get(n.id) ?? []).join(', '))}` : ''}</span>
</button>`);
  return `<section id="narrative-cards"><h2>Narratives</h2><p class="small">Click a narrative to highlight its claims in the articles below. Greyed text was dropped by the clean stage (hover for the reason).</p><div class="cards">${items.join('\n')}</div></section>`;
}

/** Outlet x narrative matrix per event, omissions marked. */
function matrix(report: DivergenceReport): string {
  const byEvent = groupByEvent(report);
  const parts = report.events.map((event) => {
    const { narratives, outlets } = byEvent.get(event.id) ?? { narratives: [], outlets: [] };
    if (narratives.length === 0 || outlets.length === 0) return '';
    const head = narratives.map((n) => `<th title="${esc(n.label)}">${esc(n.id)}</th>`).join('');
    const rows = outlets.map((o) => `<tr><th>${esc(o.outlet)}</th>${narratives.map((n) => {
      if (o.omitted.includes(n.id)) return '<td class="omitted">omitted</td>';
      const share = o.shares[n.id] ?? 0;
      if (share === 0) return '<td class="absent">—</td>';
      return `<td style="background:rgba(40,90,200,${(share * 0.8).toFixed(2)})">${esc(percent(share))}</td>`;
    }).join('')}</tr>`).join('\n');
    return `<h3>${esc(event.name)}</h3>${scroll(`<table class="matrix"><thead><tr><th>outlet</th>${head}</tr></thead><tbody>${rows}</tbody></table>`)}`;
  });
  return `<section id="matrix"><h2>Coverage matrix (share of each outlet's claims per narrative; omitted: carried by other outlets only)</h2>${parts.join('\n')}</section>`;
}

// Chart geometry in viewBox units: each pair is a label line with its bar below, so the chart
// stays narrow enough to scale down to a phone's width and still be read.
const CHART_WIDTH = 400;
const BAR_WIDTH = 330;
const ROW = 34;

/** Pairwise divergence as an inline SVG bar chart that scales with the page (viewBox, width 100%). */
function chart(report: DivergenceReport): string {
  const pairs = report.divergence.pairs.slice(0, 40);
  if (pairs.length === 0) return '';
  const bars = pairs.map((p, i) => {
    const width = Math.round(p.score * BAR_WIDTH);
    return `<g transform="translate(0,${i * ROW})"><text x="0" y="12">${esc(`${p.a} / ${p.b}`)}</text><rect x="0" y="16" height="12" width="${width}" fill="#2b5fc7"></rect><text x="${width + 6}" y="27">${esc(p.score)}</text></g>`;
  });
  const height = pairs.length * ROW + 4;
  return `<section id="chart"><h2>Divergence of outlet pairs</h2><svg role="img" aria-label="pair divergence" viewBox="0 0 ${CHART_WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" font-size="12">${bars.join('')}</svg></section>`;
}

/**
 * An article's text with every claim span wrapped, tagged with the narratives it belongs to
 * (spans: its claims), and every region the clean stage dropped greyed, its reason on hover.
 */
function articleText(article: ReportArticle, spans: readonly { start: number; end: number; id: string }[]): string {
  const cuts = [...new Set([0, article.text.length, ...spans.flatMap((s) => [s.start, s.end]), ...article.dropped.flatMap((d) => [d.start, d.end])])].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] ?? 0;
    const to = cuts[i + 1] ?? from;
    const piece = esc(article.text.slice(from, to));
    const dropped = article.dropped.find((d) => d.start <= from && d.end >= to);
    if (dropped) {
      out.push(`<span class="dropped" title="${esc(`dropped (${dropped.reason}): ${dropped.detail}`)}" data-reason="${esc(dropped.reason)}">${piece}</span>`);
      continue;
    }
    const ids = spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.id);
    out.push(ids.length > 0 ? `<span class="claim" data-n="${esc(ids.join(' '))}">${piece}</span>` : piece);
  }
  return `<article class="text" id="article-${esc(article.id)}"><h3>${esc(article.outlet)}: ${esc(article.title ?? article.id)}</h3><div class="body">${out.join('')}</div></article>`;
}

// Static script: reads only data attributes, never evaluates article text.
const SCRIPT = `document.addEventListener('click',function(e){var t=e.target;var card=t&&t.closest?t.closest('.card'):null;if(!card)return;
var id=card.getAttribute('data-id');var on=card.getAttribute('aria-pressed')!=='true';
document.querySelectorAll('.card').forEach(function(c){c.setAttribute('aria-pressed','false')});
document.querySelectorAll('.claim').forEach(function(s){var ids=(s.getAttribute('data-n')||'').split(' ');s.classList.toggle('on',on&&ids.indexOf(id)>=0)});
if(on)card.setAttribute('aria-pressed','true');var first=document.querySelector('.claim.on');if(first&&first.scrollIntoView)first.scrollIntoView({block:'center'});});`;

// Tables the page already shows in richer form above: the narratives as cards, coverage as the matrix.
const SHOWN_ABOVE = /^(?:narratives|coverage-.*)$/u;

function render(report: DivergenceReport, options: RenderOptions = {}): string {
  const spans = new Map<string, { start: number; end: number; id: string }[]>();
  for (const n of report.narratives) for (const c of n.claims) spans.set(c.articleId, [...(spans.get(c.articleId) ?? []), { start: c.start, end: c.end, id: n.id }]);
  const texts = report.articles.filter((a) => !a.duplicateOf).map((a) => articleText(a, spans.get(a.id) ?? [])).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>narrascope divergence report</title><style>${STYLE}</style></head>
<body>
<h1>narrascope divergence report</h1>
<p>Generated ${esc(report.generatedAt)}.</p>
<p class="score">Divergence: <strong id="divergence-score">${esc(report.divergence.overall)}</strong></p>
<p class="small">${esc(report.divergence.method)}</p>
${cards(report)}
${matrix(report)}
${chart(report)}
${options.drift ? `${renderDriftHtmlSection(options.drift)}\n` : ''}${sectionsOf(report).filter((s) => !SHOWN_ABOVE.test(s.id) && s.rows.length > 0).map(table).join('\n')}
<section id="articles-text"><h2>Articles</h2>${texts}</section>
<script>${SCRIPT}</script>
</body></html>
`;
}

/**
 * The report as one self-contained HTML page (inline CSS, JS and SVG; a CSP forbids any network
 * access): narrative cards with backers and disputers, the coverage matrix, pair divergence,
 * what changed since the previous run (when `options.drift` is given), framing and label tables,
 * and the articles with a clicked narrative's claims highlighted.
 */
export const htmlRenderer: Renderer = { name: 'html', extension: 'html', render };
