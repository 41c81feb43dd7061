import { describe, expect, it } from 'vitest';
import { segment } from '../src/03-segment/index.js';
import { detectCues } from '../src/05-cues/detect.js';
import { cueKey } from '../src/05-cues/detect-key.js';
import { featureContext } from '../src/05-cues/detect-features.js';
import { DASH_ID } from '../src/05-cues/typed-marks.js';
import { decode, RowBuilder, TAGGER_BITS, type FeatureRows, type SequenceTagger, type TrainingSequence } from '../src/05-cues/detect-perceptron.js';
import { hashString, mix, scoreRows } from '../src/learn/index.js';
import { deserializeTagger, serializeTagger } from '../src/05-cues/detect-perceptron-io.js';
import { trainTagger } from '../src/05-cues/detect-perceptron-train.js';
import type { Segmented } from '../src/types/index.js';
import { defaultAttributionModel } from '../src/05-cues/detect-model.js';
import { scoreCodes, weightCodes, type WeightCodes } from '../src/05-cues/tagger-codes.js';

const seg = (text: string): Segmented => segment({ id: 't', outlet: null, date: null, title: null, url: null, text, dropped: [] });

/** The cue texts and keys found in `text`. */
function cuesOf(text: string): [string, string][] {
  const s = seg(text);
  return detectCues(s).map((c) => {
    const [first, end] = c.tokenRanges[0] ?? [0, 0];
    const a = s.tokens[first];
    const b = s.tokens[end - 1];
    return [a && b ? text.slice(a.start, b.end) : '', c.key];
  });
}

describe('detectCues: reporting verbs and phrases (trained tagger)', () => {
  // [sentence, expected [cue text, key] pairs]
  const cases: [string, [string, string][]][] = [
    ['Senator Jane Smith said that the bill would pass.', [['said', 'say']]],
    ['“We will win this election,” she said.', [['said', 'say']]],
    ['Mr. Jones told reporters that the plan was dead.', [['told', 'tell']]],
    ['According to three officials, the talks collapsed on Monday.', [['According to', 'according to']]],
    ['The minister insisted the country would not back down.', [['insisted', 'insist']]],
    ['Critics warned that the law would hurt small businesses.', [['warned', 'warn']]],
    ['The White House denied that the president had met the ambassador.', [['denied', 'deny']]],
    ['A new poll shows Clinton leading by five points.', [['shows', 'show']]],
    ['The governor warned:\n\n“Anyone who breaks the curfew will be arrested.”', [['warned:', 'warn']]],
    ['Reuters, citing three sources, reported that the deal had been signed.', [['citing', 'cite'], ['reported', 'report']]],
    ['Turnout rose sharply in Ohio this year.', []],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(cuesOf(text)).toEqual(expected);
  });

  // PolNeAR annotates "reportedly" as a source-less cue (19 of its 29 occurrences in train): a
  // sentence adverb that is a cue most of the time in training is a cue of its own.
  it('"reportedly" as a cue of its own, away from any verb cue', () => {
    expect(cuesOf('The attack was reportedly carried out by a small group.')).toEqual([['reportedly', 'reportedly']]);
  });

  // "allegedly" is a cue in only 2 of 12 training occurrences: left to the tagger, not forced.
  it('"allegedly" is not forced into a cue', () => {
    expect(cuesOf('The money was allegedly moved through a shell company.')).toEqual([]);
  });

  it('an adverb next to a verb cue stays in (or out of) that cue, never a second cue', () => {
    expect(cuesOf('She said bluntly that the plan had failed.').length).toBe(1);
  });
});

describe('featureContext: quote marks', () => {
  /** Each token as text/inQuote/quoteMark. */
  const marks = (text: string): string[] => {
    const s = seg(text);
    const ctx = featureContext(s);
    return s.tokens.map((t) => `${t.text}/${ctx.inQuote[t.index]}${ctx.quoteMark[t.index]}`);
  };
  it('reads two apostrophes as a quote mark (the typewriter convention of some newspapers)', () => {
    expect(marks("''We won,'' he said.")).toEqual(["'/13", "'/13", 'We/10', 'won/10', ',/10', "'/13", "'/13", 'he/00', 'said/00', './00']);
  });
  it('reads two backticks as an opening mark, closed by two apostrophes', () => {
    expect(marks("``Yes,'' she said.")).toEqual(['`/11', '`/11', 'Yes/10', ',/10', "'/13", "'/13", 'she/00', 'said/00', './00']);
  });
  it('leaves a lone apostrophe alone: no quote opens in "the players\' union"', () => {
    expect(marks("He backed the players' union.").every((m) => m.endsWith('/00'))).toBe(true);
  });
  it('still reads typographic marks as opening and closing', () => {
    expect(marks('“Go,” she said.')).toEqual(['“/11', 'Go/10', ',/10', '”/12', 'she/00', 'said/00', './00']);
  });
});

