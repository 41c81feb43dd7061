/**
 * Pair features of the relation model: how a claim and a text relate, as one sparse row of
 * hashed features (src/learn). Families, each with an example of what it catches:
 * - similarity: TF-IDF cosine, weighted word overlap, SIF mean-vector cosine, soft alignment
 *   ("troops killed" ~ "soldiers shot dead"), over the whole text and its best sentences;
 * - entities: claim numbers and names found or missing ("43 students" vs "15 bodies"), a rival
 *   name in the best sentence ("ISIS-K" vs "Ukraine");
 * - stance: refuting, denial, hedge and stance-class words in the best sentences and the lead
 *   ("the photo is a hoax"), negation on a word aligned with the claim ("did not kill");
 * - words: stems of the best sentences and the claim, crossed with the similarity level.
 * Real values are also binned, so the linear model can bend around thresholds.
 */
import type { WordVectors } from '../adapters/embeddings.js';
import { cosine } from '../adapters/embeddings.js';
import { mix } from '../learn/index.js';
import { IS_HEDGE, IS_NEGATION, IS_REFUTING, indexText, type TextIndex } from './body-index.js';
import type { PreparedText } from './text.js';

/** Sentence scores of a pair, best first (also used to pick the evidence). */
export interface SentenceScore {
  readonly sentence: number;
  readonly overlap: number;
  readonly alignment: number;
  readonly score: number;
}

// Feature template ids (stable: they are part of the trained model).
const T = {
  bias: 1, value: 2, bin: 3, count: 4, flagBest: 5, flagLead: 6, flagAll: 7, classBest: 8, classLead: 9, classAll: 10,
  claimFlag: 11, cross: 12, bestStem: 13, claimStem: 14, leadStem: 15, negAligned: 16, claimClass: 17, bodyStem: 18,
} as const;

/** Where features go: a RowBuilder, or a {@link Tee} into two. */
export interface FeatureSink {
  add(hash: number): void;
  addValue(hash: number, value: number): void;
  /** Record a named value (only {@link explainPair}'s sink does). */
  note?(name: string, value: number): void;
}

/** Writes every feature into two sinks (the dense features go to both stages' rows). */
export class Tee implements FeatureSink {
  constructor(private readonly a: FeatureSink, private readonly b: FeatureSink) {}
  add(hash: number): void { this.a.add(hash); this.b.add(hash); }
  addValue(hash: number, value: number): void { this.a.addValue(hash, value); this.b.addValue(hash, value); }
}

const ALIGN_MATCH = 0.72; // cosine above which two words count as aligned ("killed" ~ "shot")

const everySentence = new WeakMap<PreparedText, SentenceScore[]>();

/** Every sentence of a text as a region (allocated once per text). */
function allSentences(text: PreparedText): SentenceScore[] {
  let all = everySentence.get(text);
  if (!all) {
    all = text.sentences.map((_, i) => ({ sentence: i, overlap: 0, alignment: 0, score: 0 }));
    everySentence.set(text, all);
  }
  return all;
}

/** Names of the dense feature ids, for {@link explainPair}. */
export const FEATURE_NAMES: Readonly<Record<number, string>> = {
  1: 'tfidfCosine', 2: 'overlap', 3: 'meanVectorCosine', 4: 'alignment', 5: 'bestSentenceOverlap', 6: 'bestSentenceAlignment',
  7: 'top3Score', 8: 'leadScore', 9: 'bestLeadScore', 20: 'claimNumbers', 21: 'numbersFound', 22: 'numbersMissing',
  23: 'claimNames', 24: 'namesFound', 25: 'namesInBestSentence', 26: 'rivalNamesInBestSentence',
};

/** Add a real value in [0, 1] as the value itself and a one-of-10 bin. */
function real(rows: FeatureSink, id: number, x: number): void {
  const v = Math.max(0, Math.min(1, x));
  rows.note?.(FEATURE_NAMES[id] ?? String(id), v);
  rows.addValue(mix(T.value, id), v);
  rows.add(mix(T.bin, id, Math.min(9, Math.floor(v * 10))));
}

/** Add a count as capped one-hot (0, 1, 2, 3, 4+). */
function count(rows: FeatureSink, id: number, n: number): void {
  rows.note?.(FEATURE_NAMES[id] ?? String(id), n);
  rows.add(mix(T.count, id, Math.min(4, n)));
}

