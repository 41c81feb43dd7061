/**
 * The stance lexicon: for each cue key ("say", "according to", "skeptical") its stance class, how
 * committed the source and the writer are to the reported content, and whether it is factive.
 *
 * The data lives in `data/lexicons/stance-lexicon.json` (built by `scripts/build-lexicon.ts`, see
 * `data/lexicons/README.md`). It is read once per process and indexed by key in a Map, because
 * classification runs on every cue of every article.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { StanceClass } from '../types/index.js';

/** Part of speech of a lexicon entry: what kind of word or phrase the key is. */
export type StancePos = 'verb' | 'noun' | 'adj' | 'adv' | 'phrase';

/** One lexicon entry, as stored in the JSON file. */
export interface StanceEntry {
  /** Lower-case lemma or phrase, the lookup key ("say", "according to", "so-called"). */
  readonly key: string;
  readonly class: StanceClass;
  /** How far the source is committed to the content, in [-1, 1], before context. */
  readonly sourceCommitment: number;
  /** How far the writer vouches for the content, in [-1, 1], before context. */
  readonly reporterCommitment: number;
  /** True when the cue presupposes its content ("revealed that P" and "did not reveal that P" both imply P). */
  readonly factive: boolean;
  readonly pos?: StancePos;
  /** Ids of the sources (keys of `StanceLexicon.sources`) the entry comes from. */
  readonly provenance: readonly string[];
  readonly note?: string;
}

/** A loaded lexicon: the file's metadata plus its entries indexed by key. */
export interface StanceLexicon {
  readonly version: string;
  /** Source id -> where it came from. */
  readonly sources: Readonly<Record<string, { readonly file: string; readonly citation: string }>>;
  readonly entries: readonly StanceEntry[];
  /** Entries by key; use {@link lookupCue} rather than this Map to get key normalisation. */
  readonly byKey: ReadonlyMap<string, StanceEntry>;
  /** Every proper word prefix of a multi-word key ("make", "make it" for "make it clear"). */
  readonly phrasePrefixes: ReadonlySet<string>;
}

const CLASSES = ['neutral', 'endorsing', 'distancing', 'insistence', 'hedging', 'denial', 'accusation', 'doubt'] as const;
const score = z.number().min(-1).max(1);
const fileSchema = z.object({
  version: z.string(),
  sources: z.record(z.string(), z.object({ file: z.string(), citation: z.string() })),
  entries: z.array(z.object({
    key: z.string().min(1),
    class: z.enum(CLASSES),
    sourceCommitment: score,
    reporterCommitment: score,
    factive: z.boolean(),
    pos: z.enum(['verb', 'noun', 'adj', 'adv', 'phrase']).optional(),
    provenance: z.array(z.string()),
    note: z.string().optional(),
  })),
});

/** Where the bundled lexicon sits: the package root's `data/`, two levels above `src/05-cues/` or `dist/05-cues/`. */
const DEFAULT_PATH = new URL('../../data/lexicons/stance-lexicon.json', import.meta.url);

/**
 * Read and validate a stance lexicon file. Throws a TypeError naming the file and the first bad
 * field when the file does not match the schema (a configuration error, not a data problem).
 *
 * @param path - A JSON file in the `stance-lexicon.json` format.
 * @default the lexicon bundled with the package
 * @example
 * const lexicon = loadStanceLexicon();
 * lexicon.byKey.get('insist')?.class; // 'insistence'
 */
export function loadStanceLexicon(path: string | URL = DEFAULT_PATH): StanceLexicon {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TypeError(`narrascope: cannot read stance lexicon ${String(path)}: ${(error as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TypeError(`narrascope: invalid stance lexicon ${String(path)} at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown error'}`);
  }
  const entries: StanceEntry[] = parsed.data.entries.map((e) => {
    // exactOptionalPropertyTypes: copy optional fields only when present.
    const entry: { -readonly [K in keyof StanceEntry]: StanceEntry[K] } = {
      key: normaliseKey(e.key), class: e.class, sourceCommitment: e.sourceCommitment,
      reporterCommitment: e.reporterCommitment, factive: e.factive, provenance: e.provenance,
    };
    if (e.pos !== undefined) entry.pos = e.pos;
    if (e.note !== undefined) entry.note = e.note;
    return entry;
  });
  const byKey = new Map<string, StanceEntry>();
  const phrasePrefixes = new Set<string>();
  for (const entry of entries) {
    byKey.set(entry.key, entry);
    const words = entry.key.split(' ');
    for (let n = 1; n < words.length; n++) phrasePrefixes.add(words.slice(0, n).join(' '));
  }
  return { version: parsed.data.version, sources: parsed.data.sources, entries, byKey, phrasePrefixes };
}

let bundled: StanceLexicon | undefined;

