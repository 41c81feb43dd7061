import { describe, expect, it } from 'vitest';
import { clean } from '../src/02-clean/index.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import { fromRecord, parseFields, toRecord, type AnalysisRecord } from '../src/record/index.js';
import type { AnalyzedArticle, Article } from '../src/types/index.js';
import { NO_ENVIRONMENT, packFlags, unpackFlags, unpackPredicateEnvironment } from '../src/record/packing.js';
import { toRecordV3 } from './support/record-v3.js';

const article: Article = clean({
  id: 'r1', outlet: 'Wire', date: '2024-03-23', title: 'Kremlin responds', url: null, dropped: [],
  text: 'Kremlin spokesman Dmitry Peskov said on Saturday that Ukraine was behind the attack.\n\n“We do not know who did it,” he told reporters. According to Reuters, officials may have denied it.\n\nThe hall burned for hours.',
});
const analysed = analyzeArticle(article, { includeTokens: true });
const { tokens: _tokens, ...plain } = analysed;
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const roundTrip = (value: AnalyzedArticle, fields?: Parameters<typeof toRecord>[1]): AnalyzedArticle => fromRecord(json(toRecord(value, fields)));
/** Without tokens a sentence's token range is unknown (-1) on the way back. */
const withoutTokenRanges = (a: Omit<AnalyzedArticle, 'tokens'>): AnalyzedArticle => ({ ...a, sentences: a.sentences.map((s) => ({ ...s, firstToken: -1, endToken: -1 })) });

/** The version-2 record of an analysis, as narrascope wrote it before version 3: every part written out. */
function version2Of(a: AnalyzedArticle): Record<string, unknown> {
  const record = toRecordV3(a) as unknown as Record<string, unknown>;
  return {
    ...record, formatVersion: 2,
    actors: a.actors.map((x) => ({ id: x.id, name: x.name, kind: x.kind, aliases: x.aliases, roles: x.roles, mentions: x.mentions.map((m) => ({ start: m.start, end: m.end, form: m.form, ...(m.role ? { role: m.role } : {}) })) })),
    claims: a.claims,
    commitments: a.commitments,
  };
}

