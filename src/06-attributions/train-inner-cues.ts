/**
 * Inner cues for training the source/content tagger. PolNeAR annotates only the outermost
 * relation of a nest: in "Fox paid a settlement to [a booker who said Mr. Ailes harassed her]"
 * the content holds "said", which is no gold cue (0 of 2,193 dev relations have a cue inside
 * another relation's content). The cue tagger still finds many such cues at run time (165 of its
 * 321 false alarms on dev sit inside a gold content), and a role tagger that only ever saw gold
 * cues then cuts the outer content at them. So the role tagger is trained with those inner cues
 * marked too, their tokens still labelled content: it learns that a cue inside a reported clause
 * does not end the clause, and a second pass (nest.ts) gives the inner cue its own roles.
 *
 * The inner cues are the ones a cue tagger trained on the other half of the articles finds inside
 * gold contents (a jackknife), so they look like what the tagger finds on unseen text.
 */
import { cueFeatures, rateIds, type FeatureContext } from '../05-cues/detect-features.js';
import { cueKey } from '../05-cues/detect-key.js';
import { decode, RowBuilder, type TrainingSequence } from '../05-cues/detect-perceptron.js';
import { trainTagger } from '../05-cues/detect-perceptron-train.js';
import type { GoldTokens } from './train.js';

/** Cue marks and keys for the role tagger: the gold cues plus the inner cues. */
export interface RoleCueMarks {
  readonly marks: Uint8Array;
  readonly keys: string[];
}

/** Options of {@link innerCueMarks}. */
export interface InnerCueOptions {
  readonly labels: readonly string[];
  readonly epochs: number;
  readonly minCount: number;
  readonly bits: number;
  readonly log?: (message: string) => void;
}

/**
 * Per article (same order as `articles`), the gold cue marks plus the cues a jackknifed cue tagger
 * finds inside gold contents. `cueData[a]` are article a's cue-tagger sequences (one per sentence,
 * built with the other fold's cue rates), `foldRates[a % 2]` those rates.
 */
export function innerCueMarks(
  articles: readonly { ctx: FeatureContext; gold: GoldTokens }[],
  cueData: readonly (readonly TrainingSequence[])[],
  foldRates: readonly ReadonlyMap<string, string>[],
  options: InnerCueOptions,
): RoleCueMarks[] {
  const out: RoleCueMarks[] = articles.map(({ gold }) => ({ marks: gold.cueMarks.slice(), keys: [...gold.cueKeys] }));
  let added = 0;
  for (const fold of [0, 1]) {
    const train = cueData.filter((_, a) => a % 2 !== fold).flat();
    const tagger = trainTagger(options.labels, train, { epochs: options.epochs, minCount: options.minCount, bits: options.bits, seed: 7 + fold });
    const row = new RowBuilder(options.bits);
    articles.forEach(({ ctx, gold }, a) => {
      if (a % 2 !== fold) return;
      const target = out[a];
      if (!target) return;
      const rate = rateIds(ctx.segmented, foldRates[a % 2] ?? new Map());
      const { tokens } = ctx.segmented;
      for (const s of ctx.segmented.sentences) {
        row.reset();
        for (let i = s.firstToken; i < s.endToken; i++) { cueFeatures(ctx, rate, i, s.firstToken, s.endToken, row); row.next(); }
        const path = decode(tagger, row.view());
        for (let k = 0; k < path.length; k++) {
          if (path[k] !== 1) continue; // B-cue
          let end = k + 1;
          while (end < path.length && path[end] === 2) end++;
          const first = s.firstToken + k;
          const last = s.firstToken + end;
          let inside = true;
          for (let i = first; i < last; i++) {
            const role = gold.roles[i] ?? 0;
            if ((gold.cueMarks[i] ?? 0) > 0 || role < 3) inside = false;
          }
          // The whole cue inside one gold content, with content on both sides of it.
          if (!inside || (gold.roles[first - 1] ?? 0) < 3 || (gold.roles[last] ?? 0) !== 4) continue;
          const key = cueKey(tokens.slice(first, last));
          for (let i = first; i < last; i++) {
            target.marks[i] = i === first ? 1 : 2;
            target.keys[i] = key;
          }
          added++;
        }
      }
    });
  }
  options.log?.(`inner cues marked for the role tagger: ${added}`);
  return out;
}
