/**
 * `narrascope eval narratives --gold DIR`: runs compare's pipeline (clean, duplicate check,
 * per-article analysis, then the divergence report) on each gold event's articles and scores the
 * report's narratives against the gold file. Metric definitions: `data/gold/narratives/README.md`.
 */
import { existsSync } from 'node:fs';
import { buildReport } from '../../08-report/index.js';
import { analyze } from '../../pipeline/analyze.js';
import type { AnalyzedArticle } from '../../types/index.js';
import { checkGold, GoldFileError, goldName, loadGoldDir } from './gold-load.js';
import { GoldArticleSource, type CorpusPaths } from './gold-sources.js';
import { claimSetKeys, claimSetPathFor, loadClaimSet } from './claim-set.js';
import { bcubed, fixedSetItems, prf, round3, type Prf } from './metrics.js';
import { scoreEvent, type EventCounts, type EventDetails, type Tally } from './score.js';

/** Options of {@link evaluateNarratives}. */
export interface NarrativesEvalOptions {
  /** Folder of gold event files (`*.json`). */
  readonly gold: string;
  /** Corpus files to read instead of the defaults under `../shared/corpora`. */
  readonly inputs?: CorpusPaths;
  /**
   * Folder relative paths resolve against (gold `files` paths, `../shared`).
   * @default process.cwd()
   */
  readonly root?: string;
  /** Only check the gold files against the texts; run nothing. */
  readonly checkOnly?: boolean;
  /** Score only these events (event ids or file names without `.json`). */
  readonly only?: readonly string[];
  /**
   * A fixed claim set to score B-cubed on as well (see claim-set.ts); null for none.
   * @default `GOLD-claimset.json` beside the gold folder, when that file exists
   * @example 'data/gold/narratives/dev-claimset.json'
   */
  readonly claimSet?: string | null;
}

/** B-cubed on a fixed claim set: every claim of the set scored, lost ones as singletons. */
export interface FixedSetScores {
  /** Gold claims of the set (of this event, or pooled). */
  readonly claims: number;
  /** Share of them some reported narrative still holds. */
  readonly kept: number;
  readonly bcubed: Prf;
}

/** The figures of one event or of all events together. */
export interface NarrativeScores {
  readonly goldClaims: number;
  /** Share of gold narrative claims the tool put in some narrative. */
  readonly extracted: number;
  /** B-cubed of narratives on the gold claims the tool extracted. */
  readonly bcubed: Prf;
  /** B-cubed on the fixed claim set, when one is given (null otherwise). */
  readonly fixedSet: FixedSetScores | null;
  readonly conflicts: Prf & { readonly tool: number; readonly gold: number };
  /** Accuracy: share of the tool's backers that are gold backers; recall: gold backers found. */
  readonly backers: { readonly accuracy: number; readonly recall: number; readonly tool: number; readonly gold: number };
  readonly disputers: { readonly accuracy: number; readonly recall: number; readonly tool: number; readonly gold: number };
  /** Precision: share of the tool's omissions that are gold omissions. */
  readonly omissions: { readonly precision: number; readonly recall: number; readonly tool: number; readonly gold: number };
  readonly narratives: { readonly tool: number; readonly gold: number; readonly ratio: number; readonly questions: number };
  /** Share of the gold background facts the tool put in a narrative (0 is right). */
  readonly backgroundInNarratives: number;
}

/** The result of {@link evaluateNarratives}. */
export interface NarrativesEvalReport {
  readonly gold: string;
  readonly events: readonly ({ readonly event: string; readonly file: string; readonly articles: number; readonly ms: number; readonly details: EventDetails } & NarrativeScores)[];
  /** Counts pooled over events (B-cubed over all events' items, clusters never crossing events). */
  readonly overall: NarrativeScores;
  /** Mean of the per-event B-cubed F1 (on extracted claims; on the fixed set, null without one) and narrative ratios. */
  readonly macro: { readonly bcubedF1: number; readonly fixedSetF1: number | null; readonly narrativeRatio: number };
  /** The fixed claim set's file and the run it was frozen from, or null. */
  readonly claimSet: { readonly file: string; readonly reference: string } | null;
  /** Gold files that failed their checks (the other events were still scored). */
  readonly problems: readonly string[];
  readonly ms: number;
}

