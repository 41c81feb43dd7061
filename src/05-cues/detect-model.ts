/**
 * The trained attribution model (cue tagger + source/content tagger) stored as JSON under
 * `models/attribution-tagger.json` (built by `npm run train:attributions` from PolNeAR train).
 * Loaded lazily once per process; callers may inject another model instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SequenceTagger, SerializedTagger } from './detect-perceptron.js';
import { deserializeTagger } from './detect-perceptron-io.js';
import type { CueRates } from './detect-features.js';

/** The JSON file layout. */
export interface SerializedAttributionModel {
  /** 2: emission weights in src/learn's binary format over 2^18 hashed buckets (1: hash tables, before issue 14). */
  readonly version: 2;
  /** What the model was trained on and how, for the record. */
  readonly trainedOn: string;
  /** [lemma, bin] pairs: how often the lemma is part of a cue in training. */
  readonly cueRates: readonly (readonly [string, string])[];
  readonly cue: SerializedTagger;
  readonly role: SerializedTagger;
}

/** The model ready for decoding. */
export interface AttributionModel {
  readonly cueRates: CueRates;
  /** Labels O, B-cue, I-cue; one sequence per sentence. */
  readonly cue: SequenceTagger;
  /** Labels O, B-source, I-source, B-content, I-content; one sequence per paragraph. */
  readonly role: SequenceTagger;
}

/** Build the decoding model from its JSON form. */
export function attributionModelFromJson(data: SerializedAttributionModel): AttributionModel {
  if (data.version !== 2) throw new TypeError(`narrascope: unsupported attribution model version ${String(data.version)} (expected 2; retrain with npm run train:attributions)`);
  return {
    cueRates: new Map(data.cueRates.map(([lemma, rate]) => [lemma, rate])),
    cue: deserializeTagger(data.cue),
    role: deserializeTagger(data.role),
  };
}

/** Where the default model lives: `models/` at the package root, from src/ or dist/src/. */
function defaultModelPath(): string {
  const candidates = ['../../models/attribution-tagger.json', '../../../models/attribution-tagger.json'];
  for (const relative of candidates) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('narrascope: models/attribution-tagger.json not found; run `npm run train:attributions`');
}

let cached: AttributionModel | undefined;

/** The default model, read from disk on first use. */
export function defaultAttributionModel(): AttributionModel {
  cached ??= attributionModelFromJson(JSON.parse(readFileSync(defaultModelPath(), 'utf8')) as SerializedAttributionModel);
  return cached;
}
