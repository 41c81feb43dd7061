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

describe('analysis records (formatVersion 2)', () => {
  it('round-trips an analysis with tokens exactly', () => {
    expect(analysed.attributions.length).toBeGreaterThan(0);
    expect(roundTrip(analysed, [...parseFields('outlet,date,title,url,text,dropped,sentences,tokens,actors,cues,attributions,claims,commitments,diagnostics')])).toEqual(analysed);
  });

  it('stores no sentence text, no mention text and no cue copy, and restores them', () => {
    const { tokens: _tokens, ...plain } = analysed;
    const record = toRecord(plain) as AnalysisRecord & Record<string, unknown>;
    const line = JSON.stringify(record);
    expect(record.formatVersion).toBe(2);
    expect(record.sentences?.[0]).toEqual({ start: 0, end: analysed.sentences[0]?.end, paragraph: 0 });
    expect(record.actors?.flatMap((a) => a.mentions).every((m) => !('text' in m) && !('actorId' in m))).toBe(true);
    expect(record.attributions?.every((a) => typeof a.cueId === 'string' && !('cue' in a))).toBe(true);
    expect(line).not.toContain('"tokens"');
    const back = fromRecord(JSON.parse(line));
    // Without tokens a sentence's token range is unknown (-1); everything else comes back.
    expect(back).toEqual({ ...plain, sentences: plain.sentences.map((s) => ({ ...s, firstToken: -1, endToken: -1 })) });
    expect(back.attributions[0]?.cue).toBe(back.cues.find((c) => c.id === back.attributions[0]?.cue.id));
  });

  it('writes only the fields asked for', () => {
    const record = toRecord(analysed, parseFields('text,cues'));
    expect(Object.keys(record).sort()).toEqual(['cues', 'formatVersion', 'id', 'text']);
    expect(() => parseFields('text,quotes')).toThrow(/unknown field "quotes"/);
  });

  it('reads version-1 records as they are and rejects unknown versions', () => {
    const v1 = JSON.parse(JSON.stringify(analysed)) as AnalyzedArticle;
    expect(fromRecord(v1)).toEqual(v1);
    expect(() => fromRecord({ formatVersion: 9, id: 'x' })).toThrow(/unknown formatVersion 9/);
    expect(() => fromRecord(null)).toThrow(/got null/);
    const broken = { ...toRecord(analysed), attributions: [{ id: 't1', source: null, cueId: 'c99', content: [] }] };
    expect(() => fromRecord(broken)).toThrow(/cue c99/);
  });
});
