import type { DivergenceReport } from '../types.js';
import type { Renderer } from './renderer.js';
import { sectionsOf, type Section } from './sections.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escape text for HTML: every value in the page passes through here. */
const esc = (value: string | number): string => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function table(section: Section): string {
  const th = section.head.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = section.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<section id="${esc(section.id)}"><h2>${esc(section.title)}</h2>\n<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></section>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f2f7}.score{font-size:1.4rem}`;

function render(report: DivergenceReport): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>narrascope divergence report</title><style>${STYLE}</style></head>
<body>
<h1>narrascope divergence report</h1>
<p>Generated ${esc(report.generatedAt)}.</p>
<p class="score">Divergence score: <strong id="divergence-score">${esc(report.divergence.score)}</strong></p>
<p>${esc(report.divergence.method)}</p>
${sectionsOf(report).map(table).join('\n')}
</body></html>
`;
}

/** The report as a self-contained HTML page (no scripts, no external assets). */
export const htmlRenderer: Renderer = { name: 'html', extension: 'html', render };