const share = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const sum = (xs: readonly Tally[]): Tally => xs.reduce((t, x) => ({ predicted: t.predicted + x.predicted, correct: t.correct + x.correct, gold: t.gold + x.gold, found: t.found + x.found }), { predicted: 0, correct: 0, gold: 0, found: 0 });

const r3 = (p: Prf): Prf => ({ precision: round3(p.precision), recall: round3(p.recall), f1: round3(p.f1) });

/** B-cubed of the counts' gold claims that are in `set` (keys `event/narrative@article:start-end`). */
export function fixedSetScores(c: EventCounts, set: ReadonlySet<string>): FixedSetScores {
  const items = fixedSetItems(c.claims, set);
  const kept = items.filter((i) => !i.predicted.startsWith('#lost:')).length;
  return { claims: items.length, kept: round3(share(kept, items.length)), bcubed: r3(bcubed(items)) };
}

/** Figures from counts; with a claim set, B-cubed on it as well. */
export function scoresOf(c: EventCounts, claimSet: ReadonlySet<string> | null = null): NarrativeScores {
  const conflicts = prf(c.conflicts.correct, c.conflicts.predicted, c.conflicts.found, c.conflicts.gold);
  const b = bcubed(c.items);
  return {
    goldClaims: c.goldClaims,
    extracted: round3(share(c.extracted, c.goldClaims)),
    bcubed: r3(b),
    fixedSet: claimSet ? fixedSetScores(c, claimSet) : null,
    conflicts: { ...r3(conflicts), tool: c.conflicts.predicted, gold: c.conflicts.gold },
    backers: { accuracy: round3(share(c.backers.correct, c.backers.predicted)), recall: round3(share(c.backers.found, c.backers.gold)), tool: c.backers.predicted, gold: c.backers.gold },
    disputers: { accuracy: round3(share(c.disputers.correct, c.disputers.predicted)), recall: round3(share(c.disputers.found, c.disputers.gold)), tool: c.disputers.predicted, gold: c.disputers.gold },
    omissions: { precision: round3(share(c.omissions.correct, c.omissions.predicted)), recall: round3(share(c.omissions.found, c.omissions.gold)), tool: c.omissions.predicted, gold: c.omissions.gold },
    narratives: { tool: c.narratives.tool, gold: c.narratives.gold, ratio: round3(share(c.narratives.tool, c.narratives.gold)), questions: c.narratives.questions },
    backgroundInNarratives: round3(share(c.background.inNarratives, c.background.gold)),
  };
}

/** Pool the counts of several events (cluster labels are prefixed by the event). */
export function poolCounts(events: readonly { readonly event: string; readonly counts: EventCounts }[]): EventCounts {
  const all = events.map((e) => e.counts);
  return {
    goldClaims: all.reduce((n, c) => n + c.goldClaims, 0),
    extracted: all.reduce((n, c) => n + c.extracted, 0),
    items: events.flatMap((e) => e.counts.items.map((i) => ({ gold: `${e.event}/${i.gold}`, predicted: `${e.event}/${i.predicted}` }))),
    // Keys already name their event; labels get it so that clusters never cross events.
    claims: events.flatMap((e) => e.counts.claims.map((c) => ({ key: c.key, gold: `${e.event}/${c.gold}`, predicted: c.predicted === null ? null : `${e.event}/${c.predicted}` }))),
    conflicts: sum(all.map((c) => c.conflicts)),
    backers: sum(all.map((c) => c.backers)),
    disputers: sum(all.map((c) => c.disputers)),
    omissions: sum(all.map((c) => c.omissions)),
    narratives: { tool: all.reduce((n, c) => n + c.narratives.tool, 0), gold: all.reduce((n, c) => n + c.narratives.gold, 0), questions: all.reduce((n, c) => n + c.narratives.questions, 0) },
    background: { gold: all.reduce((n, c) => n + c.background.gold, 0), inNarratives: all.reduce((n, c) => n + c.background.inNarratives, 0) },
    details: { missed: events.flatMap((e) => e.counts.details.missed), mapping: {} },
  };
}

