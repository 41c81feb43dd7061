import { describe, expect, it } from 'vitest';
import { claimKey, matchNarratives, renameNarratives } from '../src/jobs/index.js';
import type { DivergenceReport } from '../src/08-report/index.js';

const n = (id: string, keys: string): { id: string; claimKeys: string[] } => ({ id, claimKeys: keys.split('') });

describe('stable narrative ids', () => {
  it.each([
    ['same claims keep the id', [n('e1.n1', 'abc')], [n('N1', 'abc')], { 'e1.n1': 'N1' }],
    ['a narrative that doubled keeps its id', [n('e1.n1', 'abcdef')], [n('N1', 'abc')], { 'e1.n1': 'N1' }],
    ['one shared claim of five is not the same story', [n('e1.n1', 'avwxy')], [n('N1', 'abcde')], {}],
    ['no shared claim: new', [n('e1.n1', 'xyz')], [n('N1', 'abc')], {}],
    ['a split: the larger part keeps the id', [n('e1.n1', 'ab'), n('e1.n2', 'cdef')], [n('N1', 'abcdef')], { 'e1.n2': 'N1' }],
    ['a merge: the id of the better-covered one', [n('e1.n1', 'abcde')], [n('N1', 'ab'), n('N2', 'cde')], { 'e1.n1': 'N2' }],
    ['two narratives swapped order', [n('e1.n1', 'def'), n('e1.n2', 'abc')], [n('N1', 'abc'), n('N2', 'def')], { 'e1.n1': 'N2', 'e1.n2': 'N1' }],
  ])('%s', (_case, current, previous, expected) => {
    expect(Object.fromEntries(matchNarratives(current, previous))).toEqual(expected);
  });

  it('claim keys fold case, spacing and quote marks but keep outlets apart', () => {
    expect(claimKey('Reuters', '“ISIS-K  claimed it”')).toBe(claimKey('Reuters', '"isis-k claimed it"'));
    expect(claimKey('Reuters', 'ISIS-K claimed it')).not.toBe(claimKey('AP', 'ISIS-K claimed it'));
    expect(claimKey('Reuters', 'ISIS-K claimed it')).not.toBe(claimKey('Reuters', 'ISIS-K denied it'));
  });

  it('renames narrative ids everywhere a report uses them', () => {
    const report = {
      questions: [{ id: 'e1.q1', narratives: ['e1.n1', 'e1.n2'] }],
      narratives: [{ id: 'e1.n1' }, { id: 'e1.n2' }],
      conflicts: [{ a: 'e1.n1', b: 'e1.n2', reason: 'denial', evidence: [] }],
      outlets: [{ outlet: 'A', shares: { 'e1.n1': 1, 'e1.n2': 0 }, omitted: ['e1.n2'], coverage: { 'e1.n1': 'tells', 'e1.n2': 'omits' }, voice: { 'e1.n1': { own: 1, attributed: 0, hedged: 0, distanced: 0 } } }],
    } as unknown as DivergenceReport;
    const renamed = renameNarratives(report, new Map([['e1.n1', 'N7'], ['e1.n2', 'N3']]));
    expect(renamed.narratives.map((x) => x.id)).toEqual(['N7', 'N3']);
    expect(renamed.conflicts[0]).toMatchObject({ a: 'N7', b: 'N3' });
    expect(renamed.outlets[0]?.shares).toEqual({ N7: 1, N3: 0 });
    expect(renamed.outlets[0]?.omitted).toEqual(['N3']);
    expect(Object.keys(renamed.outlets[0]?.voice ?? {})).toEqual(['N7']);
    expect(renamed.outlets[0]?.coverage).toEqual({ N7: 'tells', N3: 'omits' });
    expect(renamed.questions[0]?.narratives).toEqual(['N7', 'N3']);
    expect(report.narratives[0]?.id).toBe('e1.n1');
  });
});
