import { describe, expect, it } from 'vitest';
import { explainPair, loadRelationModel, relate } from '../src/relations/index.js';
import type { AnalyzedArticle } from '../src/types/index.js';

// Pairs written for this test, one per feature family; the claim comes first.
const model = loadRelationModel();
const explain = (claim: string, text: string): Record<string, number> => explainPair(model.prepare(claim), model.prepare(text), model.vectors);
const CLAIM = 'Police arrested the mayor of Springfield for fraud';
const PARAPHRASE = 'Officers detained the Springfield mayor on fraud charges, police said on Monday.';
const NEGATED = 'Police did not arrest the mayor of Springfield, and reports of an arrest are false, officials said.';
const HEDGED = 'The mayor of Springfield was reportedly arrested for fraud, according to unconfirmed social media posts.';
const FLAT = 'The mayor of Springfield was arrested for fraud on Monday.';
const UNRELATED = 'Apple unveiled a new iPhone with a larger battery at its annual event in California.';

describe('relations: feature families', () => {
  it('paraphrase: soft alignment and mean vectors see through different words', () => {
    const para = explain(CLAIM, PARAPHRASE);
    const other = explain(CLAIM, UNRELATED);
    expect(para['alignment'] ?? 0).toBeGreaterThan(0.9);
    expect(other['alignment'] ?? 1).toBeLessThan(0.6);
    expect(para['meanVectorCosine'] ?? 0).toBeGreaterThan((other['meanVectorCosine'] ?? 1) + 0.2);
  });
  it('negated paraphrase: negation on a word aligned with the claim, refuting words', () => {
    const e = explain(CLAIM, NEGATED);
    expect(e['negatedAlignedWords']).toBeGreaterThanOrEqual(1);
    expect(e['refutingWordsInBest']).toBeGreaterThanOrEqual(1);
    expect(explain(CLAIM, PARAPHRASE)['negatedAlignedWords']).toBe(0);
  });
  it('a refuting word that is the claim\'s own topic ("fraud") is not counted as refuting', () => {
    expect(explain(CLAIM, PARAPHRASE)['refutingWordsInBest']).toBe(0);
  });
  it('rival agent: the best sentence names someone the claim does not', () => {
    const claim = 'ISIS-K carried out the concert hall attack';
    const rival = explain(claim, 'Officials said Ukraine carried out the concert hall attack.');
    const same = explain(claim, 'Officials said ISIS-K carried out the concert hall attack.');
    expect(rival['namesInBestSentence']).toBeLessThan(same['namesInBestSentence'] ?? 0);
    expect(rival['rivalNamesInBestSentence']).toBeGreaterThan(same['rivalNamesInBestSentence'] ?? 0);
  });
  it('different numbers: a claim number missing from the text', () => {
    const claim = 'The attack killed 43 people';
    expect(explain(claim, 'The attack killed 15 people, officials said.')['numbersMissing']).toBe(1);
    expect(explain(claim, 'The attack killed 43 people, officials said.')['numbersMissing']).toBe(0);
  });
  it('hedged report: hedges counted in the evidence', () => {
    expect(explain(CLAIM, HEDGED)['hedgesInBest']).toBeGreaterThanOrEqual(2);
    expect(explain(CLAIM, FLAT)['hedgesInBest']).toBe(0);
  });
});

describe('relations: the trained model on written pairs', () => {
  it('paraphrase agrees; unrelated text is unrelated', () => {
    expect(relate(CLAIM, PARAPHRASE).label).toBe('agree');
    const r = relate(CLAIM, UNRELATED);
    expect(r.label).toBe('unrelated');
    expect(r.evidence).toEqual([]);
  });
  it('negated paraphrase moves probability to disagree', () => {
    expect(relate(CLAIM, NEGATED).probs.disagree).toBeGreaterThan(relate(CLAIM, PARAPHRASE).probs.disagree + 0.2);
  });
  it('a hedged report discusses', () => {
    const r = relate(CLAIM, HEDGED);
    expect(r.label).toBe('discuss');
    expect(r.probs.discuss).toBeGreaterThan(relate(CLAIM, FLAT).probs.discuss);
  });
  it('probabilities sum to 1, results are deterministic, evidence quotes the text', () => {
    const text = `${UNRELATED} ${NEGATED}`;
    const a = relate(CLAIM, text);
    const b = relate(CLAIM, text);
    expect(a).toEqual(b);
    expect(Object.values(a.probs).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 6);
    expect(a.evidence.length).toBeGreaterThan(0);
    for (const e of a.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(a.evidence[0]?.text).toContain('did not arrest');
  });
  it('evidence in an analysed article carries the attribution\'s source and cue', () => {
    const text = 'Crowds gathered downtown. The mayor denied that police arrested him for fraud.';
    const cueStart = text.indexOf('denied');
    const article = {
      id: 'a', outlet: 'X', date: null, title: null, url: null, text, dropped: [], actors: [], cues: [], claims: [], diagnostics: [],
      sentences: [
        { start: 0, end: 25, text: text.slice(0, 25), index: 0, firstToken: 0, endToken: 3, paragraph: 0 },
        { start: 26, end: text.length, text: text.slice(26), index: 1, firstToken: 3, endToken: 14, paragraph: 0 },
      ],
      attributions: [{
        id: 't1', source: { spans: [{ start: 26, end: 35, text: 'The mayor' }], actorId: null },
        cue: { id: 'c1', spans: [{ start: cueStart, end: cueStart + 6, text: 'denied' }], lemma: 'deny', stanceClass: 'denial', sourceCommitment: 0.9, reporterCommitment: 0, environment: { negated: false, modal: false, question: false, conditional: false, firstPerson: false }, sentence: 1 },
        content: [{ start: cueStart + 7, end: text.length - 1, text: text.slice(cueStart + 7, text.length - 1) }],
      }],
    } as unknown as AnalyzedArticle;
    const r = relate(CLAIM, article);
    expect(r.label).not.toBe('unrelated');
    expect(r.evidence[0]?.source?.text).toBe('The mayor');
    expect(r.evidence[0]?.cue).toMatchObject({ text: 'denied', lemma: 'deny', stanceClass: 'denial' });
  });
  it('an empty claim is an error', () => {
    expect(() => relate('  ', PARAPHRASE)).toThrow(/claim has no words/);
  });
});
