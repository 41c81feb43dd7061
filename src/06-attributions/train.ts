/**
 * Training of the attribution model on PolNeAR train: gold fragments become token labels, then
 * two averaged perceptrons are trained (cues per sentence; sources and contents per paragraph,
 * given the gold cues). Deterministic: same data and options, same model file.
 */
import { segment } from '../03-segment/index.js';
import { cueFeatures, featureContext, rateBin, rateIds, type FeatureContext } from '../05-cues/detect-features.js';
import { cueKey } from '../05-cues/detect-key.js';
import type { SerializedAttributionModel } from '../05-cues/detect-model.js';
import { RowBuilder, TAGGER_BITS, type TrainingSequence } from '../05-cues/detect-perceptron.js';
import { serializeTagger } from '../05-cues/detect-perceptron-io.js';
import { averageTaggers, trainTagger } from '../05-cues/detect-perceptron-train.js';
import { polnearArticle, type GoldFragment, type PolnearRecord } from '../eval/polnear-read.js';
import { hashString } from '../learn/index.js';
import type { Segmented } from '../types/index.js';
import { paragraphRanges } from './paragraphs.js';
import { cueGeometry, roleFeatures } from './role-features.js';
import { innerCueMarks, type RoleCueMarks } from './train-inner-cues.js';

/** Cue tagger labels. */
export const CUE_LABELS = ['O', 'B-cue', 'I-cue'] as const;
/** Role tagger labels. */
export const ROLE_LABELS = ['O', 'B-source', 'I-source', 'B-content', 'I-content'] as const;

/** Gold token labels of one article. */
export interface GoldTokens {
  readonly cueMarks: Uint8Array;
  readonly cueKeys: string[];
  /** Index into {@link ROLE_LABELS} per token. */
  readonly roles: Uint8Array;
}

/** Token indices overlapped by a character fragment. */
function tokenRange(seg: Segmented, f: GoldFragment): [number, number] | undefined {
  let first = -1;
  let end = -1;
  for (const t of seg.tokens) {
    if (t.end <= f.start) continue;
    if (t.start >= f.end) break;
    if (first < 0) first = t.index;
    end = t.index + 1;
  }
  return first < 0 ? undefined : [first, end];
}

/**
 * Project gold fragments onto tokens. PolNeAR annotates only the outermost relation of a nest (in
 * "Officials said [Trump told aides he would stay]" "told" is no gold cue), so roles rarely
 * collide (15 contents inside contents in train); where they do, content wins. The cues the
 * tagger finds inside gold contents anyway are added for the role tagger by train-inner-cues.ts.
 */
export function goldTokens(seg: Segmented, record: PolnearRecord): GoldTokens {
  const n = seg.tokens.length;
  const cueMarks = new Uint8Array(n);
  const cueKeys = new Array<string>(n).fill('');
  const roles = new Uint8Array(n);
  const paint = (f: GoldFragment, b: number, rank: (current: number) => boolean): void => {
    const r = tokenRange(seg, f);
    if (!r) return;
    for (let i = r[0]; i < r[1]; i++) if (rank(roles[i] ?? 0)) roles[i] = i === r[0] ? b : b + 1;
  };
  const { attributions } = record;
  for (const a of attributions) for (const f of a.source) paint(f, 1, (c) => c === 0);
  for (const a of attributions) for (const f of a.content) paint(f, 3, (c) => c !== 3 && c !== 4);
  for (const a of attributions) {
    for (const f of a.cue) {
      const r = tokenRange(seg, f);
      if (!r) continue;
      const key = cueKey(seg.tokens.slice(r[0], r[1]));
      for (let i = r[0]; i < r[1]; i++) {
        cueMarks[i] = i === r[0] ? 1 : 2;
        cueKeys[i] = key;
        if ((roles[i] ?? 0) < 3) roles[i] = 0;
      }
    }
  }
  // Painting can leave "I-x" after another label; make it "B-x" so every gold sequence is valid BIO.
  for (let i = 0; i < n; i++) {
    const r = roles[i] ?? 0;
    if ((r === 2 || r === 4) && (i === 0 || ((roles[i - 1] ?? 0) !== r && (roles[i - 1] ?? 0) !== r - 1))) roles[i] = r - 1;
  }
  return { cueMarks, cueKeys, roles };
}