describe('featureContext: dashes', () => {
  /** The tokens the features read as a dash. */
  const dashes = (text: string): string[] => {
    const s = seg(text);
    const ctx = featureContext(s);
    return s.tokens.filter((t) => ctx.lower[t.index] === DASH_ID && ctx.lemma[t.index] === DASH_ID).map((t) => t.text);
  };
  it('reads "--" and a spaced hyphen as the dash "—"', () => {
    expect(dashes('He said -- in a rare move -- that it was over.')).toEqual(['--', '--']);
    expect(dashes('He said - in a rare move - that it was over.')).toEqual(['-', '-']);
    expect(dashes('He said — in a rare move — that it was over.')).toEqual(['—', '—']);
  });
  it('leaves the hyphen of a compound alone ("well-known")', () => {
    expect(dashes('It was a well-known fact.')).toEqual([]);
  });
});

describe('cueKey: lemma of the head verb, or the phrase', () => {
  const cases: [string, string][] = [
    ['has repeatedly said', 'say'],
    ['According to', 'according to'],
    ['said:', 'say'],
    ['did not deny', 'deny'],
    ['in a statement', 'in a statement'],
  ];
  it.each(cases)('%s -> %s', (text, key) => {
    expect(cueKey(seg(text).tokens)).toBe(key);
  });
});

describe('averaged perceptron tagger', () => {
  // A toy language: "say" starts a cue, "loudly" right after it continues it.
  const row = (tokens: string[]): FeatureRows => {
    const r = new RowBuilder(TAGGER_BITS);
    tokens.forEach((w, i) => {
      r.add(mix(1, hashString(w)));
      r.add(mix(2, hashString(tokens[i - 1] ?? '<s>')));
      r.next();
    });
    return r.build();
  };
  const labelOf = (tokens: string[]): number[] => tokens.map((w, i) => (w === 'say' ? 1 : w === 'loudly' && tokens[i - 1] === 'say' ? 2 : 0));
  const data: TrainingSequence[] = [];
  const sentences = [['he', 'say', 'loudly', 'it'], ['it', 'rain', 'loudly'], ['say', 'it'], ['he', 'rain'], ['loudly', 'he', 'say']];
  for (let i = 0; i < 40; i++) {
    const tokens = sentences[i % sentences.length] ?? [];
    const r = row(tokens);
    data.push({ rows: r, labels: labelOf(tokens) });
  }
  const tagger = trainTagger(['O', 'B-cue', 'I-cue'], data, { epochs: 5, minCount: 1 });

  it('learns the toy cues and never emits I- without B-', () => {
    expect(decode(tagger, row(['he', 'say', 'loudly', 'it']))).toEqual([0, 1, 2, 0]);
    expect(decode(tagger, row(['loudly', 'it']))[0]).not.toBe(2);
  });

  it('survives a JSON round trip', () => {
    const copy = deserializeTagger(JSON.parse(JSON.stringify(serializeTagger(tagger))) as ReturnType<typeof serializeTagger>);
    expect(decode(copy, row(['it', 'rain', 'say', 'loudly']))).toEqual(decode(tagger, row(['it', 'rain', 'say', 'loudly'])));
  });

  it('is deterministic', () => {
    const again = trainTagger(['O', 'B-cue', 'I-cue'], data, { epochs: 5, minCount: 1 });
    expect(serializeTagger(again)).toEqual(serializeTagger(tagger));
  });

  it('rejects a malformed model with a TypeError', () => {
    expect(() => deserializeTagger({ labels: ['O'], model: '', transitions: [0, 0] })).toThrow(TypeError);
    const good = serializeTagger(tagger);
    expect(() => deserializeTagger({ ...good, model: good.model.slice(0, 40) })).toThrow(/truncated|not a linear model/);
  });

  it('gives no codes when a float weight is not exactly code x scale (then decoding reads the floats)', () => {
    const bytes = new Uint8Array(Buffer.from(serializeTagger(tagger).model, 'base64'));
    const loaded = deserializeTagger(serializeTagger(tagger));
    expect(loaded.codes).toBeDefined();
    const weights = loaded.model.weights.slice();
    const live = weights.findIndex((w) => w !== 0);
    weights[live] = (weights[live] ?? 0) * 1.0001;
    const changed = { ...loaded.model, weights };
    expect(weightCodes(changed, bytes)).toBeUndefined();
    const floats: SequenceTagger = { labels: loaded.labels, model: loaded.model, allowed: loaded.allowed, transitions: loaded.transitions };
    expect(decode(floats, row(['it', 'rain', 'say', 'loudly']))).toEqual(decode(loaded, row(['it', 'rain', 'say', 'loudly'])));
  });
});

