import type { DivergenceReport } from '../types.js';
import type { Renderer } from './renderer.js';
import { sectionsOf } from './sections.js';

const cell = (value: string | number): string => String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly (string | number)[]): string => `| ${cells.map(cell).join(' | ')} |`;

function render(report: DivergenceReport): string {
  const lines: string[] = ['# narrascope divergence report', '', `Generated ${report.generatedAt}.`, ''];
  lines.push(`**Divergence score: ${report.divergence.score}** (${report.divergence.method}).`);
  for (const section of sectionsOf(report)) {
    if (section.rows.length === 0) continue;
    lines.push('', `## ${section.title}`, '', row(section.head), row(section.head.map(() => '---')), ...section.rows.map(row));
  }
  return `${lines.join('\n')}\n`;
}

/** The report as GitHub-flavoured Markdown tables. */
export const markdownRenderer: Renderer = { name: 'markdown', extension: 'md', render };
