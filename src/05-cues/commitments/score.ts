/**
 * Score one predicate occurrence: the writer's commitment from the learnt model (negation and
 * complement type are in the model; modal, question and conditional frames are not in the
 * ratings, so they shrink the score by the same rules as attribution cues), and the subject's.
 */
import { readFileSync } from 'node:fs';
import type { CueEnvironment, PredicateEnvironment, Segmented, Token } from '../../types/index.js';
import { adjustCommitment } from '../commitment.js';
import { defaultStanceLexicon, lookupCue } from '../lexicon.js';
import { features, neighbourRating, predict, type Frame, type PredicateEntry, type PredicateKind, type RatedFrame } from './model.js';
import { relativeRating } from './relatives.js';

/** The fitted model: predicate inventory and ridge weights (data/commitments/predicates.json). */
export interface CommitmentModel {
  /** Ridge penalty of the class indicators. */
  readonly lambda: number;
  /** Ridge penalty of the word-vector dimensions. */
  readonly lambdaVector: number;
  /** Neighbours a predicate borrows its frame rating from. */
  readonly k: number;
  /** Mean rating per rated verb frame ("know|that"), in [-1, 1] (Ross & Pavlick 2019). */
  readonly rated: Readonly<Record<string, RatedFrame>>;
  readonly weights: readonly number[];
  readonly inventory: Readonly<Record<string, PredicateEntry>>;
}

const DEFAULT_PATH = new URL('../../../data/commitments/predicates.json', import.meta.url);
let cached: CommitmentModel | undefined;
const ratedMaps = new WeakMap<CommitmentModel, Map<string, RatedFrame>>();
const scoreMemo = new WeakMap<CommitmentModel, Map<string, number>>();

/**
 * An adjective with a negative prefix whose base is in the inventory is the base negated:
 * "unlikely that" is "not likely that", "impossible" "not possible", "unaware" "not aware". The
 * ratings are of verbs only, so a prefixed adjective scored on its own borrows from the verbs
 * nearest its word vector, which are those of the base ("unlikely" read like "likely").
 * @example negatedBase(model, 'unlikely') // 'likely'
 */
export function negatedBase(model: CommitmentModel, lemma: string): string | undefined {
  const m = /^(?:un|im|in|il|ir)(\p{L}{4,})$/u.exec(lemma);
  const base = m?.[1];
  return base && model.inventory[base]?.kind === 'adjective' && model.inventory[lemma]?.kind !== 'verb' ? base : undefined;
}

