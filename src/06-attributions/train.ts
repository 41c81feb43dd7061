/**
 * Training of the attribution model on PolNeAR train: gold fragments become token labels, then
 * two averaged perceptrons are trained (cues per sentence; sources and contents per paragraph,
 * given the gold cues). Deterministic: same data and options, same model file.
 */
import { segment } from '../03-segment/index.js';
import { cueFeatures, featureContext, rateBin, rateIds, type FeatureContext } from '../05-cues/detect-features.js';
import { hashString } from '../05-cues/detect-hash.js';
import { cueKey } from '../05-cues/detect-key.js';
import type { SerializedAttributionModel } from '../05-cues/detect-model.js';
import { RowBuilder, serializeTagger, trainTagger, type TrainingSequence } from '../05-cues/detect-perceptron.js';
import { polnearArticle, type GoldFragment, type PolnearRecord } from '../eval/polnear-read.js';
import type { Segmented } from '../types/index.js';
import { paragraphRanges } from './paragraphs.js';
import { cueGeometry, roleFeatures } from './role-features.js';

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
 * Project gold fragments onto tokens. Where roles collide (a nested source inside an outer
 * content), source wins over content and cue tokens get no role.
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
  const mode = process.env['NS_NEST'] ?? 'A';
  if (mode === 'C') {
    for (const a of record.attributions) for (const f of a.source) paint(f, 1, (c) => c === 0);
    for (const a of record.attributions) for (const f of a.content) paint(f, 3, (c) => c !== 3 && c !== 4);
  } else {
    for (const a of record.attributions) for (const f of a.content) paint(f, 3, (c) => c === 0);
    for (const a of record.attributions) for (const f of a.source) paint(f, 1, (c) => c !== 1 && c !== 2);
  }
  for (const a of record.attributions) {
    for (const f of a.cue) {
      const r = tokenRange(seg, f);
      if (!r) continue;
      const key = cueKey(seg.tokens.slice(r[0], r[1]));
      for (let i = r[0]; i < r[1]; i++) {
        cueMarks[i] = i === r[0] ? 1 : 2;
        cueKeys[i] = key;
        if (mode === 'A' || (roles[i] ?? 0) < 3) roles[i] = 0;
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
): { cue: TrainingSequence[]; role: TrainingSequence[] } {
  const { sentences } = ctx.segmented;
  const cue: TrainingSequence[] = [];
  const rate = rateIds(ctx.segmented, rates);
  for (const s of sentences) {
    const row = new RowBuilder();
    for (let i = s.firstToken; i < s.endToken; i++) { cueFeatures(ctx, rate, i, s.firstToken, s.endToken, row); row.next(); }
    cue.push({ features: Int32Array.from(row.features), offsets: Int32Array.from(row.offsets), labels: gold.cueMarks.slice(s.firstToken, s.endToken) });
  }
  const keys = Int32Array.from(gold.cueKeys, (k) => (k ? hashString(k) : 0));
  const geo = cueGeometry(ctx, gold.cueMarks);
  const role: TrainingSequence[] = [];
  for (const [first, end] of paragraphRanges(ctx.segmented)) {
    const row = new RowBuilder();
    for (let i = first; i < end; i++) { roleFeatures(ctx, gold.cueMarks, keys, geo, i, row); row.next(); }
    role.push({ features: Int32Array.from(row.features), offsets: Int32Array.from(row.offsets), labels: gold.roles.slice(first, end) });
  }
  return { cue, role };
}

/** Options of {@link trainAttributionModel}. */
export interface TrainAttributionOptions {
  /** @default 8 */
  readonly epochs?: number;
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
  const seen = new Map<string, number>();
  const inCue = new Map<string, number>();
  for await (const record of records) {
    const seg = segment(polnearArticle(record));
    const gold = goldTokens(seg, record);
    for (const t of seg.tokens) {
      seen.set(t.lemma, (seen.get(t.lemma) ?? 0) + 1);
      if ((gold.cueMarks[t.index] ?? 0) > 0) inCue.set(t.lemma, (inCue.get(t.lemma) ?? 0) + 1);
    }
    articles.push({ ctx: featureContext(seg), gold });
  }
  log(`read ${articles.length} articles`);
  const cueRates: [string, string][] = [];
  for (const [lemma, count] of seen) if (count >= 3) cueRates.push([lemma, rateBin((inCue.get(lemma) ?? 0) / count)]);
  cueRates.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const rates = new Map(cueRates);
  const cueData: TrainingSequence[] = [];
  const roleData: TrainingSequence[] = [];
  for (const { ctx, gold } of articles) {
    const seqs = articleSequences(ctx, gold, rates);
    cueData.push(...seqs.cue);
    roleData.push(...seqs.role);
  }
  log(`${cueData.length} sentences, ${roleData.length} paragraphs`);
  const epochs = options.epochs ?? 8;
  const onEpoch = (name: string) => (epoch: number, accuracy: number): void => log(`${name} epoch ${epoch}: ${(accuracy * 100).toFixed(2)}% tokens`);
  const cue = trainTagger(CUE_LABELS, cueData, { epochs, onEpoch: onEpoch('cue') });
  const role = trainTagger(ROLE_LABELS, roleData, { epochs, onEpoch: onEpoch('role') });
  return {
    version: 1,
    trainedOn: `PolNeAR v1.0 train, primary annotations, ${articles.length} articles, ${epochs} epochs`,
    cueRates,
    cue: serializeTagger(cue),
    role: serializeTagger(role),
  };
}
