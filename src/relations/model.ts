/**
 * The claim-relation model: two linear stages over the pair features (the classic FNC-1 recipe):
 * stage 1 says related or unrelated; stage 2, trained on related pairs only with a heavier loss
 * on the rare `disagree`, says agree, disagree or discuss. P(unrelated) comes from stage 1, the
 * others are (1 - P(unrelated)) x stage 2. Loaded once per process, synchronous, deterministic.
 */
import { readFileSync } from 'node:fs';
import type { WordVectors } from '../adapters/embeddings.js';
import { loadEmbeddings } from '../adapters/embeddings.js';
import { decodeModel, encodeModel, probabilities, RowBuilder, type LinearModel } from '../learn/index.js';
import type { AnalyzedArticle } from '../types/index.js';
import { indexText } from './body-index.js';
import { pickEvidence, toEvidence } from './evidence.js';
import { pairFeatures, Tee, type SentenceScore } from './features.js';
import { prepareSentences, prepareText, type PreparedText } from './text.js';
import type { Relation, RelationLabel } from './types.js';

/** Feature space of both stages: 2^20 buckets. */
export const RELATION_BITS = 20;
const MAGIC = 0x4c52534e; // "NSRL"

/** The shipped model for whole texts (trained on FNC-1 headline / body pairs). */
export const DEFAULT_RELATION_MODEL = new URL('../../models/relations.bin', import.meta.url);
/** The shipped model for sentence-sized texts (FNC-1 plus Emergent's headline pairs). */
export const SENTENCE_RELATION_MODEL = new URL('../../models/relations-sentences.bin', import.meta.url);

/** The raw scores of one pair, before evidence is picked. */
export interface PairScores {
  readonly probs: Record<RelationLabel, number>;
  readonly label: RelationLabel;
  /** Sentences of the text scored against the claim, best first. */
  readonly sentences: readonly SentenceScore[];
}

/** A claim or text accepted by {@link RelationModel.relate}. */
export type RelationInput = string | PreparedText | AnalyzedArticle;

function isArticle(x: RelationInput): x is AnalyzedArticle {
  return typeof x === 'object' && 'attributions' in x;
}

/** A loaded relation model (two stages plus the word vectors it reads). */
export class RelationModel {
  private readonly dense = new RowBuilder(RELATION_BITS);
  private readonly full = new RowBuilder(RELATION_BITS);
  private readonly tee = new Tee(this.dense, this.full);
  private readonly scratch2 = new Float64Array(2);
  private readonly scratch3 = new Float64Array(3);

  /**
   * Wrap trained stages; `related` has labels [related, unrelated], `stance` [agree, disagree,
   * discuss]. `sentences`, when given, scores texts of one sentence: a model trained on whole
   * bodies reads a lone sentence out of its domain (FNC-1 bodies average ~2,000 characters).
   */
  constructor(readonly related: LinearModel, readonly stance: LinearModel, readonly vectors: WordVectors, readonly sentences?: RelationModel) {
    if (related.labels.join() !== 'related,unrelated' || stance.labels.join() !== 'agree,disagree,discuss') {
      throw new TypeError('narrascope: relation model stages have unexpected labels');
    }
  }

  /** Prepare a plain text once (reuse it for many claims). */
  prepare(text: string): PreparedText {
    return prepareText(text, this.vectors);
  }

  /** Prepare an analysed article on its own sentences. */
  prepareArticle(article: AnalyzedArticle): PreparedText {
    return prepareSentences(article.text, article.sentences, this.vectors);
  }

