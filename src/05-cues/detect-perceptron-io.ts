/**
 * JSON (de)serialisation of the taggers of detect-perceptron.ts: the emission weights in the
 * shared learning module's binary format (live rows only, int16-quantised, base64), the few
 * transition weights as plain numbers.
 */
import { decodeModel, encodeModelBase64 } from '../learn/index.js';
import { allowedMatrix, type SequenceTagger, type SerializedTagger } from './detect-perceptron.js';
import { weightCodes } from './tagger-codes.js';

/**
 * Turn a tagger into compact JSON.
 *
 * @example
 * writeFileSync('tagger.json', JSON.stringify(serializeTagger(tagger)));
 */
export function serializeTagger(tagger: SequenceTagger): SerializedTagger {
  return { labels: [...tagger.labels], model: encodeModelBase64(tagger.model), transitions: [...tagger.transitions] };
}

/** Inverse of {@link serializeTagger}. Throws a TypeError when the JSON is not a tagger. */
export function deserializeTagger(data: SerializedTagger): SequenceTagger {
  const k = data.labels?.length ?? 0;
  if (k < 2 || typeof data.model !== 'string' || data.transitions?.length !== (k + 1) * k) {
    throw new TypeError('narrascope: tagger model is malformed (labels, model or transitions do not agree)');
  }
  const bytes = new Uint8Array(Buffer.from(data.model, 'base64'));
  const model = decodeModel(bytes, 'tagger model');
  if (model.labels.join('\n') !== data.labels.join('\n')) throw new TypeError('narrascope: tagger model is malformed (its labels differ from the tagger\'s)');
  const codes = weightCodes(model, bytes);
  return {
    labels: [...data.labels],
    model,
    allowed: allowedMatrix(data.labels),
    transitions: Float32Array.from(data.transitions),
    // Decoding reads the file's int16 codes (half the cache footprint, the same scores).
    ...(codes ? { codes } : {}),
  };
}
