// Which `omits` judgements the report states as omissions (src/08-report/omissions.ts): one table
// per rule, on hand-made narratives (the dev-set effect is measured by `eval narratives`).
import { describe, expect, it } from 'vitest';
import { AGREES, asReporters, givenAnswers, namedActor, namedIn, ownAnswer, reportedOmissions, type OmissionActor, type WholeSide } from '../src/08-report/omissions.js';
import type { Coverage } from '../src/08-report/types.js';
import type { Narrative, NarrativeClaim } from '../src/types/index.js';

const ACTORS: Record<string, OmissionActor> = {
  cruz: { name: 'Ted Cruz', kind: 'person' },
  doj: { name: 'Justice Department', kind: 'organisation' },
  iran: { name: 'Iran', kind: 'state' },
  rep: { name: 'the representative', kind: 'person' },
  sources: { name: 'three sources familiar with the matter', kind: 'anonymous' },
  supporters: { name: 'supporters', kind: 'generic' },
  letter: { name: 'a letter', kind: 'document' },
};
const narrative = (backers: string[], outlets = ['A', 'B']): Narrative => ({
  id: 'n1', event: 'e1', question: 'q1', answer: 'x', label: 'x', claimIds: ['c1'], disputingClaimIds: [], backers, disputers: [], outlets,
});
const omits = (how: Coverage = 'omits'): Map<string, Coverage> => new Map([['n1', how]]);

describe('omissions: who is identifiable across outlets', () => {
  it.each([
    ['Ted Cruz', 'person', true],
    ['Justice Department', 'organisation', true],
    ['FSB', 'organisation', true],
    ['the representative', 'person', false], // a description another outlet writes differently
    ['A source', 'person', false],
    ['supporters', 'generic', false],
    ['US officials', 'generic', false], // generic collectives are descriptions whatever their case
    ['three sources familiar with the matter', 'anonymous', false],
    ['An open letter', 'document', false],
  ] as const)('%j (%s) is named: %j', (name, kind, named) => expect(namedActor({ name, kind })).toBe(named));
});

describe('omissions: omissions stated with confidence', () => {
  const answers = (ids: string[] = []): Map<string, Set<string>> => new Map([['n1', new Set(ids)]]);
  it.each([
    ['a named backer the outlet never names', narrative(['cruz']), omits(), [], [], true],
    ['a named backer the outlet names elsewhere (it quotes Cruz on other points)', narrative(['cruz']), omits(), ['cruz'], [], false],
    ['one of two named backers named by the outlet', narrative(['cruz', 'doj']), omits(), ['doj'], [], false],
    ['a named backer beside a description: the named one decides', narrative(['rep', 'doj']), omits(), [], [], true],
    ['only described backers and no answer actor: nothing to check', narrative(['rep', 'supporters', 'letter']), omits(), [], [], false],
    ['only described backers, a named answer actor the outlet never names', narrative(['sources']), omits(), [], ['iran'], true],
    ['only described backers, a named answer actor the outlet names', narrative(['sources']), omits(), ['iran'], ['iran'], false],
    ['a narrative one outlet carries ("only Fox quotes DeMint")', narrative(['cruz'], ['A']), omits(), [], [], true],
    ['a narrative the outlet discusses', narrative(['cruz']), omits('discusses'), [], [], false],
    ['a narrative the outlet disputes', narrative(['cruz']), omits('disputes'), [], [], false],
  ] as const)('%s: reported %j', (_, n, coverage, mentioned, answerIds, reported) => {
    const omitted = reportedOmissions([n], coverage, new Set(mentioned), answers([...answerIds]), (id) => ACTORS[id]);
    expect(omitted).toEqual(reported ? ['n1'] : []);
  });

  it('keeps the narratives in their order', () => {
    const a = { ...narrative(['cruz']), id: 'a' };
    const b = { ...narrative(['doj']), id: 'b' };
    const coverage = new Map<string, Coverage>([['a', 'omits'], ['b', 'omits']]);
    expect(reportedOmissions([b, a], coverage, new Set(), new Map(), (id) => ACTORS[id])).toEqual(['b', 'a']);
  });
});