describe('analysis records (formatVersion 4)', () => {
  it('round-trips an analysis with tokens exactly, with and without quotes', () => {
    expect(analysed.attributions.length).toBeGreaterThan(0);
    const all = parseFields('outlet,date,title,url,text,dropped,sentences,tokens,actors,cues,attributions,claims,commitments,diagnostics');
    expect(roundTrip(analysed, all)).toEqual(analysed);
    expect(roundTrip(analysed, [...all, 'quotes'])).toEqual(analysed);
    const record = toRecord(analysed, all);
    expect(record.tokens?.start.length).toBe(analysed.tokens?.length);
    expect(record.tokens?.lineStarts).toEqual(analysed.tokens?.filter((t) => t.lineStart).map((t) => t.index));
  });

  it('writes tables of columns and spans as offset pairs: no sentence, mention or span text, no cue copy', () => {
    const record = toRecord(plain);
    const line = JSON.stringify(record);
    expect(record.formatVersion).toBe(4);
    expect(record.sentences).toEqual({ start: plain.sentences.map((s) => s.start), end: plain.sentences.map((s) => s.end), paragraph: plain.sentences.map((s) => s.paragraph) });
    expect(record.mentions?.actorId.length).toBe(plain.actors.flatMap((a) => a.mentions).length);
    // "said" of "Dmitry Peskov said on Saturday that ...": the cue span is its offsets only.
    const said = plain.cues.find((c) => c.lemma === 'say');
    expect(record.cues?.spans[plain.cues.indexOf(said as never)]).toEqual([[said?.spans[0]?.start, said?.spans[0]?.end]]);
    expect(record.attributions?.cueId).toEqual(plain.attributions.map((a) => a.cue.id));
    expect(line).not.toContain('"tokens"');
    expect(line).not.toContain('"text":"Kremlin spokesman"');
    // The article text is there once; no quoted span repeats part of it.
    expect(line.split('Ukraine was behind').length).toBe(2);
    const back = fromRecord(json(record));
    expect(back).toEqual(withoutTokenRanges(plain));
    expect(back.attributions[0]?.cue).toBe(back.cues.find((c) => c.id === back.attributions[0]?.cue.id));
  });

  it.each([
    // "may have denied it", "did not say", "I do not think", none
    [{ ...NO_ENVIRONMENT, modal: true }, 'modal'],
    [{ ...NO_ENVIRONMENT, negated: true, question: true }, 'negated question'],
    [{ ...NO_ENVIRONMENT, negated: true, firstPerson: true }, 'negated firstPerson'],
    [NO_ENVIRONMENT, ''],
  ])('packs a cue environment into one string of words: %o -> %j', (environment, packed) => {
    expect(packFlags(environment)).toBe(packed);
    expect(unpackFlags(packed)).toEqual(environment);
  });

  it('packs a predicate environment as tense, person, flags', () => {
    // "officials may have denied it": past, third person, modal; "said that": past, third person.
    expect(toRecord(plain).commitments?.environment).toContain('past third modal');
    const saidThat = analyzeArticle(clean({ id: 'r2', outlet: null, date: null, title: null, url: null, dropped: [], text: 'Officials said that the hall burned for hours. I do not think that Ukraine was behind it.' }));
    expect(toRecord(saidThat).commitments?.environment).toEqual(['past third', 'present first negated firstPerson']);
    expect(unpackPredicateEnvironment('present first negated firstPerson')).toEqual({ ...NO_ENVIRONMENT, negated: true, firstPerson: true, tense: 'present', person: 'first' });
    expect(fromRecord(json(toRecord(saidThat))).commitments).toEqual(saidThat.commitments);
  });

  it('refers to what the record already holds: claims to their sentence, predicates to their cue, aliases and roles to the mentions', () => {
    const record = toRecord(plain);
    // "The hall burned for hours." is a claim and a whole sentence: no span column at all.
    expect(plain.claims.length).toBeGreaterThan(0);
    expect(record.claims?.span).toBeUndefined();
    // "claimed" is both a cue and a clause-embedding predicate: the predicate names the cue.
    const said = analyzeArticle(clean({ id: 'r2', outlet: null, date: null, title: null, url: null, dropped: [], text: 'Officials said that the hall burned for hours. Peskov claimed that Ukraine was behind it.' }));
    expect(said.commitments.filter((p) => p.cueId !== undefined).length).toBe(2);
    const saidRecord = toRecord(said);
    expect(saidRecord.commitments?.cueId).toEqual(['c1', 'c2']);
    expect(saidRecord.commitments?.predicate).toEqual([null, null]);
    expect(fromRecord(json(saidRecord)).commitments).toEqual(said.commitments);
    expect(record.actors?.aliases).toBeUndefined();
    expect(record.actors?.roles).toBeUndefined();
    const peskov = record.mentions?.actorId.indexOf(plain.actors.find((x) => x.name === 'Dmitry Peskov')?.id ?? '') ?? -1;
    expect([record.mentions?.start[peskov], record.mentions?.end[peskov], record.mentions?.role?.[peskov]]).toEqual([plain.text.indexOf('Dmitry'), plain.text.indexOf(' said'), 'Kremlin spokesman']);
  });

  it('quotes spans where the record holds no text to slice them from', () => {
    // Without the sentences (or the text) a claim keeps its own span; without the cues a predicate too.
    const alone = toRecord(plain, parseFields('claims,commitments'));
    expect(alone.claims?.span?.every((s) => s !== null && s.length === 3)).toBe(true);
    expect(alone.commitments?.predicate.every((s) => s !== null && s.length === 3 && s[2] === plain.text.slice(s[0], s[1]))).toBe(true);
    const back = fromRecord(json(alone));
    expect(back.claims).toEqual(plain.claims);
    expect(back.commitments).toEqual(plain.commitments);
    const cues = toRecord(plain, parseFields('cues,attributions'));
    expect(fromRecord(json(cues)).attributions).toEqual(plain.attributions);
  });

  it('writes only the fields asked for', () => {
    const record = toRecord(analysed, parseFields('text,cues'));
    expect(Object.keys(record).sort()).toEqual(['cues', 'formatVersion', 'id', 'text']);
    expect(Object.keys(toRecord(analysed, parseFields('actors'))).sort()).toEqual(['actors', 'formatVersion', 'id', 'mentions']);
    expect(() => parseFields('text,quote')).toThrow(/unknown field "quote"/);
  });

  it('is smaller than version 3 by a third or more', () => {
    expect(JSON.stringify(toRecord(plain)).length).toBeLessThan(0.67 * JSON.stringify(toRecordV3(plain)).length);
  });

  it('reads version-3 and version-2 records to the same analysis', () => {
    const v4 = fromRecord(json(toRecord(plain)));
    expect(fromRecord(json(toRecordV3(plain)))).toEqual(v4);
    const v2 = json(version2Of(plain));
    expect(fromRecord(v2)).toEqual(v4);
    expect(fromRecord(json(toRecordV3(analysed, [...parseFields('text,sentences,tokens,cues,attributions,claims,commitments')])))).toEqual(roundTrip(analysed, parseFields('text,sentences,tokens,cues,attributions,claims,commitments')));
  });

  it('reads version-1 records as they are and rejects unknown versions and broken references', () => {
    const v1 = json(analysed) as AnalyzedArticle;
    expect(fromRecord(v1)).toEqual(v1);
    expect(() => fromRecord({ formatVersion: 9, id: 'x' })).toThrow(/unknown formatVersion 9/);
    expect(() => fromRecord(null)).toThrow(/got null/);
    const record = toRecord(analysed) as AnalysisRecord & Record<string, unknown>;
    const broken = { ...record, attributions: { ...record.attributions, cueId: record.attributions?.cueId.map(() => 'c99') } };
    expect(() => fromRecord(broken)).toThrow(/cue c99/);
    const stray = { ...record, mentions: { ...record.mentions, actorId: record.mentions?.actorId.map(() => 'a99') } };
    expect(() => fromRecord(stray)).toThrow(/actor a99/);
    const short = { ...record, cues: { ...record.cues, lemma: [] } };
    expect(() => fromRecord(short)).toThrow(/column cues.lemma has 0 rows/);
    const noSentence = { formatVersion: 4, id: 'x', text: 'A.', claims: { id: ['k1'], sentence: [4] } };
    expect(() => fromRecord(noSentence)).toThrow(/claim k1 names sentence 4/);
    const noSentenceV3 = { formatVersion: 3, id: 'x', text: 'A.', claims: [{ id: 'k1', sentence: 4 }] };
    expect(() => fromRecord(noSentenceV3)).toThrow(/claim k1 names sentence 4/);
  });
});