  /** Probabilities and sentence scores of a prepared pair (a one-sentence text goes to the sentence model). */
  score(claim: PreparedText, text: PreparedText): PairScores {
    if (this.sentences && text.sentences.length <= 1) return this.sentences.score(claim, text);
    this.dense.reset();
    this.full.reset();
    const sentences = pairFeatures(claim, text, this.vectors, this.tee, this.full);
    this.dense.next();
    this.full.next();
    const p1 = probabilities(this.related, this.dense.view(), 0, this.scratch2);
    const p2 = probabilities(this.stance, this.full.view(), 0, this.scratch3);
    const unrelated = p1[1] ?? 0;
    const rel = 1 - unrelated;
    const probs = { agree: rel * (p2[0] ?? 0), disagree: rel * (p2[1] ?? 0), discuss: rel * (p2[2] ?? 0), unrelated };
    let label: RelationLabel = 'unrelated';
    if (unrelated <= 0.5) {
      label = 'agree';
      if (probs.disagree > probs[label]) label = 'disagree';
      if (probs.discuss > probs[label]) label = 'discuss';
    }
    return { probs, label, sentences };
  }

  /**
   * How `text` relates to `claim`: probabilities, label and evidence sentences (with source and
   * cue when `text` is an analysed article).
   *
   * @example
   * const model = loadRelationModel();
   * model.relate('ISIS-K was behind the attack', 'The Kremlin denied that ISIS-K carried it out.').label; // 'disagree'
   */
  relate(claim: string | PreparedText, text: RelationInput): Relation {
    const c = typeof claim === 'string' ? this.prepare(claim) : claim;
    if (c.words.length === 0) throw new TypeError('narrascope: the claim has no words');
    const article = typeof text === 'object' && isArticle(text) ? text : undefined;
    const t = typeof text === 'string' ? this.prepare(text) : article ? this.prepareArticle(article) : (text as PreparedText);
    return this.relatePrepared(c, t, article);
  }

  /** {@link relate} on prepared texts; `article` (the text's source) adds sources and cues to the evidence. */
  relatePrepared(claim: PreparedText, text: PreparedText, article?: AnalyzedArticle): Relation {
    const { probs, label, sentences } = this.score(claim, text);
    const evidence = toEvidence(text, pickEvidence(label, text, indexText(text, this.vectors), sentences), article);
    return { probs, label, evidence };
  }
}

/** Write both stages into one file. */
export function encodeRelationModel(related: LinearModel, stance: LinearModel): Uint8Array {
  const a = encodeModel(related);
  const b = encodeModel(stance);
  const out = new Uint8Array(16 + a.length + b.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, 1, true);
  view.setUint32(8, a.length, true);
  view.setUint32(12, b.length, true);
  out.set(a, 16);
  out.set(b, 16 + a.length);
  return out;
}

/** Read a file written by {@link encodeRelationModel}. */
export function decodeRelationModel(bytes: Uint8Array, name = 'relation model'): { related: LinearModel; stance: LinearModel } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 16 || view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== 1) {
    throw new TypeError(`narrascope: ${name} is not a relation model file (run "npm run train:relations")`);
  }
  const a = view.getUint32(8, true);
  const b = view.getUint32(12, true);
  return { related: decodeModel(bytes.subarray(16, 16 + a), name), stance: decodeModel(bytes.subarray(16 + a, 16 + a + b), name) };
}

let loaded: RelationModel | undefined;

/** Read one model file. */
function readModel(url: URL, vectors: WordVectors, sentences?: RelationModel): RelationModel {
  const { related, stance } = decodeRelationModel(new Uint8Array(readFileSync(url)), url.pathname);
  return new RelationModel(related, stance, vectors, sentences);
}

/**
 * The process-wide relation model, loaded once: models/relations.bin for whole texts, with
 * models/relations-sentences.bin for one-sentence texts, over the shared word vectors.
 */
export function loadRelationModel(): RelationModel {
  if (!loaded) {
    const vectors = loadEmbeddings();
    loaded = readModel(DEFAULT_RELATION_MODEL, vectors, readModel(SENTENCE_RELATION_MODEL, vectors));
  }
  return loaded;
}

/**
 * How `text` (a sentence, a claim, a whole text or an analysed article) relates to `claim`,
 * with the process-wide model.
 *
 * @example
 * relate('Russia says Ukraine was behind the attack', article).probs.disagree;
 */
export function relate(claim: string | PreparedText, text: RelationInput): Relation {
  return loadRelationModel().relate(claim, text);
}
