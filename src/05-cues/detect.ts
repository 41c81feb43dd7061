/**
 * Cue detection: which token ranges are attribution cues ("said", "told", "according to",
 * "announcement of", "said in a statement", "wrote:"), each with its lexicon key.
 *
 * A learned BIO tagger (averaged perceptron, see detect-perceptron.ts) reads each sentence; its
 * features are the token, its neighbours and how often the lemma is a cue in PolNeAR train
 * (lemma-based, so unseen inflections of known cue verbs still fire). PolNeAR cues include the
 * auxiliaries and adverbs of the verb group ("has repeatedly said") and sometimes a trailing
 * colon ("said:"), and the tagger learns those boundaries from the data.
 */
import type { Segmented } from '../types/index.js';
import type { CueCandidate } from './candidate.js';
import { cueFeatures, featureContext, rateIds, type FeatureContext } from './detect-features.js';
import { cueKey } from './detect-key.js';
import { defaultAttributionModel, type AttributionModel } from './detect-model.js';
import { decode, RowBuilder } from './detect-perceptron.js';
import { CUE_BIAS, hasLikelyCue, pathSpans } from './detect-passes.js';
import { bestEdge, EDGE_BITS } from './cue-edges.js';

/** Options of {@link detectCues}. */
export interface DetectOptions {
  /** The trained model (only its cue tagger and cue rates are used). @default the model under `models/` */
  readonly model?: Pick<AttributionModel, 'cue' | 'cueRates'> & Partial<Pick<AttributionModel, 'cueEdges'>>;
  /** Reuse an already computed feature context (the attribution stage needs it too). */
  readonly context?: FeatureContext;
}

/**
 * Find attribution cues (reporting verbs, "according to", ...) in a segmented article.
 *
 * @example
 * detectCues(segment(article)); // [{ tokenRanges: [[3, 4]], key: "say" }, ...]
 */
export function detectCues(segmented: Segmented, options: DetectOptions = {}): CueCandidate[] {
  const model = options.model ?? defaultAttributionModel();
  const ctx = options.context ?? featureContext(segmented);
  const out: CueCandidate[] = [];
  const { tokens } = segmented;
  const rate = rateIds(segmented, model.cueRates);
  const row = new RowBuilder(model.cue.model.bits);
  const edges = model.cueEdges;
  const edgeRow = edges ? new RowBuilder(EDGE_BITS) : undefined;
  for (const s of segmented.sentences) {
    if (!hasLikelyCue(rate, s.firstToken, s.endToken)) continue;
    const from = out.length;
    row.reset();
    for (let i = s.firstToken; i < s.endToken; i++) { cueFeatures(ctx, rate, i, s.firstToken, s.endToken, row); row.next(); }
    const spans = pathSpans(decode(model.cue, row.view(), CUE_BIAS), s.firstToken);
    spans.forEach(([a, b], j) => {
      // Where the cue ends as PolNeAR draws it ("accused Republicans of"), never into the next cue.
      const end = edges && edgeRow ? bestEdge(edges, ctx, a, b, spans[j + 1]?.[0] ?? s.endToken, s.endToken, edgeRow) : b;
      const key = cueKey(tokens.slice(a, end));
      if (key) out.push({ tokenRanges: [[a, end]], key });
    });
    const found = out.length;
    adverbCues(segmented, rate, s.firstToken, s.endToken, out);
    // Keep text order: an adverb cue may stand before a cue the tagger found.
    if (out.length > found) out.splice(from, out.length - from, ...out.slice(from).sort((a, b) => (a.tokenRanges[0]?.[0] ?? 0) - (b.tokenRanges[0]?.[0] ?? 0)));
  }
  return out;
}

/** Rate id of lemmas that are part of a cue in >= 60% of their occurrences in training (bin r5). */
const ALWAYS_CUE = 6;

/**
 * A sentence adverb that is a cue in most of its training occurrences, standing away from any
 * found cue, is a cue of its own, usually without a source: "The attack was [reportedly]
 * carried out by a small group." The tagger, trained on few such cases among many verbs, rarely
 * dares it. The adverbs come from PolNeAR train through the cue rates (a lexicon derived from the
 * training split): in train "reportedly" is a cue 19 times in 29, "allegedly" 2 in 12 (not one).
 * An adverb next to a cue is part of its verb group ("said bluntly"), which the tagger handles.
 */
function adverbCues(segmented: Segmented, rate: Int32Array, first: number, end: number, out: CueCandidate[]): void {
  const { tokens } = segmented;
  for (let i = first; i < end; i++) {
    const t = tokens[i];
    if (!t || t.pos !== 'ADV' || rate[i] !== ALWAYS_CUE) continue;
    const near = out.some((c) => c.tokenRanges.some(([a, b]) => a - 2 <= i && i < b + 2));
    if (!near) out.push({ tokenRanges: [[i, i + 1]], key: t.lower });
  }
}
