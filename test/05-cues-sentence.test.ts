import { describe, expect, it } from 'vitest';
import { segment } from '../src/03-segment/index.js';
import { featureContext, rateIds } from '../src/05-cues/detect-features.js';
import { sentenceSummary, type SentenceSummary } from '../src/05-cues/detect-sentence.js';
import type { Segmented } from '../src/types/index.js';

const seg = (text: string): Segmented => segment({ id: 't', outlet: null, date: null, title: null, url: null, text, dropped: [] });

// Hand-made cue rates (bin names as in the model: r5 >= 60%, r3 10-30%, r0 never a cue), so the
// tests do not depend on the trained model.
const rates = new Map([['say', 'r5'], ['support', 'r3'], ['reform', 'r1'], ['plan', 'r3'], ['the', 'r0'], ['senator', 'r0']]);

/** The summary of the first token whose lower form is `word`, in the first sentence of `text`. */
function summaryOf(text: string, word: string): SentenceSummary & { index: number } {
  const s = seg(text);
  const ctx = featureContext(s);
  const rate = rateIds(s, rates);
  const sentence = s.sentences[0];
  const token = s.tokens.find((t) => t.lower === word);
  if (!sentence || !token) throw new Error(`test: "${word}" not in ${text}`);
  return { ...sentenceSummary(ctx, rate, token.index, sentence.firstToken, sentence.endToken), index: token.index };
}

describe('sentenceSummary: the sentence-wide facts of the cue tagger', () => {
  it('a sentence with no near-certain cue: its most cue-like word is on top', () => {
    const s = summaryOf('The senators support reforming the system.', 'support');
    expect(s.strong).toBe(0);
    expect(s.top).toBe(2);
  });

  it('finds the first verb of the word\'s own clause, commas and dashes closing a clause', () => {
    const text = 'Iran had warned Russia before the attack, which claimed many lives, the agency reported on Monday.';
    expect(summaryOf(text, 'warned').firstVerb).toBe(summaryOf(text, 'warned').index);
    expect(summaryOf(text, 'reported').firstVerb).toBe(summaryOf(text, 'reported').index);
    expect(summaryOf(text, 'monday').firstVerb).toBe(summaryOf(text, 'reported').index);
    expect(summaryOf(text, 'attack').firstVerb).toBe(summaryOf(text, 'warned').index);
    const dashed = 'The plan -- officials insisted -- would cost little.';
    expect(summaryOf(dashed, 'insisted').firstVerb).toBe(summaryOf(dashed, 'insisted').index);
    expect(summaryOf(dashed, 'plan').firstVerb).toBe(-1);
  });

  it('counts a near-certain cue across commas, and not the word itself', () => {
    const other = summaryOf('The senators, aides said, support reforming the system.', 'support');
    expect(other.strong).toBe(1);
    expect(other.top).toBe(0);
    const self = summaryOf('The senators, aides said, support reforming the system.', 'said');
    expect(self.strong).toBe(0);
    expect(self.top).toBe(2);
  });

  it('two words with the same rate are both level with the highest', () => {
    expect(summaryOf('The senators support the plan.', 'support').top).toBe(1);
  });

  it('does not carry one sentence over to the next (each sentence is scanned anew)', () => {
    const s = seg('Aides said so. The senators support reforming the system.');
    const ctx = featureContext(s);
    const rate = rateIds(s, rates);
    const [first, second] = s.sentences;
    const support = s.tokens.find((t) => t.lower === 'support');
    if (!first || !second || !support) throw new Error('test: segmentation');
    const said = s.tokens.find((t) => t.lower === 'said')?.index ?? -1;
    expect(sentenceSummary(ctx, rate, said, first.firstToken, first.endToken).top).toBe(2);
    expect(sentenceSummary(ctx, rate, support.index, second.firstToken, second.endToken).strong).toBe(0);
  });
});
