/**
 * The one learning module shared by the cue tagger, the role tagger and the claim-relation
 * model: feature hashing to dense buckets, sparse rows in typed arrays, linear scoring with
 * softmax, an averaged perceptron, multinomial logistic regression, and a compact binary model
 * format. See README.md in this folder.
 */
export { bucket, hashString, mix } from './hash.js';
export { seededRandom, shuffleInPlace } from './random.js';
export { RowBuilder, type FeatureRows } from './rows.js';
export { argmax, emptyModel, probabilities, scoreRow, softmaxInPlace, type LinearModel } from './linear.js';
export { AveragedWeights, trainPerceptron, type PerceptronOptions } from './perceptron.js';
export { trainLogistic, type LogisticOptions } from './logistic.js';
export { decodeModel, decodeModelBase64, encodeModel, encodeModelBase64 } from './io.js';