/** The bundled lexicon, loaded on first use and shared by every later call. */
export function defaultStanceLexicon(): StanceLexicon {
  bundled ??= loadStanceLexicon();
  return bundled;
}

/**
 * Lower-case, single-spaced, straight-apostrophe form of a key, as stored in the lexicon.
 *
 * @example
 * normaliseKey('  According   To '); // 'according to'
 */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * The lexicon entry for a cue key, or undefined when the key is unknown. A multi-word key that is
 * not itself an entry falls back to its first word ("call on" -> "call").
 *
 * @example
 * lookupCue('according to')?.class; // 'neutral'
 * lookupCue('Claim')?.class; // 'distancing'
 */
export function lookupCue(key: string, lexicon: StanceLexicon = defaultStanceLexicon()): StanceEntry | undefined {
  const normal = normaliseKey(key);
  const hit = lexicon.byKey.get(normal);
  if (hit || !normal.includes(' ')) return hit;
  return lexicon.byKey.get(normal.slice(0, normal.indexOf(' ')));
}

/** A change to one lexicon entry, as written in a job file's `stages.cues.overrides`. */
export interface LexiconOverride {
  readonly class: StanceClass;
  readonly sourceCommitment?: number;
  readonly reporterCommitment?: number;
  readonly factive?: boolean;
}

/**
 * Which stance lexicon the cue stage uses: plain data, so it can cross into worker threads and be
 * part of a job's analyzer fingerprint.
 */
export interface LexiconChoice {
  /** A lexicon file replacing the bundled one (absolute path, or relative to the working folder). */
  readonly file?: string;
  /** Entries added or replaced, by key ("slam": {"class": "accusation"}). */
  readonly overrides?: Readonly<Record<string, LexiconOverride>>;
}

/**
 * The lexicon with entries replaced or added: an override keeps the commitments and factivity of
 * the entry it replaces unless it gives its own; a new key takes the class's usual values from
 * the bundled entries' medians, so `{"slam": {"class": "accusation"}}` is enough.
 *
 * @example
 * const lexicon = withOverrides(defaultStanceLexicon(), { slam: { class: 'accusation' } });
 */
export function withOverrides(base: StanceLexicon, overrides: Readonly<Record<string, LexiconOverride>>): StanceLexicon {
  const byKey = new Map(base.byKey);
  const phrasePrefixes = new Set(base.phrasePrefixes);
  for (const [rawKey, override] of Object.entries(overrides)) {
    const key = normaliseKey(rawKey);
    if (key === '') throw new TypeError('narrascope: a lexicon override has an empty key');
    const previous = byKey.get(key);
    const typical = previous?.class === override.class ? previous : typicalEntry(base, override.class);
    byKey.set(key, {
      key,
      class: override.class,
      sourceCommitment: override.sourceCommitment ?? typical.sourceCommitment,
      reporterCommitment: override.reporterCommitment ?? typical.reporterCommitment,
      factive: override.factive ?? previous?.factive ?? false,
      provenance: ['override'],
      ...(previous?.pos ? { pos: previous.pos } : key.includes(' ') ? { pos: 'phrase' as const } : {}),
    });
    const words = key.split(' ');
    for (let n = 1; n < words.length; n++) phrasePrefixes.add(words.slice(0, n).join(' '));
  }
  return { version: `${base.version}+overrides`, sources: base.sources, entries: [...byKey.values()], byKey, phrasePrefixes };
}

/** Median commitments of a class's entries: what a new key of that class starts from. */
function typicalEntry(lexicon: StanceLexicon, stanceClass: StanceClass): { sourceCommitment: number; reporterCommitment: number } {
  const members = lexicon.entries.filter((e) => e.class === stanceClass);
  const median = (values: number[]): number => {
    if (values.length === 0) return 0.5;
    const sorted = values.sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  };
  return { sourceCommitment: median(members.map((e) => e.sourceCommitment)), reporterCommitment: median(members.map((e) => e.reporterCommitment)) };
}

const chosen = new Map<string, StanceLexicon>();

/**
 * The lexicon a {@link LexiconChoice} names, loaded once per process (each worker thread keeps
 * its own copy) and reused for every later article with the same choice.
 */
export function resolveLexicon(choice: LexiconChoice | undefined): StanceLexicon {
  if (!choice || (choice.file === undefined && choice.overrides === undefined)) return defaultStanceLexicon();
  const cacheKey = JSON.stringify([choice.file ?? null, choice.overrides ?? null]);
  let lexicon = chosen.get(cacheKey);
  if (!lexicon) {
    const base = choice.file === undefined ? defaultStanceLexicon() : loadStanceLexicon(choice.file);
    lexicon = choice.overrides ? withOverrides(base, choice.overrides) : base;
    chosen.set(cacheKey, lexicon);
  }
  return lexicon;
}
