import type { DivergenceReport, ReportArticle, ReportNarrative } from '../types.js';
import { renderDriftHtmlSection } from './drift.js';
import { esc } from './escape.js';
import type { RenderOptions, Renderer } from './renderer.js';
import { coverageCell, groupByEvent, namesOf, sectionsOf, type Section } from './sections.js';
import { STYLE } from './style.js';

export { esc } from './escape.js';

function table(section: Section): string {
  const th = section.head.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = section.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<section id="${esc(section.id)}"><h2>${esc(section.title)}</h2>\n<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></section>`;
}

/** One narrative as a card that highlights its claims in the articles when clicked. */
function card(report: DivergenceReport, n: ReportNarrative, title: string): string {
  const names = namesOf(report);
  const people = (ids: readonly string[], cls: string): string => ids.map((id) => `<span class="${cls}">${esc(names.actor(id))}</span>`).join(' ') || '<span class="none">none</span>';
  const tells = n.claims.filter((c) => c.role === 'tells').length;
  const coverage = report.outlets.filter((o) => o.event === n.event).map((o) => `${o.outlet}: ${coverageCell(o, n.id)}`).join(' · ');
  return `<button type="button" class="card" data-id="${esc(n.id)}" aria-pressed="false">
<span class="nid">${esc(n.id)}</span> <strong class="label">${esc(title)}</strong>
<span class="row">backed by ${people(n.backers, 'backer')}</span>
<span class="row">disputed by ${people(n.disputers, 'disputer')}</span>${n.selfContradicted?.length ? `\n<span class="row">contradicts self: ${people(n.selfContradicted, 'disputer')}</span>` : ''}
<span class="row small">${esc(tells)} claim(s) telling it, ${esc(n.claims.length - tells)} disputing it</span>
<span class="row small">${esc(coverage)}</span>
</button>`;
}

/**
 * The page's lead: each contested question with its competing answers side by side, backers and
 * disputers under each, and each outlet's coverage; then the uncontested narratives.
 */
function questionsSection(report: DivergenceReport): string {
  const names = namesOf(report);
  const contested = report.questions.filter((q) => q.contested);
  const blocks = contested.map((q) => {
    const answers = q.narratives.map((id) => names.narrativeOf(id)).filter((n): n is ReportNarrative => n !== undefined);
    return `<section class="question" id="question-${esc(q.id)}"><h3>${esc(q.text)}</h3>
<div class="answers">${answers.map((n) => card(report, n, n.answer)).join('\n')}</div></section>`;
  });
  const others = report.questions.filter((q) => !q.contested).flatMap((q) => q.narratives)
    .map((id) => names.narrativeOf(id)).filter((n): n is ReportNarrative => n !== undefined);
  const rest = others.length === 0 ? '' : `<h2>Other narratives (told by several voices, contested by none)</h2><div class="cards">${others.map((n) => card(report, n, n.label)).join('\n')}</div>`;
  const lead = contested.length === 0 ? '<p class="none">No contested question found.</p>' : blocks.join('\n');
  return `<section id="narrative-cards"><h2>Contested questions</h2><p class="small">Click an answer to highlight its claims in the articles below.</p>${lead}${rest}</section>`;
}

/** Outlet x narrative matrix per event: tells / disputes (with the share of the outlet's claims), discusses, omitted. */
function matrix(report: DivergenceReport): string {
  const byEvent = groupByEvent(report);
  const parts = report.events.map((event) => {
    const { narratives, outlets } = byEvent.get(event.id) ?? { narratives: [], outlets: [] };
    if (narratives.length === 0 || outlets.length === 0) return '';
    const head = narratives.map((n) => `<th title="${esc(n.label)}">${esc(n.id)}</th>`).join('');
    const rows = outlets.map((o) => `<tr><th>${esc(o.outlet)}</th>${narratives.map((n) => {
      if (o.omitted.includes(n.id)) return '<td class="omitted">omitted</td>';
      const share = o.shares[n.id] ?? 0;
      const cell = coverageCell(o, n.id);
      if (share === 0) return `<td class="absent">${esc(cell)}</td>`;
      return `<td style="background:rgba(40,90,200,${(share * 0.6).toFixed(2)})">${esc(cell)}</td>`;
    }).join('')}</tr>`).join('\n');
    return `<h3>${esc(event.name)}</h3><table class="matrix"><thead><tr><th>outlet</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  });
  return `<section id="matrix"><h2>Coverage: how each outlet covers each narrative</h2>${parts.join('\n')}</section>`;
}

/** Pairwise divergence as an inline SVG bar chart. */
function chart(report: DivergenceReport): string {
  const pairs = report.divergence.pairs.slice(0, 40);
  if (pairs.length === 0) return '';
  const bars = pairs.map((p, i) => `<g transform="translate(0,${i * 22})"><text x="0" y="15">${esc(`${p.a} / ${p.b}`)}</text><rect x="260" y="3" height="14" width="${Math.round(p.score * 300)}" fill="#2b5fc7"></rect><text x="${266 + Math.round(p.score * 300)}" y="15">${esc(p.score)}</text></g>`);
  return `<section id="chart"><h2>Divergence of outlet pairs</h2><svg role="img" aria-label="pair divergence" width="640" height="${pairs.length * 22 + 4}" font-size="12">${bars.join('')}</svg></section>`;
}

/** An article's text with every claim span wrapped, tagged with the narratives it belongs to (spans: its claims). */
function articleText(article: ReportArticle, spans: readonly { start: number; end: number; id: string }[]): string {
  const cuts = [...new Set([0, article.text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] ?? 0;
    const to = cuts[i + 1] ?? from;
    const piece = esc(article.text.slice(from, to));
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
${questionsSection(report)}
${matrix(report)}
${chart(report)}
${options.drift ? `${renderDriftHtmlSection(options.drift)}\n` : ''}${sectionsOf(report).filter((s) => s.id !== 'narratives' && s.id !== 'questions' && !s.id.startsWith('coverage-') && s.rows.length > 0).map(table).join('\n')}
<section id="articles-text"><h2>Articles</h2>${texts}</section>
<script>${SCRIPT}</script>
</body></html>
`;
}

/**
 * The report as one self-contained HTML page (inline CSS, JS and SVG; a CSP forbids any network
 * access): the contested questions with their competing answers side by side (backers,
 * disputers and each outlet's coverage under each), the other narratives, the coverage matrix, pair divergence,
 * what changed since the previous run (when `options.drift` is given), framing and label tables,
 * and the articles with a clicked narrative's claims highlighted.
 */
export const htmlRenderer: Renderer = { name: 'html', extension: 'html', render };
