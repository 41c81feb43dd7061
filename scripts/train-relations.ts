/**
 * Trains the claim-relation model (src/relations) on FNC-1 and writes models/relations.bin.
 * Deterministic: same data, same bytes. Reports the held-out dev fold (20% of bodies by id,
 * never trained on) with the FNC-1 scorer.
 *
 *   npm run train:relations                 # train on the 80% split, report dev, write the model
 *   npm run train:relations -- --no-write   # report only
 */
import { writeFileSync } from 'node:fs';
import { loadEmbeddings } from '../src/adapters/embeddings.js';
import { readFnc1Bodies, readFnc1Stances, type Fnc1Label } from '../src/eval/fnc1-read.js';
import { formatFnc1Scores, scoreFnc1 } from '../src/eval/fnc1-score.js';
import { RelationModel, encodeRelationModel } from '../src/relations/model.js';
import { PairFeaturizer, splitBodies, trainRelationStages } from '../src/relations/train.js';

const CORPUS = new URL('../../shared/corpora/fnc1/', new URL('../', import.meta.url));
const write = !process.argv.includes('--no-write');
const arg = (name: string): string | undefined => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const started = Date.now();
const log = (line: string): void => { process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}\n`); };

const bodies = readFnc1Bodies(new URL('train_bodies.csv', CORPUS).pathname);
const { pairs } = readFnc1Stances(new URL('train_stances.csv', CORPUS).pathname, bodies);
const { train, dev } = splitBodies(bodies.keys());
const trainPairs = pairs.filter((p) => train.has(p.bodyId));
const devPairs = pairs.filter((p) => dev.has(p.bodyId));
log(`${pairs.length} pairs, ${bodies.size} bodies: train ${trainPairs.length} pairs / ${train.size} bodies, dev ${devPairs.length} pairs / ${dev.size} bodies`);

const vectors = loadEmbeddings();
const featurizer = new PairFeaturizer(bodies, vectors);
const rows = featurizer.rows(trainPairs);
log(`features per pair: ${(rows.dense.ids.length / rows.dense.length).toFixed(0)} dense, ${(rows.full.ids.length / rows.full.length).toFixed(0)} in all`);
// A comma list per option; several values separated by ";" try every combination (report only the dev fold).
const grid = (name: string, fallback: string): string[] => (arg(name) ?? fallback).split(';');
const gold = trainPairs.map((p) => p.stance ?? 'unrelated');
let related, stance;
for (const weights of grid('--weights', '1,3,1')) {
  for (const l2 of grid('--l2', '1e-6')) {
    for (const epochs of grid('--epochs', '8')) {
      for (const lr of grid('--lr', '0.1')) {
        ({ related, stance } = trainRelationStages(rows, gold, { epochs: Number(epochs), stanceWeights: weights.split(',').map(Number), learningRate: Number(lr), l2: Number(l2) }));
        const model = new RelationModel(related, stance, vectors);
        const predicted: Fnc1Label[] = devPairs.map((p) => model.score(featurizer.claim(p.headline), featurizer.body(p.bodyId)).label);
        process.stdout.write(formatFnc1Scores(scoreFnc1(devPairs.map((p) => p.stance ?? 'unrelated'), predicted), `FNC-1 dev fold (20% of train bodies, held out; weights ${weights}, l2 ${l2}, epochs ${epochs}, lr ${lr})`));
        log('scored');
      }
    }
  }
}
if (!related || !stance) throw new Error('no model trained');
if (write) {
  const bytes = encodeRelationModel(related, stance);
  writeFileSync(new URL('../models/relations.bin', import.meta.url), bytes);
  log(`wrote models/relations.bin (${(bytes.length / 1e6).toFixed(2)} MB)`);
}
