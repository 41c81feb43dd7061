import type { DivergenceReport } from '../types.js';
import { renderDriftMarkdown } from './drift.js';
import { mdText } from './escape.js';
import type { RenderOptions, Renderer } from './renderer.js';
import { namesOf, sectionsOf } from './sections.js';

export { mdText } from './escape.js';

const row = (cells: readonly (string | number)[]): string => `| ${cells.map(mdText).join(' | ')} |`;

function render(report: DivergenceReport, options: RenderOptions = {}): string {
  const names = namesOf(report);
  const lines: string[] = ['# narrascope divergence report', '', `Generated ${mdText(report.generatedAt)}.`, ''];
  lines.push(`**Divergence: ${report.divergence.overall}** (${mdText(report.divergence.method)}).`);
  const contested = report.questions.filter((q) => q.contested);
  if (contested.length > 0) lines.push('', ...contested.map((q) => `- **${mdText(q.text)}** ${mdText(q.label.slice(q.text.length).trim())}`));
  for (const section of sectionsOf(report)) {
    if (section.rows.length === 0) continue;
    lines.push('', `## ${mdText(section.title)}`, '', row(section.head), `|${section.head.map(() => ' --- |').join('')}`, ...section.rows.map(row));
  }
  if (options.drift) lines.push('', renderDriftMarkdown(options.drift).trimEnd());
  if (report.narratives.length > 0) lines.push('', '## Claims of each narrative');
  for (const n of report.narratives) {
    lines.push('', `### ${mdText(n.id)} ${mdText(n.label)}`, '');
    for (const c of n.claims) {
      const who = c.actorId ? names.actor(c.actorId) : c.voice === 'own' ? '(own voice)' : '(unnamed source)';
      lines.push(`- ${c.role === 'disputes' ? 'disputes: ' : ''}${mdText(who)} (${mdText(c.stance)}${c.cueClass ? `, ${mdText(c.cueClass)}` : ''}), ${mdText(c.articleId)} ${c.start}–${c.end}: “${mdText(c.text)}”`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The report as GitHub-flavoured Markdown: the contested questions with their answers, tables, what changed since the previous run (with `options.drift`), then each narrative's claims. */
export const markdownRenderer: Renderer = { name: 'markdown', extension: 'md', render };
