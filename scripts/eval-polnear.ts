/**
 * Score the attribution pipeline on PolNeAR (default: the dev split).
 *
 *   npx tsx scripts/eval-polnear.ts [--file ../shared/corpora/polnear/dev.jsonl] [--limit N] [--json] [--model models/x.json] [--speed]
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { attributionModelFromJson, type SerializedAttributionModel } from '../src/05-cues/detect-model.js';
import { benchmarkPolnear, evaluatePolnear, formatPolnearReport } from '../src/eval/index.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    file: { type: 'string', default: resolve(root, '../shared/corpora/polnear/dev.jsonl') },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
    model: { type: 'string' },
    speed: { type: 'boolean', default: false },
  },
});
const model = values.model === undefined ? {} : { model: attributionModelFromJson(JSON.parse(readFileSync(values.model, 'utf8')) as SerializedAttributionModel) };
const report = await evaluatePolnear({ file: values.file, ...model, ...(values.limit === undefined ? {} : { limit: Number(values.limit) }) });
console.log(values.json ? JSON.stringify(report, null, 2) : formatPolnearReport(report));
if (values.speed) {
  const speed = await benchmarkPolnear({ file: values.file, ...(values.limit === undefined ? {} : { limit: Number(values.limit) }) });
  const f = (x: number): string => x.toFixed(0);
  console.log(`\nsteady-state speed, best of 5 passes, articles per CPU second: segment ${f(speed.segment)}, cues ${f(speed.cues)}, attributions ${f(speed.attributions)}, chain ${f(speed.chain)}`);
}