/** Token sequences of one article for both taggers. */
export function articleSequences(
  ctx: FeatureContext,
  gold: GoldTokens,
  rates: ReadonlyMap<string, string>,
  bits = TAGGER_BITS,
  roleCues: RoleCueMarks = { marks: gold.cueMarks, keys: gold.cueKeys },
): { cue: TrainingSequence[]; role: TrainingSequence[] } {
  const { sentences } = ctx.segmented;
  const cue: TrainingSequence[] = [];
  const rate = rateIds(ctx.segmented, rates);
  const row = new RowBuilder(bits);
  for (const s of sentences) {
    row.reset();
    for (let i = s.firstToken; i < s.endToken; i++) { cueFeatures(ctx, rate, i, s.firstToken, s.endToken, row); row.next(); }
    cue.push({ rows: row.build(), labels: gold.cueMarks.slice(s.firstToken, s.endToken) });
  }
  const keys = Int32Array.from(roleCues.keys, (k) => (k ? hashString(k) : 0));
  const geo = cueGeometry(ctx, roleCues.marks);
  const role: TrainingSequence[] = [];
  for (const [first, end] of paragraphRanges(ctx.segmented)) {
    row.reset();
    for (let i = first; i < end; i++) { roleFeatures(ctx, roleCues.marks, keys, geo, i, row); row.next(); }
    role.push({ rows: row.build(), labels: gold.roles.slice(first, end) });
  }
  return { cue, role };
}

/** Options of {@link trainAttributionModel}. */
export interface TrainAttributionOptions {
  /** @default 8 */
  readonly epochs?: number;
  /**
   * Epochs of the role tagger. 12 against 8 on a held-out eighth of PolNeAR train: source and
   * content F1 +0.4, cue and relation flat (16: no better). @default 12
   */
  readonly roleEpochs?: number;
  /**
   * Features seen fewer times are dropped. 10 gave the same dev F1 as 2 with half the features,
   * a 2 MB model and faster decoding. @default 10
   */
  readonly minCount?: number;
  /** Cue taggers trained with different shuffle seeds and averaged (3 gave +0.4 source, +0.8 relation F1 on dev). @default 1 */
  readonly seeds?: number;
  /** Role taggers trained with different shuffle seeds and averaged. @default 1 */
  readonly roleSeeds?: number;
  /** Feature space: 2^bits hashed buckets per tagger. @default TAGGER_BITS */
  readonly bits?: number;
  /**
   * Train the role tagger with the cues a jackknifed cue tagger finds inside gold contents marked
   * too (see train-inner-cues.ts). @default true
   */
  readonly innerCues?: boolean;
  readonly log?: (message: string) => void;
}

/**
 * Train both taggers on PolNeAR records (primary annotations of the train split).
 *
 * @example
 * const model = await trainAttributionModel(readPolnear('train.jsonl'));
 */
