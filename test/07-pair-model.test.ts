// The narratives' trained pair model: its features, its file and what it changes in the graph.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildGraph, FEATURE, loadPairModel, PAIR_FEATURES, PAIR_LABELS, pairContext, pairFeatures, scorePair, type ClaimFeatures,
} from '../src/07-narratives/index.js';
import type { NarrativeClaim } from '../src/types/index.js';

/** A claim's features by hand: what the pair features read. */
function f(over: { id?: string; text?: string; words?: string[]; actorId?: string; articleId?: string; sentence?: number; entities?: string[]; polarity?: 1 | -1; voice?: 'own' | 'attributed'; cueLemma?: string; start?: number }): ClaimFeatures {
  const text = over.text ?? (over.words ?? []).join(' ');
  const claim: NarrativeClaim = {
    id: over.id ?? 'c', articleId: over.articleId ?? 'a', outlet: null, sentence: over.sentence ?? 0, start: over.start ?? 0, end: (over.start ?? 0) + text.length, text,
    stance: 'asserts', voice: over.voice ?? 'attributed', commitment: 0.7,
    ...(over.actorId ? { actorId: over.actorId } : {}), ...(over.cueLemma ? { cueLemma: over.cueLemma } : {}),
  };
  return {
    claim, words: over.words ?? [], entities: new Set(over.entities ?? []), agency: false, culprits: new Set(), exclusive: false,
    openQuestion: false, polarity: over.polarity ?? 1, nameWords: new Set(), question: 'truth', numbers: [],
  };
}

const kristol = f({ id: 'k', text: 'Steele should resign as party chairman', words: ['steel', 'resign', 'parti', 'chairman'], actorId: 'kristol', entities: ['steele'], articleId: 'a1', sentence: 3 });
const senor = f({ id: 's', text: 'Steele ought to step down from the party post', words: ['steel', 'step', 'parti', 'post'], actorId: 'senor', entities: ['steele'], articleId: 'a2', sentence: 5 });
const steele = f({ id: 'st', text: 'Afghanistan is a war of Obama\'s choosing', words: ['afghanistan', 'war', 'obama', 'choos'], actorId: 'steele', articleId: 'a1', sentence: 1 });
const steeleAgain = f({ id: 'st2', text: 'It was the president who chose to make it his war', words: ['presid', 'chose', 'make', 'war'], actorId: 'steele', articleId: 'a1', sentence: 2 });
const copy = f({ id: 'cp', text: 'Steele should resign as party chairman', words: ['steel', 'resign', 'parti', 'chairman'], actorId: 'mccain', entities: ['steele'], articleId: 'a3', sentence: 0 });

describe('7.6a pair features', () => {
  const ctx = pairContext([kristol, senor, steele, steeleAgain, copy], null, null);
  const read = (i: number, j: number): Float64Array => pairFeatures(ctx, i, j).vector;

  it('has one value per named feature', () => {
    expect(read(0, 1)).toHaveLength(PAIR_FEATURES.length);
  });

  it('tells a copy of one claim, the same speaker going on, and one speaker talking about another', () => {
    expect(read(0, 4)[FEATURE.copy]).toBe(1);
    expect(read(0, 1)[FEATURE.copy]).toBe(0);
    expect(read(2, 3)[FEATURE['same-speaker-adjacent']]).toBe(1);
    expect(read(0, 2)[FEATURE['same-speaker-adjacent']]).toBe(0);
    // Kristol's claim names Steele, who speaks the other claim.
    expect(read(0, 2)[FEATURE['mentions-other-speaker']]).toBe(1);
    expect(read(0, 1)[FEATURE['mentions-other-speaker']]).toBe(0);
    expect(read(0, 1)[FEATURE['attributed-across-articles']]).toBe(1);
  });

  it('reads shared words: two calls to resign share more than a call and an unrelated claim', () => {
    expect(read(0, 1)[FEATURE.tfidf]).toBeGreaterThan(read(0, 2)[FEATURE.tfidf] ?? 1);
  });
});

describe('7.6c pair model', () => {
  const model = loadPairModel();

  it('is the shipped file, with this version\'s features and labels', () => {
    expect(model.features).toEqual([...PAIR_FEATURES]);
    expect(model.labels).toEqual([...PAIR_LABELS]);
  });

  it('gives probabilities that sum to 1, and more "same" to a copy than to claims apart', () => {
    const ctx = pairContext([kristol, senor, steele, steeleAgain, copy], null, null);
    const p = (i: number, j: number) => scorePair(model, pairFeatures(ctx, i, j).vector);
    const copied = p(0, 4);
    expect(copied.same + copied.rival + copied.other).toBeCloseTo(1, 9);
    expect(copied.same).toBeGreaterThan(p(0, 2).same);
  });

  it('rejects a model file made for other features, naming the file and what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'narrascope-pairs-'));
    const file = join(dir, 'old.json');
    writeFileSync(file, JSON.stringify({ ...model, features: model.features.slice(1), weights: model.weights.map((w) => w.slice(1)) }));
    expect(() => loadPairModel(file)).toThrow(/old\.json.*retrain/);
    writeFileSync(file, '{"format":"something-else"}');
    expect(() => loadPairModel(file)).toThrow(/old\.json is not a narrative pair model \(format/);
  });

  it('moves the graph: with the model the positive edges differ from the hand-set weights alone', () => {
    const features = [kristol, senor, steele, steeleAgain];
    const hand = buildGraph(features, { pairModel: null, embeddings: null, relations: null });
    const withModel = buildGraph(features, { pairModel: model, embeddings: null, relations: null });
    expect([...withModel.weights]).not.toEqual([...hand.weights]);
    // Off: the option gives back exactly the hand-set graph.
    expect([...buildGraph(features, { pairModel: model, pairWeight: 0, sameOffset: 0, embeddings: null, relations: null }).weights]).toEqual([...hand.weights]);
  });
});
