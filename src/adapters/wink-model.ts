/**
 * wink-eng-lite-web-model, assembled here from its parts so that loading it costs what it must.
 * The package's own entry (`model.js`) `require`s the 3 MB core model JSON at import, and its
 * `core()` then deep-copies it (`JSON.parse(JSON.stringify(...))`) and decodes two base64 arrays
 * with `atob` and a byte loop, about 150 ms of CPU per process and per worker thread. Here the
 * core JSON is parsed once from the file, its arrays decoded with `Buffer`, and the rest of the
 * model (sentence boundaries, POS, the other pipes wink's loader insists on, the feature
 * function, the lemmatizer) is taken from the package's own files unchanged. The result is the
 * same model object: `test/wink-model.test.ts` compares the two deep, and the determinism test
 * compares the whole chain's bytes.
 *
 * Like wink.ts, the only file allowed to know wink's internals; it follows
 * `dist/read-core-model.js` and `dist/load-core-model.js` of wink-eng-lite-web-model 1.8.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const DIST = 'wink-eng-lite-web-model/dist/';

/** The parts of the core model this loader touches (the rest passes through untouched). */
interface CoreModelJson {
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, { list: unknown[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }>;
  pos: { hash: Record<string, number> };
}

/** A base64 string as 32-bit words, in a buffer of their own (aligned; no pooled slab). */
function uint32FromBase64(data: string): Uint32Array {
  const bytes = Buffer.from(data, 'base64');
  const words = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}

/** The core model, as `load-core-model.js` returns it. */
function loadCore(): unknown {
  const model = JSON.parse(readFileSync(require.resolve(`${DIST}languages/cur/models/eng-core-web-model.json`), 'utf8')) as CoreModelJson;
  const { packing, features, pos } = model;
  model.lexicon = uint32FromBase64(model.lexicon as string);
  model.xpansions = uint32FromBase64(model.xpansions as string);
  // read-core-model.js: a hash (value -> index) for every feature stored as a list, and the lexemes.
  for (const f in packing.layout) {
    const feature = features[f];
    if (packing.layout[f]?.[3] === 0 && feature) {
      const hash: Record<string, number> = Object.create(null) as Record<string, number>;
      for (let k = 0; k < feature.list.length; k += 1) hash[feature.list[k] as string] = k;
      feature.hash = hash;
    }
  }
  const lexeme = features['lexeme'];
  const posClusters = features['posClusters'];
  if (!lexeme || !posClusters) throw new Error('narrascope: wink-eng-lite-web-model changed: its core model has no lexeme or posClusters feature (see src/adapters/wink-model.ts)');
  const lexemeHash: Record<string, number> = Object.create(null) as Record<string, number>;
  for (let k = 0; k < lexeme.list.length; k += 1) lexemeHash[lexeme.list[k] as string] = k;
  lexeme.hash = lexemeHash;
  const clusters = posClusters.list;
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  // load-core-model.js: sizes of the list features, and which features are extended at run time.
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f] ?? [];
    const feature = features[f];
    if (layout[3] === 0 && feature) {
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = (layout[1] ?? 0) >>> (layout[2] ?? 0);
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  return model;
}

/**
 * The language model object wink-nlp's `winkNLP(model, pipe)` takes, as the package's
 * `model.js` builds it, with a faster `core()`.
 *
 * @example
 * const nlp = winkNLP(winkModel(), ['sbd', 'pos']);
 */
export function winkModel(): unknown {
  const model = Object.create(null) as Record<string, unknown>;
  model['core'] = loadCore;
  model['sbd'] = require(`${DIST}load-sbd-model.js`) as unknown;
  model['pos'] = require(`${DIST}load-pos-model.js`) as unknown;
  model['ner'] = require(`${DIST}load-ner-model.js`) as unknown;
  model['negation'] = require(`${DIST}load-negation-model.js`) as unknown;
  model['sa'] = require(`${DIST}load-sa-model.js`) as unknown;
  model['metaCER'] = require(`${DIST}load-cer-meta-model.js`) as unknown;
  model['featureFn'] = require(`${DIST}feature.js`) as unknown;
  const addons = Object.create(null) as Record<string, unknown>;
  addons['stem'] = require(`${DIST}porter-stemmer.js`) as unknown;
  addons['lemmatize'] = require(`${DIST}lemmatize.js`) as unknown;
  addons['readabilityStats'] = require(`${DIST}readability-stats.js`) as unknown;
  addons['wordVectors'] = undefined;
  model['addons'] = addons;
  return model;
}