/** Cosine of each claim content word with each distinct body word: [claimWord][unique]. */
function alignmentMatrix(claim: PreparedText, c: TextIndex, body: TextIndex, dim: number): { words: number[]; weights: number[]; cos: Float32Array } {
  const words: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < claim.words.length; i++) {
    if ((claim.weights[i] ?? 0) > 0 && (c.tokenUnique[i] ?? -1) >= 0) { words.push(i); weights.push(claim.weights[i] ?? 0); }
  }
  const u = body.uniqueRows.length;
  const cos = new Float32Array(words.length * u);
  const bv = body.uniqueVectors;
  const cv = c.uniqueVectors;
  // Dense float dot products over vectors dequantised once per text: the hot loop of the model.
  for (let a = 0; a < words.length; a++) {
    const ca = (c.tokenUnique[words[a] ?? 0] ?? 0) * dim;
    for (let b = 0; b < u; b++) {
      const bb = b * dim;
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += (cv[ca + d] as number) * (bv[bb + d] as number);
      cos[a * u + b] = dot;
    }
  }
  return { words, weights, cos };
}

/**
 * Write the features of (claim, text): the dense, topic-independent ones (similarities, entities,
 * stance-word counts) into `rows`, and the word features (stems of the claim, of the best and
 * lead sentences, of the whole text) into `words` only; the caller closes the rows. Stage 1
 * (related?) reads the dense row only, so it cannot learn topics; stage 2 reads both.
 * Returns the text's sentences scored against the claim, best first.
 */
export function pairFeatures(claim: PreparedText, text: PreparedText, vectors: WordVectors, rows: FeatureSink, words: FeatureSink): SentenceScore[] {
  const c = indexText(claim, vectors);
  const b = indexText(text, vectors);
  rows.add(mix(T.bias));

  // Similarity of the whole texts.
  let dot = 0;
  let claimMass = 0;
  let coveredMass = 0;
  for (const [s, w] of c.tfidf) {
    const bw = b.tfidf.get(s);
    claimMass += w;
    if (bw !== undefined) { dot += w * bw; coveredMass += w; }
  }
  const tfidfCos = c.norm > 0 && b.norm > 0 ? dot / (c.norm * b.norm) : 0;
  const overlap = claimMass > 0 ? coveredMass / claimMass : 0;
  const meanCos = cosine(c.meanVector, b.meanVector);
  real(rows, 1, Math.sqrt(tfidfCos));
  real(rows, 2, overlap);
  real(rows, 3, Math.max(0, meanCos));

  // Soft alignment of each claim word onto the text, per sentence and overall.
  const m = alignmentMatrix(claim, c, b, vectors.dim);
  const u = b.uniqueRows.length;
  const claimStems = c.tfidf;
  const scores: SentenceScore[] = [];
  const best = new Float32Array(m.words.length);
  let totalWeight = 0;
  for (const w of m.weights) totalWeight += w;
  const overall = new Float32Array(m.words.length);
  for (let si = 0; si < text.sentences.length; si++) {
    const s = text.sentences[si];
    if (!s) continue;
    best.fill(0);
    const seen = new Set<number>();
    let covered = 0;
    for (let t = s.from; t < s.to; t++) {
      const stem = text.stems[t] ?? 0;
      const cw = claimStems.get(stem);
      if (cw !== undefined && !seen.has(stem)) { seen.add(stem); covered += cw; }
      const ui = b.tokenUnique[t] ?? -1;
      if (ui < 0) continue;
      for (let a = 0; a < m.words.length; a++) {
        const v = m.cos[a * u + ui] ?? 0;
        if (v > (best[a] ?? 0)) best[a] = v;
      }
    }
    let aligned = 0;
    for (let a = 0; a < m.words.length; a++) {
      aligned += (m.weights[a] ?? 0) * (best[a] ?? 0);
      if ((best[a] ?? 0) > (overall[a] ?? 0)) overall[a] = best[a] ?? 0;
    }
    const sOverlap = claimMass > 0 ? covered / claimMass : 0;
    const sAlign = totalWeight > 0 ? aligned / totalWeight : 0;
    scores.push({ sentence: si, overlap: sOverlap, alignment: sAlign, score: 0.5 * sOverlap + 0.5 * sAlign });
  }
  let alignAll = 0;
  for (let a = 0; a < m.words.length; a++) alignAll += (m.weights[a] ?? 0) * (overall[a] ?? 0);
  real(rows, 4, totalWeight > 0 ? alignAll / totalWeight : 0);
  const lead = scores.slice(0, 3);
  scores.sort((x, y) => y.score - x.score || x.sentence - y.sentence);
  const top = scores.slice(0, 3);
  real(rows, 5, top[0]?.overlap ?? 0);
  real(rows, 6, top[0]?.alignment ?? 0);
  real(rows, 7, top.reduce((sum, s) => sum + s.score, 0) / Math.max(1, top.length));
  real(rows, 8, lead[0]?.score ?? 0);
  real(rows, 9, Math.max(...lead.map((s) => s.score), 0));
  const level = Math.min(4, Math.floor((top[0]?.score ?? 0) * 5)); // relatedness level for crosses

  entityFeatures(claim, text, top, rows);
  stanceFeatures(claim, c, text, b, top, lead, m, rows, words, level);
  for (const h of b.stemFeatures) words.add(h);
  return scores;
}

