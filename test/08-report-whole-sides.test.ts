// Omissions are stated for whole sides only (src/08-report/whole-sides.ts): a narrative of one or
// two claims nobody contests may be a fragment of a side the outlet tells through other voices,
// and an outlet that tells a narrative paraphrasing it carries that side. Made-up sentences; the
// dev-set effect is measured by `npm run train:narratives -- --no-write` (README).
import { describe, expect, it } from 'vitest';
import { loadEmbeddings } from '../src/adapters/embeddings.js';
import { claimVectorsById, PARAPHRASE, sideSized, toldParaphrase } from '../src/08-report/whole-sides.js';
import { reportedOmissions, type OmissionActor } from '../src/08-report/omissions.js';
import type { Coverage } from '../src/08-report/types.js';
import type { Narrative, NarrativeClaim } from '../src/types/index.js';

const narrative = (id: string, claimIds: string[], disputingClaimIds: string[] = [], backers = ['cruz']): Narrative => ({
  id, event: 'e1', question: `q-${id}`, answer: id, label: id, claimIds, disputingClaimIds, backers, disputers: [], outlets: [],
});

describe('fragments: a whole side or a possible fragment', () => {
  it.each([
    ['one claim nobody contests ("Lynching is an act of terror," Booker said)', ['c1'], [], false],
    // Whatever conflict the detector reads: it is read between two claims, and one quote set
    // against another is as often a fragment of the same side ("the mayor is delaying the checks
    // so his name can be printed on them" against "thousands can't pay rent, and he delays relief
    // to see his name on a check", a "denial" through "can't"). sideSized takes no conflicts.
    ['two claims nobody contests', ['c1', 'c2'], [], false],
    ['three telling claims', ['c1', 'c2', 'c3'], [], true],
    ['one claim someone denies ("Iran warned Russia"; Peskov: "I know nothing about it")', ['c1'], ['c2'], true],
    ['two claims someone doubts', ['c1', 'c2'], ['c3'], true],
  ] as const)('%s: side-sized %j', (_, claims, disputing, whole) => {
    expect(sideSized(narrative('n1', [...claims], [...disputing]))).toBe(whole);
  });

});

describe('fragments: does the outlet tell the side through a sibling narrative?', () => {
  const claim = (id: string, outlet: string, text: string): NarrativeClaim => ({
    id, articleId: `${outlet}-1`, outlet, start: 0, end: text.length, text, sentence: 0, stance: 'asserts', voice: 'attributed', commitment: 1,
  });
  // Ten claims, so the vectors are centred on the event as the graph's are.
  const claims = [
    claim('a1', 'A', 'Calling the impeachment inquiry a lynching was an offensive and racist choice of words.'),
    claim('a2', 'A', 'The president compared the House inquiry to a lynching on Twitter.'),
    claim('b1', 'B', 'Comparing the impeachment process to a lynching was offensive and racist language.'),
    claim('b2', 'B', 'The tweet drew criticism from lawmakers of both parties.'),
    claim('c1', 'C', 'The stock market closed higher on Tuesday after strong earnings reports.'),
    claim('c2', 'C', 'Oil prices fell for a third straight day as supplies rose.'),
    claim('d1', 'D', 'Senators will vote on the spending bill next week.'),
    claim('d2', 'D', 'The budget office expects the deficit to grow next year.'),
    claim('e1', 'E', 'Calling the impeachment a lynching was entirely fair given how unfair the process is.'),
    claim('e2', 'E', 'Hurricane season brought heavy rain to the coast.'),
  ];
  const narratives = [
    narrative('n1', ['a1']), // told by A: "the word was offensive"
    narrative('n2', ['b1']), // the same side told by B in other words: a sibling fragment
    narrative('n3', ['c1', 'c2']), // another story, told by C
    narrative('n4', ['e1']), // the rival answer, told by E, in conflict with n1
  ];
  const conflicts = [{ a: 'n1', b: 'n4', reason: 'denial', evidence: [] }];
  const vectors = claimVectorsById(claims, loadEmbeddings());
  const told = toldParaphrase({ claims, narratives, conflicts }, ['A', 'B', 'C', 'E'], vectors);

  it('an outlet telling a paraphrase of the narrative in a sibling narrative tells the side', () => {
    expect(told.get('B')?.get('n1')).toBeGreaterThanOrEqual(PARAPHRASE);
  });
  it('an outlet telling only another story does not', () => {
    expect(told.get('C')?.get('n1')).toBeLessThan(PARAPHRASE);
  });
  it('the rival answer in conflict with it is no sibling, however many words they share', () => {
    expect(told.get('E')?.get('n1')).toBe(0);
  });
  it('no word vectors: nothing paraphrases', () => {
    expect(toldParaphrase({ claims, narratives, conflicts }, ['B'], new Map()).get('B')?.get('n1')).toBe(0);
  });
});

describe('fragments: the omission is stated only for a whole side with no sibling told', () => {
  const actors: Record<string, OmissionActor> = { cruz: { name: 'Ted Cruz', kind: 'person' } };
  const coverage = new Map<string, Coverage>([['n1', 'omits']]);
  it.each([
    ['a whole side, no sibling told', true, 0.2, true],
    ['a possible fragment (two uncontested claims)', false, 0.2, false],
    ['a whole side the outlet tells in a sibling narrative', true, 0.7, false],
    ['at the paraphrase level exactly', true, PARAPHRASE, false],
  ] as const)('%s: stated %j', (_, whole, paraphrase, stated) => {
    const omitted = reportedOmissions([narrative('n1', ['c1', 'c2', 'c3'])], coverage, new Set(), new Map(), (id) => actors[id], [], undefined,
      { sideSized: () => whole, paraphraseTold: () => paraphrase });
    expect(omitted).toEqual(stated ? ['n1'] : []);
  });
});