/** The model's prediction for a predicate in a frame (negation, complement type), before the rules. */
export function frameScore(model: CommitmentModel, lemma: string, frame: Omit<Frame, 'neighbour' | 'relative'>, kind?: PredicateKind): number {
  const base = negatedBase(model, lemma);
  if (base) return frameScore(model, base, { ...frame, negated: !frame.negated }, 'adjective');
  // Memoised per model: the score depends only on these four values (a predicate recurs often).
  let memo = scoreMemo.get(model);
  if (!memo) { memo = new Map(); scoreMemo.set(model, memo); }
  const key = `${lemma}|${kind ?? ''}|${frame.complement}|${frame.negated ? 1 : 0}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  let rated = ratedMaps.get(model);
  if (!rated) { rated = new Map(Object.entries(model.rated)); ratedMaps.set(model, rated); }
  const neighbour = neighbourRating(rated, model.inventory, lemma, frame, model.k);
  const entry = model.inventory[lemma];
  const relative = relativeRating(rated, entry?.relatives, lemma, frame);
  const score = predict(model.weights, features(entry && kind && kind !== entry.kind ? { ...entry, kind } : entry, { ...frame, neighbour, relative }));
  memo.set(key, score);
  return score;
}

/** Load the bundled model once (or the file at `path`). */
export function loadCommitmentModel(path?: string | URL): CommitmentModel {
  if (!path && cached) return cached;
  const raw = JSON.parse(readFileSync(path ?? DEFAULT_PATH, 'utf8')) as CommitmentModel;
  if (!Array.isArray(raw.weights) || typeof raw.inventory !== 'object') throw new TypeError(`narrascope: ${String(path ?? DEFAULT_PATH)} is not a commitment model`);
  if (!path) cached = raw;
  return raw;
}

/** "Did she realize that P?" still presupposes P: factives keep the writer's score in questions. */
const QUESTION_SHRINK = 0.3;
const MODAL_SHRINK = 0.5;
const CONDITIONAL_SHRINK = 0.5;

/**
 * Writer's and subject's commitment to the clause, each in [-1, 1].
 *
 * @example
 * // "She did not realize that the plant had closed": writer still vouches for the clause.
 * scoreCommitment(model, 'realize', 'verb', 'that', { negated: true, ... }) // { writer: ~0.6, ... }
 */
export function scoreCommitment(
  model: CommitmentModel,
  lemma: string,
  complement: 'that' | 'to',
  environment: CueEnvironment,
  kind?: PredicateKind,
): { writer: number; subject: number } {
  const entry = model.inventory[lemma];
  const factive = entry?.classes.includes('factive') ?? false;
  let writer = frameScore(model, lemma, { negated: environment.negated, complement }, kind);
  if (environment.question && !factive) writer *= QUESTION_SHRINK;
  if (environment.modal) writer *= MODAL_SHRINK;
  if (environment.conditional) writer *= CONDITIONAL_SHRINK;
  // The subject: a cue's own source score when the stance lexicon has it ("deny" -> -1), else the
  // model's positive frame (someone who "realizes" or "thinks" P holds P), through the cue rules.
  const cue = lookupCue(lemma, defaultStanceLexicon());
  const base = cue
    ? { sourceCommitment: cue.sourceCommitment, reporterCommitment: writer, factive: cue.factive }
    : { sourceCommitment: Math.max(0, frameScore(model, lemma, { negated: false, complement }, kind)), reporterCommitment: writer, factive };
  const subject = adjustCommitment(base, { ...environment, firstPerson: false }).sourceCommitment;
  // "I don't think that P": the writer is the subject.
  if (environment.firstPerson) writer = subject;
  return { writer: tidy(writer), subject: tidy(subject) };
}

/** Tense and person of a predicate, from its auxiliary chain and the token before it. */
export function tenseAndPerson(segmented: Segmented, head: number, firstPerson: boolean): Pick<PredicateEnvironment, 'tense' | 'person'> {
  const { tokens } = segmented;
  const h = tokens[head]!;
  const first = segmented.sentences[h.sentence]?.firstToken ?? 0;
  const chain: Token[] = [];
  let i = head - 1;
  for (; i >= first && chain.length < 6; i--) {
    const t = tokens[i]!;
    if (!['AUX', 'PART', 'ADV'].includes(t.pos)) break;
    chain.push(t);
  }
  const stop = i >= first ? tokens[i] : undefined;
  const words = new Set(chain.map((t) => t.lower));
  let tense: PredicateEnvironment['tense'] = 'present';
  if (words.has('will') || words.has('shall') || words.has("'ll")) tense = 'future';
  else if (['did', 'was', 'were', 'had', "'d"].some((w) => words.has(w)) || (h.pos === 'VERB' && chain.length === 0 && /ed$/u.test(h.lower)) || (h.lower !== h.lemma && !/(s|ing)$/u.test(h.lower) && h.pos === 'VERB')) tense = 'past';
  const person: PredicateEnvironment['person'] = firstPerson ? 'first' : stop && ['it', 'there'].includes(stop.lower) ? 'impersonal' : 'third';
  return { tense, person };
}

/** The kind of a lemma in the model's inventory. */
export function kindIn(model: CommitmentModel): (lemma: string) => PredicateKind | undefined {
  let kinds = kindTables.get(model);
  if (!kinds) {
    kinds = new Map(Object.entries(model.inventory).map(([lemma, entry]) => [lemma, entry.kind]));
    kindTables.set(model, kinds);
  }
  const table = kinds;
  return (lemma) => table.get(lemma);
}

// Lemma -> kind, one Map per model: this lookup runs for every token, and a Map lookup of a
// fresh string is cheaper than a property lookup in the 1,000-key inventory object (which makes
// V8 internalise the string first). Same answers: only the inventory's own keys are found.
const kindTables = new WeakMap<CommitmentModel, ReadonlyMap<string, PredicateKind>>();

function tidy(x: number): number {
  return Math.round(Math.min(1, Math.max(-1, x)) * 100) / 100 + 0;
}