describe('dense tagger weights', () => {
  it('scores a feature by reading its bucket: an unseen feature adds nothing', () => {
    const tagger = trainTagger(['O', 'B-cue', 'I-cue'], [{ rows: (() => { const r = new RowBuilder(TAGGER_BITS); r.add(mix(1, hashString('say'))); r.next(); return r.build(); })(), labels: [1] }], { epochs: 1, minCount: 1 });
    const known = new RowBuilder(TAGGER_BITS);
    known.add(mix(1, hashString('say'))); known.next();
    known.add(mix(1, hashString('zebra'))); known.next();
    const scores = scoreRows(tagger.model, known.view());
    expect([...scores.subarray(3, 6)]).toEqual([...tagger.model.bias]);
    expect(scores[1]).toBeGreaterThan(scores[0] ?? 0);
    expect(decode(tagger, known.view())[0]).toBe(1);
    expect(tagger.model.weights).toBeInstanceOf(Float32Array);
    expect(tagger.model.weights.length).toBe((1 << TAGGER_BITS) * 3);
  });
});

describe('int16 weight codes (what decoding reads)', () => {
  it('the shipped taggers score every feature bucket exactly as their float32 weights', () => {
    const model = defaultAttributionModel();
    for (const tagger of [model.cue, model.role]) {
      expect(tagger.codes?.codes).toBeInstanceOf(Int16Array);
      // Every bucket once, in rows of 40 features, some with a real value (addValue).
      const rows = new RowBuilder(tagger.model.bits);
      for (let b = 0; b < 1 << tagger.model.bits; b++) {
        rows.addValue(b, b % 7 === 0 ? 0.5 : 1);
        if (b % 40 === 39) rows.next();
      }
      rows.next();
      const codes = tagger.codes as WeightCodes;
      expect([...scoreCodes(tagger.model, codes, rows.view())]).toEqual([...scoreRows(tagger.model, rows.view())]);
    }
  });
  it('rows of indicator features only (as the taggers build) score the same as with their values read', () => {
    const model = defaultAttributionModel();
    for (const tagger of [model.cue, model.role]) {
      const rows = new RowBuilder(tagger.model.bits);
      for (let b = 0; b < 1 << tagger.model.bits; b++) {
        rows.addMix(b % 151, b, b >>> 3, 0);
        if (b % 40 === 39) rows.next();
      }
      rows.next();
      expect(rows.view().indicators).toBe(true);
      const codes = tagger.codes as WeightCodes;
      expect([...scoreCodes(tagger.model, codes, rows.view())]).toEqual([...scoreRows(tagger.model, rows.view())]);
      // The same rows without the flag take the general loop: the same scores.
      const view = rows.view();
      const unflagged = { ids: view.ids, values: view.values, offsets: view.offsets, length: view.length };
      expect([...scoreCodes(tagger.model, codes, unflagged)]).toEqual([...scoreCodes(tagger.model, codes, view)]);
    }
    const valued = new RowBuilder(8);
    valued.add(3); valued.addValue(4, 0.5); valued.next();
    expect(valued.view().indicators).toBe(false);
    valued.reset(); valued.add(3); valued.next();
    expect(valued.view().indicators).toBe(true);
  });
});