export async function trainAttributionModel(
  records: AsyncIterable<PolnearRecord>,
  options: TrainAttributionOptions = {},
): Promise<SerializedAttributionModel> {
  const log = options.log ?? (() => undefined);
  const articles: { ctx: FeatureContext; gold: GoldTokens }[] = [];
  // Lemma counts (all, inside a cue) per fold of articles (even / odd), for the cue-rate feature.
  const counts = [new RateCounts(), new RateCounts()];
  for await (const record of records) {
    const seg = segment(polnearArticle(record));
    const gold = goldTokens(seg, record);
    counts[articles.length % 2]?.add(seg, gold.cueMarks);
    articles.push({ ctx: featureContext(seg), gold });
  }
  log(`read ${articles.length} articles`);
  const [even = new RateCounts(), odd = new RateCounts()] = counts;
  const cueRates = RateCounts.merge(even, odd).rates();
  // Training features use the rates of the other fold: a rare lemma's rate computed from the very
  // sentences being learned would look more reliable than it is on unseen text.
  const foldRates = [new Map(odd.rates()), new Map(even.rates())];
  const epochs = options.epochs ?? 8;
  const bits = options.bits ?? TAGGER_BITS;
  const minCount = options.minCount ?? 10;
  const onEpoch = (name: string) => (epoch: number, accuracy: number): void => log(`${name} epoch ${epoch}: ${(accuracy * 100).toFixed(2)}% tokens`);
  // The role tagger learns from gold cues. Training it on cues predicted by a jackknifed cue
  // tagger was tried: +0.3 content and +0.5 source F1 on dev, but -1.3 relation F1 and twice the
  // training time, so the simpler scheme stays.
  const cueByArticle = articles.map(({ ctx, gold }, a) => articleSequences(ctx, gold, foldRates[a % 2] ?? new Map(), bits).cue);
  const cueData = cueByArticle.flat();
  const roleCues = options.innerCues === false
    ? articles.map(({ gold }) => ({ marks: gold.cueMarks, keys: gold.cueKeys }))
    : innerCueMarks(articles, cueByArticle, foldRates, { labels: CUE_LABELS, epochs: Math.min(epochs, 5), minCount, bits, log });
  const roleData: TrainingSequence[] = [];
  for (const [a, { ctx, gold }] of articles.entries()) {
    roleData.push(...articleSequences(ctx, gold, foldRates[a % 2] ?? new Map(), bits, roleCues[a]).role);
  }
  log(`${cueData.length} sentences, ${roleData.length} paragraphs`);
  const seeds = options.seeds ?? 1;
  const cueRuns = Array.from({ length: seeds }, (_, seed) => trainTagger(CUE_LABELS, cueData, { epochs, minCount, bits, seed: seed + 1, onEpoch: onEpoch(`cue seed ${seed + 1}`) }));
  const cue = averageTaggers(cueRuns);
  const roleSeeds = options.roleSeeds ?? 1;
  const roleRuns = Array.from({ length: roleSeeds }, (_, seed) => trainTagger(ROLE_LABELS, roleData, { epochs: options.roleEpochs ?? 12, minCount, bits, seed: seed + 1, onEpoch: onEpoch(`role seed ${seed + 1}`) }));
  const role = averageTaggers(roleRuns);
  return {
    version: 2,
    trainedOn: `PolNeAR v1.0 train, primary annotations, ${articles.length} articles, ${epochs} epochs (role tagger ${options.roleEpochs ?? 12}), feature buckets (2^${bits}) seen >= ${minCount} times`,
    cueRates,
    cue: serializeTagger(cue),
    role: serializeTagger(role),
  };
}


/** How often each lemma occurs, and how often inside a gold cue. */
class RateCounts {
  readonly seen = new Map<string, number>();
  readonly inCue = new Map<string, number>();

  /** Count the lemmas of one article. */
  add(seg: Segmented, cueMarks: Uint8Array): void {
    for (const t of seg.tokens) {
      this.seen.set(t.lemma, (this.seen.get(t.lemma) ?? 0) + 1);
      if ((cueMarks[t.index] ?? 0) > 0) this.inCue.set(t.lemma, (this.inCue.get(t.lemma) ?? 0) + 1);
    }
  }

  /** [lemma, rate bin] for lemmas seen at least 3 times, sorted for a stable model file. */
  rates(): [string, string][] {
    const out: [string, string][] = [];
    for (const [lemma, count] of this.seen) if (count >= 3) out.push([lemma, rateBin((this.inCue.get(lemma) ?? 0) / count)]);
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** The sum of two counts. */
  static merge(a: RateCounts, b: RateCounts): RateCounts {
    const out = new RateCounts();
    for (const src of [a, b]) {
      for (const [k, v] of src.seen) out.seen.set(k, (out.seen.get(k) ?? 0) + v);
      for (const [k, v] of src.inCue) out.inCue.set(k, (out.inCue.get(k) ?? 0) + v);
    }
    return out;
  }
}
