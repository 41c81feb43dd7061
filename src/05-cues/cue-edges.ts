/**
 * Where a found cue ends, as PolNeAR draws it: a small ranking model over the tagger's span and a
 * few candidate right edges. The BIO tagger decides the end token by token; PolNeAR's cues take
 * the preposition that introduces what is said or judged ("accused Republicans [of] placing ...",
 * "vouching [for] Trump", "said [of] the killer", "distanced himself [from]"), but not one that
 * only adds a circumstance ("has been attacked" on the speeches, "complaining" about the media).
 * On the held-out eighth of PolNeAR train 184 found cues overlap a gold cue with other offsets;
 * most differ at the right edge, the largest group by a missing trailing preposition.
 *
 * Candidates for a span [a, b): itself; every extension to a preposition within four tokens
 * (no punctuation or verb crossed); every shorter prefix ending on a content word. Each is
 * scored by a linear model over hashed features of what changes (trained on jackknifed tagger
 * output, scripts/train-cue-edges.ts); the span moves only when a candidate outscores it.
 */
import { decodeModelBase64, hashString, mix, RowBuilder, scoreRow, type LinearModel } from '../learn/index.js';
import type { Token } from '../types/index.js';
import type { FeatureContext } from './detect-features.js';

/** The edge model, ready to score ("no", "yes": a candidate's score is yes - no). */
export interface CueEdges {
  readonly model: LinearModel;
}

/** The JSON form of a {@link CueEdges}, as stored in `models/cue-edges.json`. */
export interface SerializedCueEdges {
  readonly version: 1;
  readonly trainedOn: string;
  /** src/learn's binary model, base64. */
  readonly model: string;
}

/** Build the edge model from its JSON form. */
export function cueEdgesFromJson(data: SerializedCueEdges): CueEdges {
  if (data.version !== 1 || typeof data.model !== 'string') throw new TypeError('narrascope: cue-edges model is malformed (expected version 1; retrain with npm run train:cue-edges)');
  return { model: decodeModelBase64(data.model, 'cue-edges model') };
}

/** Feature space of the edge model. */
export const EDGE_BITS = 16;

/** How far right a cue may grow, in tokens. */
const MAX_GROW = 4;

/** POS tags a growing cue may cross on its way to a preposition ("accused [Republicans] of"). */
const CROSS = new Set(['DET', 'NOUN', 'PRON', 'PROPN', 'ADJ', 'ADV', 'NUM']);
/** POS tags a shrunk cue may not end on ("said [in]" is no cue). */
const NO_END = new Set(['ADP', 'DET', 'PUNCT', 'CCONJ', 'SCONJ', 'PART', 'AUX', 'SYM', 'SPACE']);

/**
 * Right edges to consider for the cue [a, b) in sentence [a, end), `limit` being the start of the
 * next cue (a cue never grows into another): b itself first, then the others.
 */
export function edgeCandidates(tokens: readonly Token[], a: number, b: number, limit: number): number[] {
  const out = [b];
  for (let e = b + 1; e <= Math.min(b + MAX_GROW, limit); e++) {
    const t = tokens[e - 1];
    if (!t) break;
    if (t.pos === 'ADP') { out.push(e); break; }
    if (!CROSS.has(t.pos)) break;
  }
  for (let e = a + 1; e < b; e++) if (!NO_END.has(tokens[e - 1]?.pos ?? 'PUNCT')) out.push(e);
  return out;
}

const ID_VERB = hashString('VERB');
const ID_NOUN = hashString('NOUN');

/** The cue's head lemma: its first verb, else its first noun, else its first token. */
function headOf(ctx: FeatureContext, a: number, b: number): number {
  for (let i = a; i < b; i++) if (ctx.pos[i] === ID_VERB) return ctx.lemma[i] ?? 0;
  for (let i = a; i < b; i++) if (ctx.pos[i] === ID_NOUN) return ctx.lemma[i] ?? 0;
  return ctx.lemma[a] ?? 0;
}

/**
 * Features of moving the right edge of cue [a, b) to e (e === b: keeping it), in `row` (one
 * row). `end` is the sentence end.
 */
export function edgeFeatures(ctx: FeatureContext, a: number, b: number, e: number, end: number, row: RowBuilder): void {
  const kind = e === b ? 0 : e > b ? 1 : 2;
  const lo = Math.min(b, e);
  const hi = Math.max(b, e);
  let posSeq = 0;
  for (let i = lo; i < hi; i++) posSeq = mix(posSeq, ctx.pos[i] ?? 0);
  const n = Math.min(hi - lo, MAX_GROW);
  const head = headOf(ctx, a, b);
  const last = ctx.lemma[e - 1] ?? 0;
  const nextPos = e < end ? (ctx.pos[e] ?? 0) : 13;
  const nextWord = e < end ? (ctx.lower[e] ?? 0) : 13;
  const q = ctx.quoteMark[e] ?? 0;
  row.add(mix(1, kind));
  row.add(mix(2, kind, n));
  row.add(mix(3, kind, posSeq));
  row.add(mix(4, kind, last));
  row.add(mix(5, head, kind, last));
  row.add(mix(6, kind, nextPos, q));
  row.add(mix(7, kind, last, nextPos));
  row.add(mix(8, head, kind, posSeq));
  row.add(mix(9, kind, nextWord));
  row.add(mix(10, kind, n, b - a));
}

/** Score of one candidate ("yes" minus "no"). */
function candidateScore(model: LinearModel, row: RowBuilder, scratch: Float64Array): number {
  const rows = row.view();
  scoreRow(model, rows, 0, scratch);
  return (scratch[1] ?? 0) - (scratch[0] ?? 0);
}

const scratch = new Float64Array(2);

/**
 * The right edge the model prefers for cue [a, b) (b when none outscores it). `limit` is the
 * start of the next cue or the sentence end.
 */
export function bestEdge(edges: CueEdges, ctx: FeatureContext, a: number, b: number, limit: number, end: number, row: RowBuilder): number {
  const candidates = edgeCandidates(ctx.segmented.tokens, a, b, limit);
  if (candidates.length === 1) return b;
  let best = b;
  let bestScore = -Infinity;
  for (const e of candidates) {
    row.reset();
    edgeFeatures(ctx, a, b, e, end, row);
    row.next();
    const s = candidateScore(edges.model, row, scratch);
    if (s > bestScore) { bestScore = s; best = e; }
  }
  return best;
}