describe('omissions: an outlet names an actor in its text', () => {
  it.each([
    [{ name: 'Donald Trump', kind: 'person' }, 'tensions within the Trump administration', true], // the surname alone names him
    [{ name: 'Ted Cruz', kind: 'person', aliases: ['Cruz', 'the senator'] }, 'Sen. Cruz said so.', true],
    [{ name: 'Ted Cruz', kind: 'person', aliases: ['the senator'] }, 'the senator said so', false], // a description is no name
    [{ name: 'Susan Collins', kind: 'person' }, 'Collinsville residents voted', false], // whole words only
    [{ name: 'Justice Department', kind: 'organisation', aliases: ['DOJ'] }, 'DOJ officials declined', true],
    [{ name: 'three sources', kind: 'anonymous' }, 'three sources said', false], // described, never named
  ] as const)('%j in %j: %j', (actor, text, named) => expect(namedIn(actor, [text])).toBe(named));

  it('does not state an omission when the outlet\'s text names a backer the actor stage missed', () => {
    const n = narrative(['trump']);
    const actors: Record<string, OmissionActor> = { trump: { name: 'Donald Trump', kind: 'person', aliases: ['Trump'] } };
    const coverage = new Map<string, Coverage>([['n1', 'omits']]);
    expect(reportedOmissions([n], coverage, new Set(), new Map(), (id) => actors[id], ['Rifts inside the Trump administration grew.'])).toEqual([]);
    expect(reportedOmissions([n], coverage, new Set(), new Map(), (id) => actors[id], ['The tariffs start on Friday.'])).toEqual(['n1']);
  });
});

describe('omissions: a voice one outlet alone quotes', () => {
  const answers = (ids: string[] = []): Map<string, Set<string>> => new Map([['n1', new Set(ids)]]);
  const voiced = (k: number): Map<string, number> => new Map([['n1', k]]);
  it.each([
    ['a named backer quoted in two outlets, never named by this one', ['cruz'], [], 2, true],
    ['a named backer quoted by one outlet only (its own source): the others tell the side through other voices', ['cruz'], [], 1, false],
    ['... unless this outlet never names the answer either', ['cruz'], ['iran'], 1, true],
    ['only described backers in one outlet, an answer actor never named ("three sources": Iran warned Russia)', ['sources'], ['iran'], 1, true],
  ] as const)('%s: reported %j', (_, backers, answerIds, k, reported) => {
    const omitted = reportedOmissions([narrative([...backers])], omits(), new Set(), answers([...answerIds]), (id) => ACTORS[id], [], voiced(k));
    expect(omitted).toEqual(reported ? ['n1'] : []);
  });
});