/** Numbers and names of the claim found or missing in the text and its best sentence. */
function entityFeatures(claim: PreparedText, text: PreparedText, top: readonly SentenceScore[], rows: FeatureSink): void {
  const bestWords = new Set<string>();
  const bestSentence = top[0] === undefined ? undefined : text.sentences[top[0].sentence];
  if (bestSentence) for (let t = bestSentence.from; t < bestSentence.to; t++) bestWords.add(text.words[t] ?? '');
  let numbersFound = 0;
  for (const n of claim.numbers) if (text.numbers.has(n)) numbersFound++;
  count(rows, 20, claim.numbers.size);
  if (claim.numbers.size > 0) {
    real(rows, 21, numbersFound / claim.numbers.size);
    count(rows, 22, claim.numbers.size - numbersFound);
  }
  let namesFound = 0;
  let namesInBest = 0;
  for (const n of claim.names) {
    if (text.words.includes(n)) namesFound++;
    if (bestWords.has(n)) namesInBest++;
  }
  count(rows, 23, claim.names.size);
  if (claim.names.size > 0) {
    real(rows, 24, namesFound / claim.names.size);
    real(rows, 25, namesInBest / claim.names.size);
  }
  // A rival: the best sentence names someone the claim does not ("Ukraine" where the claim says "ISIS-K").
  let rivals = 0;
  if (bestSentence) {
    for (let t = bestSentence.from; t < bestSentence.to; t++) {
      if (text.capitalised[t] && !claim.names.has(text.words[t] ?? '') && (text.weights[t] ?? 0) > 0) rivals++;
    }
  }
  count(rows, 26, rivals);
}

