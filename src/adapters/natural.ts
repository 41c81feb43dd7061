/**
 * The only file that touches `natural`. Its main entry loads database drivers and prints banner
 * lines to stdout, so single modules are loaded directly, and typed here so no `any` leaks out.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface PorterStemmer {
  stem(word: string): string;
}

const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as PorterStemmer;
if (typeof porter.stem !== 'function') throw new TypeError('narrascope: natural porter stemmer not found');
const jaroWinklerDistance = require('natural/lib/natural/distance/jaro-winkler_distance.js') as (a: string, b: string, options?: { ignoreCase?: boolean }) => number;
if (typeof jaroWinklerDistance !== 'function') throw new TypeError('narrascope: natural Jaro-Winkler distance not found');

/**
 * Jaro-Winkler similarity of two strings, in [0, 1] (1: identical), case-insensitive.
 * @example jaroWinkler('Qassem Soleimani', 'Qasem Soleimani') // 0.98...
 */
export function jaroWinkler(a: string, b: string): number {
  return jaroWinklerDistance(a, b, { ignoreCase: true });
}

/**
 * Porter stem of one lower-cased English word ("warnings" -> "warn", "involved" -> "involv").
 * @example stem('linked') // 'link'
 */
export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = porter.stem(word);
    // News vocabulary is a few hundred thousand words; clear rather than grow without bound.
    if (cache.size > 200_000) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

const cache = new Map<string, string>();