// Test 6: an outlet whose claim the relation model reads as agreeing with the narrative may tell
// the side in other words and through other voices ("Party leaders denounced the senator" beside
// the narrative's "The senator's remarks were a disgrace"); it is stated omitted only when the
// narrative is a contested answer the outlet never names ("Iran warned Russia" in an outlet that
// never names Iran, whatever claim of the same debate the model relates to it).
describe('omissions: an agreeing claim in other words (test 6)', () => {
  const actors: Record<string, OmissionActor> = {
    ...ACTORS,
    paper: { name: 'Daily Courier', kind: 'organisation' },
    chen: { name: 'Mary Chen', kind: 'person' },
  };
  const whole = (agreed: number, answered?: string[]): WholeSide => ({
    sideSized: () => true, paraphraseTold: () => 0, agreed: () => agreed, ...(answered ? { answered: () => answered } : {}),
  });
  const answers = (ids: string[]): Map<string, Set<string>> => new Map([['n1', new Set(ids)]]);
  it.each([
    ['no agreeing claim (0.2): stated', 0.2, undefined, ['iran'], [], true],
    ['an agreeing claim (0.7), no contested answer: not stated', 0.7, [], ['iran'], [], false],
    ['just below the bar', AGREES - 0.01, [], [], [], true],
    ['an agreeing claim, but a contested answer (Iran) the outlet never names: stated', 0.7, ['iran'], ['iran'], [], true],
    ['an agreeing claim and a contested answer the outlet names: not stated', 0.7, ['iran'], ['iran'], ['iran'], false],
    ['the answer is the narrative\'s own speaker: no answer proper, not stated', 0.7, ['cruz'], ['cruz'], [], false],
  ] as const)('%s', (_, agreed, answered, answerIds, mentioned, reported) => {
    const omitted = reportedOmissions([narrative(['cruz'])], omits(), new Set(mentioned), answers([...answerIds]), (id) => actors[id], [], undefined,
      whole(agreed, answered ? [...answered] : undefined));
    expect(omitted).toEqual(reported ? ['n1'] : []);
  });

  it('takes no news organisation and no speaker of the narrative as its answer', () => {
    const lookup = asReporters((id) => actors[id], ['Daily Courier - News', 'Evening Post']);
    expect(lookup('paper')?.kind).toBe('media'); // the outlet reporting the story is no answer to it
    expect(lookup('iran')?.kind).toBe('state');
    expect(ownAnswer(['paper', 'iran', 'chen'], ['chen'], lookup)).toEqual(['iran']);
  });

  it('reads the answer only of a contested side, and only when claims repeat it', () => {
    const claim = (id: string, actorIds: string[]): NarrativeClaim => ({
      id, articleId: 'a1', outlet: 'B', start: 0, end: 1, sentence: 0, text: id, stance: 'asserts', voice: 'attributed', commitment: 1,
      proposition: { question: 'responsibility', polarity: 1, actors: actorIds, numbers: [], exclusive: false, open: false },
    }) as NarrativeClaim;
    const claims = [claim('c1', ['iran', 'chen']), claim('c2', ['iran']), claim('c3', ['chen']), claim('c4', ['iran'])];
    const base = { event: 'e1', question: 'q1', answer: 'x', label: 'x', backers: [], disputers: [] };
    const denied: Narrative = { ...base, id: 'd', claimIds: ['c1', 'c2'], disputingClaimIds: ['c9'], outlets: ['B'] };
    const rival: Narrative = { ...base, id: 'r', claimIds: ['c3', 'c4'], disputingClaimIds: [], outlets: ['A'] };
    const mine: Narrative = { ...base, id: 'm', claimIds: ['c5'], disputingClaimIds: [], outlets: ['A'] };
    const plain: Narrative = { ...base, id: 'p', claimIds: ['c1', 'c2'], disputingClaimIds: [], outlets: ['B'] };
    const answerSets = new Map([['d', new Set(['iran', 'chen'])], ['r', new Set(['iran', 'chen'])], ['p', new Set(['iran'])]]);
    const given = givenAnswers([denied, rival, mine, plain], claims, answerSets, [{ a: 'r', b: 'm' }], 'A');
    expect(given.get('d')).toEqual(['iran']); // denied: Iran in two claims, Chen in one
    expect(given.get('r')).toEqual([]); // a rival of what outlet A tells, but no actor in two of its claims
    expect(given.get('p')).toEqual([]); // nobody contests it
    // The conflict counts only for an outlet that tells the other side.
    expect(givenAnswers([denied, rival, mine, plain], claims, new Map([['r', new Set(['iran'])]]), [{ a: 'r', b: 'm' }], 'A').get('r')).toEqual([]);
    expect(givenAnswers([rival, mine], [claim('c3', ['iran']), claim('c4', ['iran'])], new Map([['r', new Set(['iran'])]]), [{ a: 'r', b: 'm' }], 'A').get('r')).toEqual(['iran']);
    expect(givenAnswers([rival, mine], [claim('c3', ['iran']), claim('c4', ['iran'])], new Map([['r', new Set(['iran'])]]), [{ a: 'r', b: 'm' }], 'C').get('r')).toEqual([]);
  });
});