/**
 * Load and check every gold file of `options.gold`, run the pipeline on each event's articles and
 * score it. A gold file that fails its checks is listed in `problems` and skipped; throws only
 * when the folder holds no loadable file.
 */
export async function evaluateNarratives(options: NarrativesEvalOptions): Promise<NarrativesEvalReport> {
  const started = performance.now();
  const problems: string[] = [];
  const all = await loadGoldDir(options.gold, (error) => problems.push(error.message));
  const only = options.only && options.only.length > 0 ? new Set(options.only) : null;
  const files = only ? all.filter((f) => only.has(f.gold.event) || only.has(goldName(f.file))) : all;
  if (only && files.length === 0) throw new GoldFileError(options.gold, null, `no gold event named ${[...only].join(', ')}`);
  const source = new GoldArticleSource(options.inputs ?? {}, options.root);
  const setFile = options.claimSet === undefined ? (existsSync(claimSetPathFor(options.gold)) ? claimSetPathFor(options.gold) : null) : options.claimSet;
  const claimSet = setFile === null ? null : loadClaimSet(setFile);
  const setKeys = claimSet ? claimSetKeys(claimSet) : null;
  const events: (NarrativesEvalReport['events'][number] & { counts: EventCounts })[] = [];
  for (const file of files) {
    const t0 = performance.now();
    let articles;
    try {
      articles = await source.articlesOf(file.gold);
    } catch (error) {
      problems.push(`${file.file}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const issues = checkGold(file, articles);
    if (issues.length > 0) { problems.push(...issues.map((e) => e.message)); continue; }
    if (options.checkOnly) continue;
    const analysed: AnalyzedArticle[] = [];
    for await (const result of analyze(articles)) analysed.push(result);
    const report = buildReport(analysed, { eventOf: () => file.gold.event, now: new Date(0) });
    const counts = scoreEvent(file.gold, report);
    if (setKeys) {
      // A set key no gold claim has means the gold changed after the set was frozen.
      const keys = new Set(counts.claims.map((c) => c.key));
      const stale = [...setKeys].filter((k) => k.startsWith(`${file.gold.event}/`) && !keys.has(k));
      if (stale.length > 0) problems.push(`${setFile}: ${stale.length} claim(s) of event ${file.gold.event} are no longer gold claims (first: ${stale[0]}); freeze the set again (scripts/freeze-claimset.ts)`);
    }
    events.push({ event: file.gold.event, file: goldName(file.file), articles: articles.length, ms: Math.round(performance.now() - t0), ...scoresOf(counts, setKeys), details: counts.details, counts });
  }
  const overall = scoresOf(poolCounts(events), setKeys);
  const mean = (xs: number[]): number => (xs.length === 0 ? 0 : round3(xs.reduce((a, b) => a + b, 0) / xs.length));
  return {
    gold: options.gold,
    events: events.map(({ counts: _counts, ...rest }) => rest),
    overall,
    macro: {
      bcubedF1: mean(events.map((e) => e.bcubed.f1)),
      fixedSetF1: setKeys ? mean(events.flatMap((e) => (e.fixedSet && e.fixedSet.claims > 0 ? [e.fixedSet.bcubed.f1] : []))) : null,
      narrativeRatio: mean(events.map((e) => e.narratives.ratio)),
    },
    claimSet: claimSet && setFile ? { file: setFile, reference: claimSet.reference } : null,
    problems,
    ms: Math.round(performance.now() - started),
  };
}
