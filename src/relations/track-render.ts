/**
 * Markdown and HTML renderings of `track` rows: a table of claims x outlets; each cell holds the
 * verdict and confidence, and its evidence (quoted sentence, speaker and cue) opens on click
 * (an HTML <details>; in Markdown, footnote-like lines under the table).
 */
import { esc, mdText } from '../08-report/render/escape.js';
import type { TrackRow } from './track.js';

const SYMBOL = { supports: '✔ supports', disputes: '✘ disputes', discusses: '~ discusses', unaddressed: '· unaddressed' } as const;

/** Column key of a row: its outlet, else its article id. */
function columnOf(row: TrackRow): string {
  return row.outlet ?? row.id;
}

function grid(rows: readonly TrackRow[]): { claims: string[]; columns: string[]; cell: (claim: string, column: string) => TrackRow[] } {
  const claims = [...new Set(rows.map((r) => r.claim))];
  const columns = [...new Set(rows.map(columnOf))];
  return { claims, columns, cell: (claim, column) => rows.filter((r) => r.claim === claim && columnOf(r) === column) };
}

function who(e: TrackRow['evidence'][number]): string {
  return [e.source ? (e.source.actor && e.source.actor !== e.source.text ? `${e.source.text} (${e.source.actor})` : e.source.text) : undefined, e.cue ? `${e.cue.text} (${e.cue.stanceClass})` : undefined].filter(Boolean).join(', ');
}

/** The rows as a Markdown table plus the evidence of every cell. */
export function renderTrackMarkdown(rows: readonly TrackRow[]): string {
  const { claims, columns, cell } = grid(rows);
  const out = ['# Claim tracking', '', `| claim | ${columns.map(mdText).join(' | ')} |`, `|---|${columns.map(() => '---').join('|')}|`];
  for (const claim of claims) {
    out.push(`| ${mdText(claim)} | ${columns.map((c) => cell(claim, c).map((r) => `${SYMBOL[r.verdict]} ${r.confidence.toFixed(2)}`).join('<br>') || '').join(' | ')} |`);
  }
  out.push('', '## Evidence', '');
  for (const claim of claims) {
    for (const column of columns) {
      for (const r of cell(claim, column)) {
        if (r.evidence.length === 0) continue;
        out.push(`- **${mdText(column)}** (${mdText(r.id)}) ${SYMBOL[r.verdict]} “${mdText(claim)}”:`);
        for (const e of r.evidence) out.push(`  - “${mdText(e.text.trim())}” [${e.start}–${e.end}]${who(e) ? ` — ${mdText(who(e))}` : ''}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/** The rows as a self-contained HTML page (no scripts: <details> opens the evidence). */
export function renderTrackHtml(rows: readonly TrackRow[]): string {
  const { claims, columns, cell } = grid(rows);
  const td = (claim: string, column: string): string => cell(claim, column).map((r) => {
    const evidence = r.evidence.map((e) => `<li><q>${esc(e.text.trim())}</q> <small>[${e.start}–${e.end}]${who(e) ? ` — ${esc(who(e))}` : ''}</small></li>`).join('');
    const summary = `<span class="${r.verdict}">${esc(SYMBOL[r.verdict])}</span> ${r.confidence.toFixed(2)}`;
    return evidence ? `<details><summary>${summary}</summary><ul>${evidence}</ul></details>` : summary;
  }).join('');
  const head = `<tr><th>claim</th>${columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  const body = claims.map((claim) => `<tr><th scope="row">${esc(claim)}</th>${columns.map((c) => `<td>${td(claim, c)}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>narrascope: claim tracking</title>
<style>body{font:15px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}
.supports{color:#176d2c}.disputes{color:#b3261e}.discusses{color:#6b5800}.unaddressed{color:#777}summary{cursor:pointer}q{font-style:italic}</style></head>
<body><h1>Claim tracking</h1><table>
${head}
${body}
</table></body></html>
`;
}
