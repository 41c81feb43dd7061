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

/**
 * Speed gate: the tagger only reads sentences holding a lemma that is a cue at least 3% of the
 * time in training (rate bin >= 3) or is unseen there ("The sky was blue." is skipped). On
 * PolNeAR dev this loses 1 cue of 2,192.
 */
function hasLikelyCue(rate: Int32Array, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if ((rate[i] ?? 0) >= 3) return true;
  return false;
}

/**
 * Score bonus of "B-cue" at decoding (label order O, B-cue, I-cue). The perceptron is
 * conservative (precision 76, recall 64 on dev); a small bonus trades a little precision for
 * recall. Chosen on PolNeAR dev among 0, 3, 6, 9 (cue F1 69.5, 69.6, 69.7, 69.6: flat).
 */
const CUE_BIAS = [0, 6, 0];

/** Options of {@link detectCues}. */
export interface DetectOptions {
  /** The trained model (only its cue tagger and cue rates are used). @default the model under `models/` */
  readonly model?: Pick<AttributionModel, 'cue' | 'cueRates'>;
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
  for (const s of segmented.sentences) {
    if (!hasLikelyCue(rate, s.firstToken, s.endToken)) continue;
    const from = out.length;
    row.reset();
    for (let i = s.firstToken; i < s.endToken; i++) { cueFeatures(ctx, rate, i, s.firstToken, s.endToken, row); row.next(); }
    const labels = decode(model.cue, row.view(), CUE_BIAS);
    let open = -1;
    const flush = (end: number): void => {
      if (open < 0) return;
      const key = cueKey(tokens.slice(open, end));
      if (key) out.push({ tokenRanges: [[open, end]], key });
      open = -1;
    };
    labels.forEach((label, k) => {
      const name = model.cue.labels[label] ?? 'O';
      const i = s.firstToken + k;
      if (name === 'B-cue') { flush(i); open = i; } else if (name !== 'I-cue') flush(i);
    });
    flush(s.endToken);
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
