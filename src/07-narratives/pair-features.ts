/**
 * Step 7.6a: what the trained pair model reads about two claims of one event. Each pair becomes a
 * short dense vector of named features: word and paraphrase similarity, who says each claim and
 * where, the propositions' polarity and question, the hand-written contradiction signals of
 * `signals.ts`, and the claim-relation model's reading. The same function serves training
 * (`scripts/train-narrative-pairs.ts`, on the gold events) and the graph at run time, so the two
 * can never drift apart.
 */
import { cosine as vectorCosine, type WordVectors } from '../adapters/embeddings.js';
import type { ClaimFeatures } from './features.js';
import { onEvent } from './topic.js';
import { pairRelation, type ClaimRelationModel, type RelationProbabilities } from './relation.js';
import { agreement, contradiction, deedEvent, type Contradiction } from './signals.js';
import { claimVectors, cosine, vectorize, type Vector } from './similarity.js';

/**
 * The feature names, in vector order. The model file stores weights by these indices: append
 * new features at the end and retrain (the loader checks the count).
 */
export const PAIR_FEATURES = [
  'tfidf', 'paraphrase', 'paraphrase-high', 'similarity',
  'same-speaker', 'different-speakers', 'one-speaker-only', 'both-own-voice', 'one-own-voice',
  'same-article', 'same-speaker-adjacent', 'same-sentence', 'near-in-article',
  'opposite-polarity', 'both-negative', 'same-question', 'same-specific-question',
  'denial', 'rival-agent', 'open-question', 'agreement',
  'shared-rare-actor', 'shared-actors', 'copy',
  'relation-read', 'relation-agree', 'relation-disagree', 'relation-discuss', 'relation-unrelated',
  'denier-either', 'hedge-either', 'short', 'accusation-either',
  'similarity-x-different-speakers', 'paraphrase-x-opposite', 'similarity-x-same-question',
  'contrast-after', 'response-cue-either', 'accusation-vs-denial', 'mentions-other-speaker', 'attributed-across-articles',
] as const;

