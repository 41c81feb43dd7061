import { analyze, ingestArticles } from '../../src/index.js';
import { buildReport, type DivergenceReport, type ReportNarrative } from '../../src/08-report/index.js';
import type { AnalyzedArticle } from '../../src/types/index.js';

/** Analyse the inputs in process and build the report (a fixed clock, so fixtures are stable). */
export async function reportOf(inputs: readonly string[]): Promise<{ report: DivergenceReport; results: AnalyzedArticle[] }> {
  const results: AnalyzedArticle[] = [];
  for await (const r of analyze(ingestArticles(inputs))) results.push(r);
  return { report: buildReport(results, { now: new Date('2026-01-01T00:00:00Z') }), results };
}

/** Lookups for assertions: narratives by claim text, actor names. */
export function lookups(report: DivergenceReport) {
  const name = (id: string): string => report.actors.find((a) => a.id === id)?.name ?? id;
  const holding = (fragment: string): ReportNarrative => {
    const found = report.narratives.find((n) => n.claims.some((c) => c.text.includes(fragment)));
    if (!found) throw new Error(`no narrative holds a claim with "${fragment}"`);
    return found;
  };
  /** The role of the claim holding `fragment` in its narrative ('tells' or 'disputes'). */
  const role = (fragment: string) => holding(fragment).claims.find((c) => c.text.includes(fragment))?.role;
  /** The question whose text matches `pattern`. */
  const question = (pattern: RegExp) => {
    const found = report.questions.find((q) => pattern.test(q.text));
    if (!found) throw new Error(`no question matches ${pattern}: ${report.questions.map((q) => q.text).join(' | ')}`);
    return found;
  };
  const conflict = (a: ReportNarrative, b: ReportNarrative) =>
    report.conflicts.find((c) => (c.a === a.id && c.b === b.id) || (c.a === b.id && c.b === a.id));
  return {
    holding,
    role,
    question,
    conflict,
    backers: (n: ReportNarrative) => n.backers.map(name),
    disputers: (n: ReportNarrative) => n.disputers.map(name),
    name,
  };
}