/** Refuting, hedging, negation and stance-class signals, and word features. */
function stanceFeatures(
  claim: PreparedText, c: TextIndex, text: PreparedText, b: TextIndex, top: readonly SentenceScore[], lead: readonly SentenceScore[],
  m: { words: number[]; cos: Float32Array }, rows: FeatureSink, words: FeatureSink, level: number,
): void {
  const claimFlags = [0, 0, 0];
  for (let i = 0; i < claim.words.length; i++) {
    const f = c.flags[i] ?? 0;
    if (f & IS_NEGATION) claimFlags[0] = (claimFlags[0] ?? 0) + 1;
    if (f & IS_REFUTING) claimFlags[1] = (claimFlags[1] ?? 0) + 1;
    if (f & IS_HEDGE) claimFlags[2] = (claimFlags[2] ?? 0) + 1;
    if (c.stanceClass[i]) rows.add(mix(T.claimClass, c.stanceClass[i] ?? 0));
    if ((claim.weights[i] ?? 0) > 0) words.add(mix(T.claimStem, claim.stems[i] ?? 0));
  }
  claimFlags.forEach((n, f) => rows.add(mix(T.claimFlag, f, Math.min(2, n))));
  if (claim.text.includes('?')) rows.add(mix(T.claimFlag, 9));

  const claimStems = c.tfidf;
  const region = (sentences: readonly SentenceScore[], flagT: number, classT: number, stemT: number): void => {
    const flags = [0, 0, 0];
    const classes = new Uint16Array(9);
    for (const s of sentences) {
      const sentence = text.sentences[s.sentence];
      if (!sentence) continue;
      for (let t = sentence.from; t < sentence.to; t++) {
        // A refuting or hedging word the claim itself uses is topic, not stance: "fraud" in
        // "arrested for fraud" vs a text about that fraud.
        const f = claimStems.has(text.stems[t] ?? 0) ? (b.flags[t] ?? 0) & IS_NEGATION : (b.flags[t] ?? 0);
        if (f & IS_NEGATION) flags[0] = (flags[0] ?? 0) + 1;
        if (f & IS_REFUTING) flags[1] = (flags[1] ?? 0) + 1;
        if (f & IS_HEDGE) flags[2] = (flags[2] ?? 0) + 1;
        classes[b.stanceClass[t] ?? 0] = (classes[b.stanceClass[t] ?? 0] ?? 0) + 1;
        if (stemT && ((text.weights[t] ?? 0) > 0 || f)) words.add(mix(stemT, text.stems[t] ?? 0, level));
      }
    }
    flags.forEach((n, f) => {
      rows.add(mix(flagT, f, Math.min(3, n)));
      rows.add(mix(T.cross, flagT * 16 + f, Math.min(2, n), level));
      rows.add(mix(T.cross, flagT * 16 + f + 8, Math.min(2, n), Math.min(2, claimFlags[f] ?? 0)));
    });
    for (let k = 1; k < classes.length; k++) if (classes[k]) rows.add(mix(classT, k, Math.min(3, classes[k] ?? 0)));
  };
  region(top, T.flagBest, T.classBest, T.bestStem);
  region(lead, T.flagLead, T.classLead, T.leadStem);
  region(allSentences(text), T.flagAll, T.classAll, 0);

  // Negation within three words before a body word that aligns with a claim word: "did not kill".
  let negatedAligned = 0;
  const u = b.uniqueRows.length;
  for (const s of top.slice(0, 2)) {
    const sentence = text.sentences[s.sentence];
    if (!sentence) continue;
    for (let t = sentence.from; t < sentence.to; t++) {
      const ui = b.tokenUnique[t] ?? -1;
      if (ui < 0) continue;
      let aligned = false;
      for (let a = 0; a < m.words.length && !aligned; a++) aligned = (m.cos[a * u + ui] ?? 0) >= ALIGN_MATCH;
      if (!aligned) continue;
      for (let k = Math.max(sentence.from, t - 3); k < t; k++) if ((b.flags[k] ?? 0) & IS_NEGATION) { negatedAligned++; break; }
    }
  }
  rows.add(mix(T.negAligned, Math.min(3, negatedAligned), Math.min(1, claimFlags[0] ?? 0)));
  if (rows.note) {
    rows.note('negatedAlignedWords', negatedAligned);
    rows.note('claimNegations', claimFlags[0] ?? 0);
    rows.note('refutingWordsInBest', countFlag(text, b, top, IS_REFUTING, claimStems));
    rows.note('hedgesInBest', countFlag(text, b, top, IS_HEDGE, claimStems));
    rows.note('negationsInBest', countFlag(text, b, top, IS_NEGATION, claimStems));
  }
}

function countFlag(text: PreparedText, b: TextIndex, sentences: readonly SentenceScore[], bit: number, claimStems: ReadonlyMap<number, number>): number {
  let n = 0;
  for (const s of sentences) {
    const sentence = text.sentences[s.sentence];
    if (!sentence) continue;
    for (let t = sentence.from; t < sentence.to; t++) {
      const f = claimStems.has(text.stems[t] ?? 0) ? (b.flags[t] ?? 0) & IS_NEGATION : (b.flags[t] ?? 0);
      if (f & bit) n++;
    }
  }
  return n;
}

/**
 * The named dense features of a pair, for tests and for explaining a verdict.
 *
 * @example
 * explainPair(claim, text, vectors).numbersMissing; // 1 for "43 students" vs "15 bodies"
 */
export function explainPair(claim: PreparedText, text: PreparedText, vectors: WordVectors): Record<string, number> {
  const named: Record<string, number> = {};
  const sink: FeatureSink = { add: () => undefined, addValue: () => undefined, note: (name, value) => { named[name] = value; } };
  pairFeatures(claim, text, vectors, sink, sink);
  return named;
}
