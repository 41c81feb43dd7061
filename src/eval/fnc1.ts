/**
 * `narrascope eval fnc1`: predict FNC-1 stances with the relation model and, when the stances
 * file has a Stance column, score them (fnc1-score.ts). Predictions can be written as the
 * competition's submission CSV (Headline,Body ID,Stance) in input order.
 */
import { writeFileSync } from 'node:fs';
import { loadRelationModel } from '../relations/index.js';
import type { PreparedText } from '../relations/index.js';
import { readFnc1Bodies, readFnc1Stances, type Fnc1Label } from './fnc1-read.js';
import { scoreFnc1, type Fnc1Scores } from './fnc1-score.js';

/** Options of {@link evaluateFnc1}. */
export interface Fnc1EvalOptions {
  /** bodies CSV (Body ID, articleBody). */
  readonly bodies: string;
  /** stances CSV (Headline, Body ID[, Stance]). */
  readonly stances: string;
  /** Write predictions here as Headline,Body ID,Stance. */
  readonly out?: string;
  /** Only the first N pairs. */
  readonly limit?: number;
}

/** What {@link evaluateFnc1} returns. */
export interface Fnc1EvalReport {
  readonly pairs: number;
  readonly predictions: readonly Fnc1Label[];
  /** Present when the stances file has gold labels. */
  readonly scores?: Fnc1Scores;
  /** Pairs per second of the prediction loop (bodies prepared once each, included). */
  readonly pairsPerSecond: number;
}

/** Quote a CSV field when it needs it (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Predict (and score, when labelled) an FNC-1 stances file.
 *
 * @example
 * const report = evaluateFnc1({ bodies: 'train_bodies.csv', stances: 'dev_stances.csv' });
 */
export function evaluateFnc1(options: Fnc1EvalOptions): Fnc1EvalReport {
  const bodies = readFnc1Bodies(options.bodies);
  const read = readFnc1Stances(options.stances, bodies);
  const pairs = options.limit ? read.pairs.slice(0, options.limit) : read.pairs;
  const model = loadRelationModel();
  const started = performance.now();
  const preparedBodies = new Map<string, PreparedText>();
  const preparedClaims = new Map<string, PreparedText>();
  const predictions = pairs.map((p) => {
    let body = preparedBodies.get(p.bodyId);
    if (!body) { body = model.prepare(bodies.get(p.bodyId) ?? ''); preparedBodies.set(p.bodyId, body); }
    let claim = preparedClaims.get(p.headline);
    if (!claim) { claim = model.prepare(p.headline); preparedClaims.set(p.headline, claim); }
    return model.score(claim, body).label;
  });
  const seconds = (performance.now() - started) / 1000;
  if (options.out) {
    const lines = ['Headline,Body ID,Stance', ...pairs.map((p, i) => `${csvField(p.headline)},${csvField(p.bodyId)},${predictions[i] ?? 'unrelated'}`)];
    writeFileSync(options.out, `${lines.join('\n')}\n`);
  }
  const gold = read.labelled ? pairs.map((p) => p.stance ?? 'unrelated') : undefined;
  return {
    pairs: pairs.length,
    predictions,
    ...(gold ? { scores: scoreFnc1(gold, predictions) } : {}),
    pairsPerSecond: seconds > 0 ? pairs.length / seconds : 0,
  };
}
