/**
 * Plain-text rendering of a PolNeAR evaluation report, with the published reference figures.
 */
import type { PolnearEvalReport } from './polnear.js';
import type { Prf } from './polnear-score.js';

/** Published exact-span F1 (source, cue, content) on the PolNeAR test split (CofeNet, COLING 2022, Table 6). */
export const PUBLISHED_POLNEAR: readonly { readonly model: string; readonly source: number; readonly cue: number; readonly content: number }[] = [
  { model: 'Rule-based (as reported by CofeNet)', source: 10.7, cue: 22.8, content: 5.6 },
  { model: 'CRF', source: 50.6, cue: 53.4, content: 28.6 },
  { model: 'BiLSTM-CRF', source: 69.6, cue: 66.7, content: 59.0 },
  { model: 'BERT-CRF', source: 82.2, cue: 74.9, content: 71.0 },
  { model: 'BERT + CofeNet', source: 83.2, cue: 75.3, content: 72.9 },
];

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

function row(label: string, s: Prf): string {
  return `| ${label.padEnd(16)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${String(s.tp).padStart(6)} | ${String(s.predicted).padStart(6)} | ${String(s.gold).padStart(6)} |`;
}

/**
 * Render a report as two Markdown tables: ours (P/R/F1 per role and matching), then the
 * published reference F1s.
 *
 * @example
 * console.log(formatPolnearReport(await evaluatePolnear({ file })));
 */
export function formatPolnearReport(report: PolnearEvalReport): string {
  const lines = [
    `PolNeAR evaluation: ${report.file}`,
    `${report.articles} articles (primary annotations), ${report.tokens} tokens, ${report.goldAttributions} gold / ${report.predictedAttributions} predicted attributions (+ ${report.nestedAttributions} nested in another's content, not scored: PolNeAR annotates the outermost relation only)`,
    `speed (segment + cues + attributions, one pass): ${report.articlesPerCpuSecond.toFixed(1)} articles per CPU second (${report.cpuSeconds.toFixed(2)} s), ${report.articlesPerSecond.toFixed(1)} articles/s wall clock`,
    '',
    '| match / role     |     P |     R |    F1 |     tp |   pred |   gold |',
    '|------------------|-------|-------|-------|--------|--------|--------|',
  ];
  for (const role of ['source', 'cue', 'content'] as const) lines.push(row(`exact ${role}`, report.exact[role]));
  for (const role of ['source', 'cue', 'content'] as const) lines.push(row(`lenient ${role}`, report.lenient[role]));
  lines.push(row('relation', report.relation));
  lines.push(row('cue, nested too', report.cueWithNested));
  lines.push('', 'Published exact-span F1 on PolNeAR test (CofeNet, COLING 2022):', '', '| model                               | source |  cue | content |', '|-------------------------------------|--------|------|---------|');
  for (const p of PUBLISHED_POLNEAR) {
    lines.push(`| ${p.model.padEnd(35)} | ${p.source.toFixed(1).padStart(6)} | ${p.cue.toFixed(1).padStart(4)} | ${p.content.toFixed(1).padStart(7)} |`);
  }
  lines.push('', 'exact: identical offsets; lenient: share a token, one-to-one; relation: cue, source and content all overlap (or both sources absent); cue, nested too: exact cues counting the nested attributions\' cues as well.');
  return lines.join('\n');
}