// Cues of a speaker answering someone else: "Kyiv rejected ...", "the White House fired back".
const RESPONSE_CUES = new Set(['respond', 'counter', 'reject', 'dismiss', 'defend', 'deny', 'criticize', 'criticise', 'slam', 'attack', 'blast', 'rebut', 'argue', 'disagree', 'accuse', 'charge', 'condemn', 'denounce', 'retort', 'contend', 'dispute', 'push back', 'fire back', 'hit back', 'insist', 'maintain']);
// A sentence that turns against what came before: "But ...", "However, ...".
const CONTRAST_START = /^[“"‘']?(but|however|yet|still|instead|meanwhile|critics|opponents|others)\b/i;

/** Index of each feature name. */
export const FEATURE = Object.fromEntries(PAIR_FEATURES.map((name, i) => [name, i])) as Record<(typeof PAIR_FEATURES)[number], number>;

/** Centred embedding cosine below which the vectors add nothing to the similarity. */
const PARAPHRASE_FLOOR = 0.5;
/** Centred embedding cosine read as "says the same thing" (similarity 1). */
const PARAPHRASE_FULL = 0.9;

/** A claim's text with case, spacing and quotes folded, to tell copies of one claim. */
const normal = (text: string): string => text.toLowerCase().replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ').trim();

/** What the pair features of one event are computed from, prepared once per event. */
export interface PairContext {
  readonly features: readonly ClaimFeatures[];
  readonly tfidf: readonly Vector[];
  readonly sentenceVectors: readonly Float32Array[];
  readonly topical: readonly boolean[];
  /** Whether the event is about a deed someone is answerable for (see `deedEvent`). */
  readonly deedEvent: boolean;
  readonly rare: (entity: string) => boolean;
  readonly normals: readonly string[];
  readonly relations: ClaimRelationModel | null;
  /**
   * The relation model's reading of one pair, asked once: the graph and the features read the
   * same pair in turn, so the last reading is kept (one entry, no growth with the event).
   */
  relationOf(i: number, j: number): RelationProbabilities | null;
}

/** Prepare the per-event lookups of {@link pairFeatures}. */
export function pairContext(features: readonly ClaimFeatures[], embeddings: WordVectors | null, relations: ClaimRelationModel | null): PairContext {
  const entityDf = new Map<string, number>();
  for (const f of features) for (const e of f.entities) entityDf.set(e, (entityDf.get(e) ?? 0) + 1);
  const rareBelow = Math.max(2, features.length * 0.25);
  let last: { i: number; j: number; value: RelationProbabilities } | null = null;
  const relationOf = (i: number, j: number): RelationProbabilities | null => {
    if (!relations) return null;
    if (last && last.i === i && last.j === j) return last.value;
    const a = features[i];
    const b = features[j];
    if (!a || !b) return null;
    const value = pairRelation(relations, a.sentence ?? a.claim.text, b.sentence ?? b.claim.text);
    last = { i, j, value };
    return value;
  };
  return {
    relationOf,
    features,
    tfidf: vectorize(features),
    sentenceVectors: embeddings ? claimVectors(features.map((f) => f.claim.text), embeddings) : [],
    topical: onEvent(features),
    deedEvent: deedEvent(features),
    rare: (e) => (entityDf.get(e) ?? 0) <= rareBelow,
    normals: features.map((f) => normal(f.claim.text)),
    relations,
  };
}

/** The features of one pair and the hand-written contradiction between them (if any). */
export interface PairReading {
  readonly vector: Float64Array;
  readonly contradiction: Contradiction | null;
  /** The relation model's reading, when the pair was close enough to ask it. */
  readonly relation: RelationProbabilities | null;
}

const negative = (f: ClaimFeatures): boolean => f.polarity < 0 || f.claim.stance === 'denies' || f.claim.stance === 'doubts';

/** Read the pair (i, j) of the event (i < j). */
export function pairFeatures(ctx: PairContext, i: number, j: number): PairReading {
  const a = ctx.features[i];
  const b = ctx.features[j];
  const x = new Float64Array(PAIR_FEATURES.length);
  if (!a || !b) return { vector: x, contradiction: null, relation: null };
  const va = ctx.tfidf[i];
  const vb = ctx.tfidf[j];
  const tfidf = va && vb ? cosine(va, vb) : 0;
  const sa = ctx.sentenceVectors[i];
  const sb = ctx.sentenceVectors[j];
  const centred = sa && sb ? vectorCosine(sa, sb) : 0;
  const paraphraseHigh = Math.max(0, Math.min(1, (centred - PARAPHRASE_FLOOR) / (PARAPHRASE_FULL - PARAPHRASE_FLOOR)));
  const similarity = Math.max(tfidf, paraphraseHigh);
  const sameArticle = a.claim.articleId === b.claim.articleId;
  const gap = Math.abs(a.claim.sentence - b.claim.sentence);
  const speakerA = a.claim.actorId;
  const speakerB = b.claim.actorId;
  const sameSpeaker = speakerA !== undefined && speakerA === speakerB;
  const opposite = a.polarity !== b.polarity;
  const sameQuestion = a.question === b.question;
  const sharedActors = [...a.entities].filter((e) => b.entities.has(e));
  const sharedRare = sharedActors.some((e) => ctx.rare(e));
  // The hand-written signals stay as evidence the model weighs (and name the conflict's reason).
  const conflict = contradiction(a, b, similarity, (ctx.topical[i] ?? true) && (ctx.topical[j] ?? true), ctx.rare);
  // The relation model costs about a third of a millisecond a pair: asked only where the claims
  // meet, as the hand-set graph asks it (so one reading serves both): two polarities on one topic,
  // or one polarity and shared words; never one speaker's own claims.
  const asked = !sameSpeaker && (opposite ? similarity >= 0.1 || sharedRare : similarity >= 0.15);
  const relation = asked ? ctx.relationOf(i, j) : null;

  x[FEATURE.tfidf] = tfidf;
  x[FEATURE.paraphrase] = centred;
  x[FEATURE['paraphrase-high']] = paraphraseHigh;
  x[FEATURE.similarity] = similarity;
  x[FEATURE['same-speaker']] = sameSpeaker ? 1 : 0;
  x[FEATURE['different-speakers']] = speakerA !== undefined && speakerB !== undefined && !sameSpeaker ? 1 : 0;
  x[FEATURE['one-speaker-only']] = (speakerA === undefined) !== (speakerB === undefined) ? 1 : 0;
  x[FEATURE['both-own-voice']] = a.claim.voice === 'own' && b.claim.voice === 'own' ? 1 : 0;
  x[FEATURE['one-own-voice']] = (a.claim.voice === 'own') !== (b.claim.voice === 'own') ? 1 : 0;
  x[FEATURE['same-article']] = sameArticle ? 1 : 0;
  x[FEATURE['same-speaker-adjacent']] = sameArticle && gap <= 1 && sameSpeaker ? 1 : 0;
  x[FEATURE['same-sentence']] = sameArticle && gap === 0 ? 1 : 0;
  x[FEATURE['near-in-article']] = sameArticle && gap <= 2 ? 1 : 0;
  x[FEATURE['opposite-polarity']] = opposite ? 1 : 0;
  x[FEATURE['both-negative']] = negative(a) && negative(b) ? 1 : 0;
  x[FEATURE['same-question']] = sameQuestion ? 1 : 0;
  x[FEATURE['same-specific-question']] = sameQuestion && a.question !== 'truth' ? 1 : 0;
  x[FEATURE.denial] = conflict?.signal === 'denial' ? conflict.weight : 0;
  x[FEATURE['rival-agent']] = conflict?.signal === 'rival-agent' || conflict?.signal === 'exclusivity' ? conflict.weight : 0;
  x[FEATURE['open-question']] = conflict?.signal === 'open-question' ? conflict.weight : 0;
  x[FEATURE.agreement] = agreement(a, b, ctx.deedEvent);
  x[FEATURE['shared-rare-actor']] = sharedRare ? 1 : 0;
  x[FEATURE['shared-actors']] = Math.log1p(sharedActors.length);
  x[FEATURE.copy] = ctx.normals[i] === ctx.normals[j] ? 1 : 0;
  if (relation) {
    x[FEATURE['relation-read']] = 1;
    x[FEATURE['relation-agree']] = relation.agree;
    x[FEATURE['relation-disagree']] = relation.disagree;
    x[FEATURE['relation-discuss']] = relation.discuss;
    x[FEATURE['relation-unrelated']] = relation.unrelated;
  }
  x[FEATURE['denier-either']] = negative(a) !== negative(b) ? 1 : 0;
  x[FEATURE['hedge-either']] = a.claim.stance === 'hedges' || b.claim.stance === 'hedges' ? 1 : 0;
  x[FEATURE.short] = Math.min(a.words.length, b.words.length) < 5 ? 1 : 0;
  x[FEATURE['accusation-either']] = a.claim.cueClass === 'accusation' || b.claim.cueClass === 'accusation' ? 1 : 0;
  x[FEATURE['similarity-x-different-speakers']] = x[FEATURE['different-speakers']] ? similarity : 0;
  x[FEATURE['paraphrase-x-opposite']] = opposite ? centred : 0;
  x[FEATURE['similarity-x-same-question']] = sameQuestion ? similarity : 0;
  // The later of two nearby claims of one article turns against the earlier one.
  const [early, late] = a.claim.start <= b.claim.start ? [a, b] : [b, a];
  const turns = CONTRAST_START.test(late.sentence ?? late.claim.text) || RESPONSE_CUES.has(late.claim.cueLemma ?? '');
  x[FEATURE['contrast-after']] = sameArticle && gap >= 1 && gap <= 3 && turns && early.claim.actorId !== late.claim.actorId ? 1 : 0;
  x[FEATURE['response-cue-either']] = RESPONSE_CUES.has(a.claim.cueLemma ?? '') || RESPONSE_CUES.has(b.claim.cueLemma ?? '') ? 1 : 0;
  x[FEATURE['accusation-vs-denial']] = (a.claim.cueClass === 'accusation' && b.claim.cueClass === 'denial') || (a.claim.cueClass === 'denial' && b.claim.cueClass === 'accusation') ? 1 : 0;
  // One speaker talks about the other: "Steele's remarks were wrong" against Steele's own claim.
  x[FEATURE['mentions-other-speaker']] = !sameSpeaker && ((speakerA !== undefined && b.entities.has(speakerA)) || (speakerB !== undefined && a.entities.has(speakerB))) ? 1 : 0;
  x[FEATURE['attributed-across-articles']] = !sameArticle && a.claim.voice === 'attributed' && b.claim.voice === 'attributed' ? 1 : 0;
  return { vector: x, contradiction: conflict, relation };
}
