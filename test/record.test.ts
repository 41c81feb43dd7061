import { describe, expect, it } from 'vitest';
import { clean } from '../src/02-clean/index.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import { fromRecord, parseFields, toRecord, type AnalysisRecord } from '../src/record/index.js';
import type { AnalyzedArticle, Article } from '../src/types/index.js';

const article: Article = clean({
  id: 'r1', outlet: 'Wire', date: '2024-03-23', title: 'Kremlin responds', url: null, dropped: [],
  text: 'Kremlin spokesman Dmitry Peskov said on Saturday that Ukraine was behind the attack.\n\n“We do not know who did it,” he told reporters. According to Reuters, officials may have denied it.\n\nThe hall burned for hours.',
});
const analysed = analyzeArticle(article, { includeTokens: true });
const roundTrip = (value: AnalyzedArticle, fields?: Parameters<typeof toRecord>[1]): AnalyzedArticle => fromRecord(JSON.parse(JSON.stringify(toRecord(value, fields))));

/** The version-2 record of an analysis, as narrascope wrote it before version 3: every part written out. */
function version2Of(a: AnalyzedArticle): Record<string, unknown> {
  const record = toRecord(a) as unknown as Record<string, unknown>;
  return {
    ...record, formatVersion: 2,
    actors: a.actors.map((x) => ({ id: x.id, name: x.name, kind: x.kind, aliases: x.aliases, roles: x.roles, mentions: x.mentions.map((m) => ({ start: m.start, end: m.end, form: m.form, ...(m.role ? { role: m.role } : {}) })) })),
    claims: a.claims,
    commitments: a.commitments,
  };
}

describe('analysis records (formatVersion 3)', () => {
  it('round-trips an analysis with tokens exactly', () => {
    expect(analysed.attributions.length).toBeGreaterThan(0);
    expect(roundTrip(analysed, [...parseFields('outlet,date,title,url,text,dropped,sentences,tokens,actors,cues,attributions,claims,commitments,diagnostics')])).toEqual(analysed);
  });

  it('stores no sentence text, no mention text and no cue copy, and restores them', () => {
    const { tokens: _tokens, ...plain } = analysed;
    const record = toRecord(plain) as AnalysisRecord & Record<string, unknown>;
    const line = JSON.stringify(record);
    expect(record.formatVersion).toBe(3);
    expect(record.sentences?.[0]).toEqual({ start: 0, end: analysed.sentences[0]?.end, paragraph: 0 });
    expect(record.actors?.flatMap((a) => a.mentions).every((m) => !('text' in m) && !('actorId' in m))).toBe(true);
    expect(record.attributions?.every((a) => typeof a.cueId === 'string' && !('cue' in a))).toBe(true);
    expect(line).not.toContain('"tokens"');
    const back = fromRecord(JSON.parse(line));
    // Without tokens a sentence's token range is unknown (-1); everything else comes back.
    expect(back).toEqual({ ...plain, sentences: plain.sentences.map((s) => ({ ...s, firstToken: -1, endToken: -1 })) });
    expect(back.attributions[0]?.cue).toBe(back.cues.find((c) => c.id === back.attributions[0]?.cue.id));
  });

  it('refers to what the record already holds: claims to their sentence, predicates to their cue, aliases and roles to the mentions', () => {
    const { tokens: _tokens, ...plain } = analysed;
    const record = toRecord(plain);
    // "The hall burned for hours." is a claim and a whole sentence: {id, sentence}, no span.
    expect(analysed.claims.length).toBeGreaterThan(0);
    expect(record.claims?.every((k) => k.span === undefined)).toBe(true);
    // "claimed" is both a cue and a clause-embedding predicate: the predicate names the cue.
    const said = analyzeArticle(clean({ id: 'r2', outlet: null, date: null, title: null, url: null, dropped: [], text: 'Officials said that the hall burned for hours. Peskov claimed that Ukraine was behind it.' }));
    expect(said.commitments.filter((p) => p.cueId !== undefined).length).toBe(2);
    const saidRecord = toRecord(said);
    expect(saidRecord.commitments?.map((p) => [p.cueId, p.predicate, p.environment])).toEqual([['c1', undefined, { tense: 'past', person: 'third' }], ['c2', undefined, { tense: 'past', person: 'third' }]]);
    expect(fromRecord(JSON.parse(JSON.stringify(saidRecord))).commitments).toEqual(said.commitments);
    expect(record.actors?.every((x) => x.aliases === undefined && x.roles === undefined)).toBe(true);
    const peskov = record.actors?.find((x) => x.name === 'Dmitry Peskov');
    expect(peskov?.mentions[0]).toEqual({ start: analysed.text.indexOf('Dmitry'), end: analysed.text.indexOf(' said'), role: 'Kremlin spokesman' });
    // Without the sentences (or the text) a claim keeps its own span; without the cues a predicate too.
    const alone = toRecord(plain, parseFields('claims,commitments'));
    expect(alone.claims?.every((k) => k.span?.text !== undefined)).toBe(true);
    expect(alone.commitments?.every((p) => p.predicate?.text !== undefined)).toBe(true);
    const back = fromRecord(JSON.parse(JSON.stringify(alone)));
    expect(back.claims).toEqual(plain.claims);
    expect(back.commitments).toEqual(plain.commitments);
  });

  it('writes only the fields asked for', () => {
    const record = toRecord(analysed, parseFields('text,cues'));
    expect(Object.keys(record).sort()).toEqual(['cues', 'formatVersion', 'id', 'text']);
    expect(() => parseFields('text,quotes')).toThrow(/unknown field "quotes"/);
  });

  it('reads version-2 records (everything written out) to the same analysis', () => {
    const { tokens: _tokens, ...plain } = analysed;
    const v2 = JSON.parse(JSON.stringify(version2Of(plain))) as unknown;
    expect(fromRecord(v2)).toEqual(fromRecord(JSON.parse(JSON.stringify(toRecord(plain)))));
    expect(JSON.stringify(v2).length).toBeGreaterThan(JSON.stringify(toRecord(plain)).length);
  });

  it('reads version-1 records as they are and rejects unknown versions', () => {
    const v1 = JSON.parse(JSON.stringify(analysed)) as AnalyzedArticle;
    expect(fromRecord(v1)).toEqual(v1);
    expect(() => fromRecord({ formatVersion: 9, id: 'x' })).toThrow(/unknown formatVersion 9/);
    expect(() => fromRecord(null)).toThrow(/got null/);
    const broken = { ...toRecord(analysed), attributions: [{ id: 't1', source: null, cueId: 'c99', content: [] }] };
    expect(() => fromRecord(broken)).toThrow(/cue c99/);
    const noSentence = { formatVersion: 3, id: 'x', text: 'A.', claims: [{ id: 'k1', sentence: 4 }] };
    expect(() => fromRecord(noSentence)).toThrow(/claim k1 names sentence 4/);
  });
});
