// The omissions table explains each stated omission (src/08-report/render/omission-rows.ts): who
// carries the narrative and with how many claims, which named actors the outlet never names, and
// the rival answer it tells instead. A made-up report; the shipped corpus's table is in the
// render fixture (test/fixtures/report/crocus-outlets/expected.md), a section of Markdown and HTML.
import { describe, expect, it } from 'vitest';
import { omissionRows } from '../src/08-report/render/omission-rows.js';
import type { DivergenceReport, ReportClaim, ReportNarrative, ReportOutlet } from '../src/08-report/types.js';

const claim = (id: string, articleId: string, role: 'tells' | 'disputes'): ReportClaim => ({ id, articleId, start: 0, end: 1, text: id, stance: 'asserts', voice: 'attributed', role, polarity: 1 });
const narrative = (id: string, answer: string, claims: ReportClaim[], backers: string[]): ReportNarrative => ({
  id, event: 'e1', question: 'q1', answer, label: `Who cut the cable? ${answer}`, claims, backers, disputers: [], outlets: [],
});
const outlet = (name: string, omitted: string[], unnamed: Record<string, string[]>, coverage: ReportOutlet['coverage']): ReportOutlet => ({
  outlet: name, event: 'e1', articles: 1, shares: {}, omitted, unnamed, coverage, framing: [], voice: {}, distancing: [], prominence: [],
}) as ReportOutlet;
const report = {
  articles: [{ id: 'a1', outlet: 'Harbour Times' }, { id: 'a2', outlet: 'Harbour Times' }, { id: 'b1', outlet: 'Valley Post' }, { id: 'c1', outlet: 'Ridge Daily' }],
  actors: [{ id: 'A1', name: 'Mara Lind', kind: 'person' }, { id: 'A2', name: 'Norland', kind: 'state' }],
  narratives: [
    narrative('n1', 'a trawler by accident', [claim('x1', 'c1', 'tells')], []),
    narrative('n2', 'Norland', [claim('x2', 'a1', 'tells'), claim('x3', 'a2', 'tells'), claim('x4', 'b1', 'tells'), claim('x5', 'c1', 'disputes')], ['A1']),
  ],
  conflicts: [{ a: 'n1', b: 'n2', reason: 'rival answers', evidence: [] }],
  outlets: [
    outlet('Harbour Times', [], {}, { n1: 'omits', n2: 'tells' }),
    outlet('Ridge Daily', ['n2'], { n2: ['A1', 'A2'] }, { n1: 'tells', n2: 'disputes' }),
    outlet('Valley Post', ['n1'], { n1: [] }, { n1: 'omits', n2: 'discusses' }),
  ],
} as unknown as DivergenceReport;

describe('omissions table: why each omission is stated', () => {
  it('names the carriers with their claim counts, the actors never named and the rival told instead', () => {
    expect(omissionRows(report)).toEqual([
      ['e1', 'Ridge Daily', 'n2 Who cut the cable? Norland', 'Harbour Times (2 claims), Valley Post (1 claim)',
        'none of its claims tells, disputes or discusses it; never names Mara Lind or Norland; tells the rival answer n1 a trawler by accident'],
      // Nothing named to check, and the rival only discussed, not told: only the coverage reason.
      ['e1', 'Valley Post', 'n1 Who cut the cable? a trawler by accident', 'Ridge Daily (1 claim)', 'none of its claims tells, disputes or discusses it'],
    ]);
  });

  it('has no row when nothing is stated omitted', () => {
    const none = { ...report, outlets: report.outlets.map((o) => ({ ...o, omitted: [] })) } as DivergenceReport;
    expect(omissionRows(none)).toEqual([]);
  });
});
