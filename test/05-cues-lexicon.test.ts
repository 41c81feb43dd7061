import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { winkAnalyze } from '../src/adapters/wink.js';
import { defaultStanceLexicon, loadStanceLexicon, lookupCue } from '../src/05-cues/lexicon.js';
import type { StanceClass } from '../src/types/index.js';
import { ROOT, SHARED } from './support/paths.js';

const lexicon = defaultStanceLexicon();

describe('stance lexicon: the bundled file', () => {
  it('has several hundred unique entries, every class well represented', () => {
    expect(lexicon.entries.length).toBeGreaterThanOrEqual(500);
    expect(lexicon.byKey.size).toBe(lexicon.entries.length);
    const byClass = new Map<string, number>();
    for (const e of lexicon.entries) byClass.set(e.class, (byClass.get(e.class) ?? 0) + 1);
    for (const c of ['neutral', 'endorsing', 'distancing', 'insistence', 'hedging', 'denial', 'accusation', 'doubt']) {
      expect(byClass.get(c) ?? 0).toBeGreaterThanOrEqual(20);
    }
  });

  it('keeps scores in [-1, 1] and cites only declared sources', () => {
    for (const e of lexicon.entries) {
      expect(Math.abs(e.sourceCommitment)).toBeLessThanOrEqual(1);
      expect(Math.abs(e.reporterCommitment)).toBeLessThanOrEqual(1);
      expect(e.provenance.length).toBeGreaterThan(0);
      for (const p of e.provenance) expect(lexicon.sources).toHaveProperty(p);
    }
  });

  const classes: [StanceClass, string[]][] = [
    ['neutral', ['say', 'tell', 'report', 'according to', 'state', 'add', 'note', 'write', 'announce']],
    ['endorsing', ['confirm', 'reveal', 'show', 'acknowledge', 'admit', 'find', 'prove', 'demonstrate']],
    ['distancing', ['claim', 'allege', 'purport', 'purportedly', 'so-called']],
    ['insistence', ['insist', 'stress', 'maintain', 'reiterate', 'emphasize', 'vow']],
    ['hedging', ['suggest', 'signal', 'hint', 'speculate', 'indicate', 'imply', 'appear', 'seem']],
    ['denial', ['deny', 'reject', 'dismiss', 'refute', 'disavow']],
    ['accusation', ['accuse', 'blame', 'charge', 'condemn']],
    ['doubt', ['question', 'doubt', 'skeptical', 'dispute', 'cast doubt']],
  ];
  it.each(classes)('%s: %j', (cls, keys) => {
    for (const key of keys) expect(lookupCue(key)?.class, key).toBe(cls);
  });

  it('marks the factives and gives them writer commitment; distancing cues get negative writer commitment', () => {
    for (const key of ['reveal', 'know', 'admit', 'acknowledge', 'realize']) {
      expect(lookupCue(key)?.factive, key).toBe(true);
      expect(lookupCue(key)?.reporterCommitment, key).toBeGreaterThanOrEqual(0.5);
    }
    for (const key of ['say', 'claim', 'suggest', 'confirm']) expect(lookupCue(key)?.factive, key).toBe(false);
    expect(lookupCue('say')?.reporterCommitment).toBe(0);
    expect(lookupCue('claim')?.reporterCommitment).toBeLessThan(-0.3);
    expect(lookupCue('allege')?.reporterCommitment).toBeLessThan(-0.3);
  });
});

describe('lookupCue', () => {
  it('normalises case, spacing and curly apostrophes, and falls back to the head of a phrase', () => {
    expect(lookupCue('  According   TO ')?.key).toBe('according to');
    expect(lookupCue('call on')?.key).toBe('call on');
    expect(lookupCue('deny outright')?.key).toBe('deny');
    expect(lookupCue('zzz')).toBeUndefined();
  });
});

describe('loadStanceLexicon', () => {
  const dir = mkdtempSync(join(tmpdir(), 'narrascope-lexicon-'));
  it('loads a custom file', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify({ version: 't', sources: {}, entries: [{ key: 'Grumble', class: 'doubt', sourceCommitment: -0.2, reporterCommitment: 0, factive: false, provenance: [] }] }));
    const custom = loadStanceLexicon(file);
    expect(lookupCue('grumble', custom)?.class).toBe('doubt');
    expect(lookupCue('say', custom)).toBeUndefined();
  });
  it('throws a TypeError naming the bad field', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 't', sources: {}, entries: [{ key: 'x', class: 'angry', sourceCommitment: 0, reporterCommitment: 0, factive: false, provenance: [] }] }));
    expect(() => loadStanceLexicon(file)).toThrow(/narrascope: invalid stance lexicon .*entries\.0\.class/);
    expect(() => loadStanceLexicon(join(dir, 'missing.json'))).toThrow(TypeError);
  });
});

const REPORT_VERBS = join(SHARED, 'corpora', 'recasens2013_lexicons', 'report_verbs.txt');
describe.skipIf(!existsSync(REPORT_VERBS))('stance lexicon: coverage of the shared sources', () => {
  it('classifies every Recasens et al. report verb', () => {
    const words = readFileSync(REPORT_VERBS, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const missing = words.filter((w) => !lookupCue(w) && !lookupCue(winkAnalyze(`they ${w}`).tokens[1]?.lemma ?? w));
    expect(missing).toEqual([]);
  });

  it('matches what scripts/build-lexicon.ts builds from the seed table (the committed JSON is up to date)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'narrascope-lexicon-')), 'rebuilt.json');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-lexicon.ts', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'data', 'lexicons', 'stance-lexicon.json'), 'utf8'));
  });
});
