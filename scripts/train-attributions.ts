/**
 * Train the attribution model (cue tagger + source/content tagger) on PolNeAR train and write
 * models/attribution-tagger.json.
 *
 *   npx tsx scripts/train-attributions.ts [--file ../shared/corpora/polnear/train.jsonl] [--epochs 8] [--role-epochs 12] [--seeds 3] [--role-seeds 1] [--min-count 10] [--bits 17] [--out models/attribution-tagger.json]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { trainAttributionModel } from '../src/06-attributions/train.js';
import { readPolnear } from '../src/eval/polnear-read.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    file: { type: 'string', default: resolve(root, '../shared/corpora/polnear/train.jsonl') },
    epochs: { type: 'string', default: '8' },
    'role-epochs': { type: 'string' },
    seeds: { type: 'string', default: '3' },
    'role-seeds': { type: 'string', default: '1' },
    'min-count': { type: 'string', default: '10' },
    limit: { type: 'string' },
    bits: { type: 'string', default: '17' },
    out: { type: 'string', default: resolve(root, 'models/attribution-tagger.json') },
  },
});
const started = Date.now();
const limit = values.limit === undefined ? {} : { limit: Number(values.limit) };
const model = await trainAttributionModel(readPolnear(values.file, limit), {
  epochs: Number(values.epochs),
  ...(values['role-epochs'] === undefined ? {} : { roleEpochs: Number(values['role-epochs']) }),
  seeds: Number(values.seeds),
  roleSeeds: Number(values['role-seeds']),
  minCount: Number(values['min-count']),
  bits: Number(values.bits),
  log: (m) => console.error(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`),
});
const json = JSON.stringify(model);
writeFileSync(values.out, json);
console.error(`wrote ${values.out} (${(json.length / 1e6).toFixed(2)} MB, cue model ${(model.cue.model.length * 0.75 / 1e3).toFixed(0)} KB / role model ${(model.role.model.length * 0.75 / 1e3).toFixed(0)} KB)`);
