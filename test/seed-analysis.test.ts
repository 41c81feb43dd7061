import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/02-clean/index.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import type { AnalyzedArticle, Attribution, Span } from '../src/types/index.js';
import { SEED } from './support/paths.js';

// The whole per-article chain on the shipped seed article: the acceptance cases of issue 4.
const text = readFileSync(SEED, 'utf8');
const result: AnalyzedArticle = analyzeArticle(clean({ id: 'seed', outlet: null, date: null, title: null, url: null, text, dropped: [] }), { clean: false });
const actorName = (a: Attribution): string | undefined => result.actors.find((x) => x.id === a.source?.actorId)?.name;
const byCue = (cueText: string): Attribution | undefined =>
  result.attributions.find((a) => a.cue.spans.map((s) => s.text).join(' ').includes(cueText));

describe('seed article: attributions', () => {
  it('quotes every span exactly from the original text', () => {
    const spans: Span[] = [
      ...result.attributions.flatMap((a) => [...(a.source?.spans ?? []), ...a.cue.spans, ...a.content]),
      ...result.actors.flatMap((a) => a.mentions),
    ];
    expect(spans.length).toBeGreaterThan(20);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('Reuters reported (neutral), citing three sources', () => {
    const reported = byCue('reported');
    expect(reported?.source?.spans[0]?.text).toBe('Reuters');
    expect(actorName(reported!)).toBe('Reuters');
    expect(reported?.cue.stanceClass).toBe('neutral');
    expect(reported?.content.map((c) => c.text).join(' ')).toContain('Iran had tipped Russia off');
  });

  it('Peskov said, and he told: both attributed to the actor Dmitry Peskov', () => {
    const said = result.attributions.find((a) => a.cue.lemma === 'say' && a.source?.spans[0]?.text.includes('Peskov'));
    expect(said).toBeDefined();
    expect(actorName(said!)).toBe('Dmitry Peskov');
    expect(said?.content.map((c) => c.text).join(' ')).toContain('not aware about any warnings');
    const told = result.attributions.find((a) => a.cue.lemma === 'tell' && a.source?.spans[0]?.text === 'he');
    expect(actorName(told!)).toBe('Dmitry Peskov');
    expect(told?.content[0]?.text).toContain('I do not know anything about this');
  });

  it.each([
    ['have insisted', 'insistence', 'The US and the EU'],
    ['suggested', 'hedging', 'Aleksandr Bortnikov'],
    ['signaling', 'hedging', 'top officials'],
    ['skeptical', 'doubt', 'Moscow'],
  ])('"%s" is %s, source %s', (cue, cls, source) => {
    const attribution = byCue(cue);
    expect(attribution?.cue.stanceClass).toBe(cls);
    expect(attribution?.source?.spans.map((s) => s.text).join(' ')).toContain(source);
  });

  it('Moscow is the Russian state, and Bortnikov is linked to his own actor, not Russia', () => {
    expect(actorName(byCue('skeptical')!)).toBe('Russia');
    expect(actorName(byCue('suggested')!)).toBe('Aleksandr Bortnikov');
  });

  it('reads nothing from the dropped teaser lines', () => {
    const teaserStart = result.dropped[0]?.start ?? Infinity;
    expect(result.attributions.every((a) => a.cue.spans.every((s) => s.end <= teaserStart))).toBe(true);
  });
});

describe('seed article: actors', () => {
  const actor = (name: string) => result.actors.find((a) => a.name === name);
  it('merges Kremlin spokesman Dmitry Peskov / he / he, keeping the role', () => {
    const peskov = actor('Dmitry Peskov');
    expect(peskov?.kind).toBe('person');
    expect(peskov?.roles).toContain('Kremlin spokesman');
    expect(peskov?.mentions.filter((m) => m.text === 'he')).toHaveLength(2);
  });
  it('maps Moscow and the Kremlin to Russia, Tehran and "the Iranian side" to Iran', () => {
    expect(actor('Russia')?.aliases).toEqual(expect.arrayContaining(['Moscow']));
    expect(actor('Iran')?.aliases).toEqual(expect.arrayContaining(['Tehran', 'The Iranian side']));
  });
});
