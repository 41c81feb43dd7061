/**
 * Regenerates `data/lexicons/stance-lexicon.json` from the shared research lexicons plus the
 * hand-reviewed seed table `data/lexicons/class-seeds.tsv`. Deterministic: same inputs, same bytes.
 *
 *   npm run build:lexicon            # write the JSON
 *   npm run build:lexicon -- --check # list source words that have no reviewed seed row, write nothing
 *   npm run build:lexicon -- --out /tmp/lexicon.json # write elsewhere
 *
 * The committed JSON is the artefact; this script documents how it was made. See
 * `data/lexicons/README.md` for the sources and the commitment formula.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { winkAnalyze } from '../src/adapters/wink.js';
import type { StanceClass } from '../src/types/index.js';

const ROOT = new URL('../', import.meta.url);
const CORPORA = process.env['NARRASCOPE_CORPORA']
  ? pathToFileURL(`${resolvePath(process.env['NARRASCOPE_CORPORA'])}/`)
  : new URL('../shared/corpora/', ROOT);
const SEEDS = new URL('data/lexicons/class-seeds.tsv', ROOT);
const outArg = process.argv.indexOf('--out');
// `--out FILE` writes elsewhere (the tests use it to check the committed JSON is up to date).
const OUT = outArg > 0 && process.argv[outArg + 1]
  ? pathToFileURL(resolvePath(process.argv[outArg + 1] ?? ''))
  : new URL('data/lexicons/stance-lexicon.json', ROOT);
const VERSION = '1.0.0';

const CLASSES: readonly StanceClass[] = [
  'neutral', 'endorsing', 'distancing', 'insistence', 'hedging', 'denial', 'accusation', 'doubt',
];

/** Class priors: used as is when a verb has no veridicality rating, and as the centre otherwise. */
const PRIOR: Record<StanceClass, { source: number; reporter: number; band: readonly [number, number] }> = {
  neutral: { source: 0.7, reporter: 0, band: [-0.1, 0.2] },
  endorsing: { source: 0.85, reporter: 0.6, band: [0.3, 1] },
  distancing: { source: 0.8, reporter: -0.4, band: [-1, -0.2] },
  insistence: { source: 0.9, reporter: 0, band: [-0.2, 0.2] },
  hedging: { source: 0.4, reporter: 0, band: [-0.2, 0.2] },
  denial: { source: -0.8, reporter: 0, band: [-0.3, 0.3] },
  accusation: { source: 0.8, reporter: 0, band: [-0.3, 0.3] },
  doubt: { source: -0.5, reporter: 0, band: [-0.3, 0.3] },
};
/** Factives presuppose their complement: the writer vouches for it whatever the class. */
const FACTIVE_BAND: readonly [number, number] = [0.3, 1];
const POLNEAR_MIN = 3;

const SOURCES = {
  'recasens2013-report-verbs': { file: 'recasens2013_lexicons/report_verbs.txt', cite: 'Recasens, Danescu-Niculescu-Mizil, Jurafsky, ACL 2013: report verbs' },
  'hooper1975-assertives': { file: 'recasens2013_lexicons/assertives_hooper1975.txt', cite: 'Hooper 1975, On assertive predicates (via Recasens et al. 2013)' },
  'hooper1975-factives': { file: 'recasens2013_lexicons/factives_hooper1975.txt', cite: 'Hooper 1975, factive predicates (via Recasens et al. 2013)' },
  'hyland2005-hedges': { file: 'recasens2013_lexicons/hedges_hyland2005.txt', cite: 'Hyland 2005, Metadiscourse: hedges (via Recasens et al. 2013)' },
  'ross-pavlick2019-veridicality': { file: 'verb_veridicality/verb_summary_derived.tsv', cite: 'Ross & Pavlick, EMNLP 2019: crowd veridicality ratings, positive and negated frames' },
  'polnear-train-cues': { file: 'polnear/cue_counts_train.tsv', cite: `Newell, Margolin, Ruths, LREC 2018: PolNeAR train cue frequencies (head lemma count >= ${POLNEAR_MIN})` },
  'narrascope-seed': { file: 'data/lexicons/class-seeds.tsv', cite: 'narrascope hand-reviewed seed table (class for every key, overrides)' },
} as const;
type SourceId = keyof typeof SOURCES;
type Pos = 'verb' | 'noun' | 'adj' | 'adv' | 'phrase';

interface Seed {
  key: string; cls: StanceClass | '-'; pos: Pos | undefined;
  source: number | undefined; reporter: number | undefined; factive: boolean | undefined; note: string;
}
interface Veridicality { pos: number; neg: number; signature: string; complement: string }

function fail(message: string): never {
  console.error(`narrascope build-lexicon: ${message}`);
  process.exit(1);
}

function readList(file: string): string[] {
  return readFileSync(new URL(file, CORPORA), 'utf8').split('\n').map((l) => l.trim().toLowerCase())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function readSeeds(): Map<string, Seed> {
  const seeds = new Map<string, Seed>();
  readFileSync(SEEDS, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [key = '', cls = '', pos = '', source = '', reporter = '', factive = '', note = ''] = line.split('\t');
    const where = `class-seeds.tsv:${i + 1}`;
    if (cls !== '-' && !(CLASSES as readonly string[]).includes(cls)) fail(`${where}: unknown class "${cls}"`);
    if (pos !== '' && !['verb', 'noun', 'adj', 'adv', 'phrase'].includes(pos)) fail(`${where}: unknown pos "${pos}"`);
    if (seeds.has(key)) fail(`${where}: duplicate key "${key}"`);
    const num = (v: string): number | undefined => (v === '' ? undefined : Number(v));
    seeds.set(key, {
      key, cls: cls as StanceClass | '-', pos: pos === '' ? undefined : (pos as Pos),
      source: num(source), reporter: num(reporter),
      factive: factive === 'yes' ? true : factive === 'no' ? false : undefined, note: note.trim(),
    });
  });
  return seeds;
}

/** Per verb, the `that` complement row when there is one (reporting frames), else `to`. */
function readVeridicality(): Map<string, Veridicality> {
  const out = new Map<string, Veridicality>();
  const rows = readFileSync(new URL(SOURCES['ross-pavlick2019-veridicality'].file, CORPORA), 'utf8').split('\n').slice(1);
  for (const row of rows) {
    const [verb, complement, , pos, neg, signature] = row.split('\t');
    if (!verb || !complement || pos === undefined || neg === undefined || !signature) continue;
    const key = verb === 'felt' ? 'feel' : verb === 'saw' ? 'see' : verb;
    if (out.get(key)?.complement === 'that' && complement !== 'that') continue;
    if (out.has(key) && verb !== key) continue; // "feel" beats the "felt" row
    out.set(key, { pos: Number(pos), neg: Number(neg), signature, complement });
  }
  return out;
}

// Auxiliaries, negation and adverbs that PolNeAR includes in cue spans ("has repeatedly said").
const LEAD = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'also', 'later', 'then',
  'first', 'now', 'to', 'did', 'does', 'do', 'not', 'never', 'will', 'would', 'can', 'could', 'may', 'might',
  'since', 'repeatedly', 'widely', 'immediately', 'just', 'still', 'even', 'again', 'publicly', 'already',
  'previously', 'further', 'recently', '’s', "'s", 'ha', 'once', 'often', 'long', 'went', 'on', 'continued',
  'a', 'an', 'the', 'this', 'that', 'his', 'her', 'its', 'their', 'in', 'it']);
const FUNCTION_POS = new Set(['ADP', 'PUNCT', 'DET', 'CCONJ', 'SCONJ', 'PART', 'PRON', 'NUM', 'SYM', 'X', 'AUX']);

/** Map one PolNeAR cue string to lexicon keys to try, best first ("has pointed out" -> point out, point). */
function polnearKeys(cue: string): { keys: string[]; functionWord: boolean } {
  const words = cue.toLowerCase().replace(/[“”"\[\].,:;!?()]/g, ' ').split(/\s+/).filter((w) => /[a-z]/.test(w));
  const whole = words.join(' '); // "in my view" is a key before "in" is stripped
  // "strongly criticized" -> criticized; -ly verbs ("reply", "imply") are kept.
  const adverb = (w: string): boolean => /^.{3,}ly$/.test(w) && !['reply', 'imply', 'apply', 'rely', 'supply', 'comply'].includes(w);
  while (words.length > 1 && (LEAD.has(words[0] ?? '') || adverb(words[0] ?? ''))) words.shift();
  if (words.length === 0) return { keys: [], functionWord: true };
  const raw = words.join(' ');
  const rows = winkAnalyze(`they ${raw}`).tokens.slice(1).filter((t) => t.value.trim() !== '');
  const lemmas = rows.map((t) => t.lemma.toLowerCase());
  const head = rows[0];
  const keys = [whole, raw, lemmas.join(' '), lemmas.slice(0, 2).join(' '), words.slice(0, 2).join(' '), lemmas[0] ?? ''];
  return { keys: [...new Set(keys.filter((k) => k !== ''))], functionWord: !head || FUNCTION_POS.has(head.pos) };
}

/** Lemmatise a single-word lexicon item out of context ("appeared" -> appear); phrases stay. */
function lemmaOf(word: string): string {
  if (word.includes(' ')) return word;
  const row = winkAnalyze(`they ${word}`).tokens[1];
  return row && /^[a-z-]+$/.test(row.lemma.toLowerCase()) ? row.lemma.toLowerCase() : word;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const round = (x: number): number => Math.round(x * 100) / 100 + 0; // + 0 turns -0 into 0

function main(): void {
  if (!existsSync(CORPORA)) {
    fail(`shared corpora not found at ${fileURLToPath(CORPORA)}. They live in ../shared/corpora next to the package (or set NARRASCOPE_CORPORA). The committed data/lexicons/stance-lexicon.json is unchanged.`);
  }
  const check = process.argv.includes('--check');
  const seeds = readSeeds();
  const veridicality = readVeridicality();
  const provenance = new Map<string, Set<SourceId>>();
  const cite = (key: string, id: SourceId): void => {
    const set = provenance.get(key) ?? new Set<SourceId>();
    set.add(id);
    provenance.set(key, set);
  };

  const listSources: SourceId[] = ['recasens2013-report-verbs', 'hooper1975-assertives', 'hooper1975-factives', 'hyland2005-hedges'];
  for (const id of listSources) for (const w of readList(SOURCES[id].file)) cite(seeds.has(w) ? w : lemmaOf(w), id);
  const factives = new Set(readList(SOURCES['hooper1975-factives'].file));
  for (const verb of veridicality.keys()) if (seeds.has(verb)) cite(verb, 'ross-pavlick2019-veridicality');

  // PolNeAR: aggregate counts by the first key that is seeded, else by the head lemma.
  const counts = new Map<string, number>();
  let functionCues = 0;
  for (const line of readFileSync(new URL(SOURCES['polnear-train-cues'].file, CORPORA), 'utf8').split('\n').slice(1)) {
    const [cue = '', n = '0'] = line.split('\t');
    const { keys, functionWord } = polnearKeys(cue);
    const key = keys.find((k) => seeds.has(k)) ?? keys[keys.length - 1];
    if (!key || (functionWord && !seeds.has(key))) { functionCues += Number(n); continue; }
    counts.set(key, (counts.get(key) ?? 0) + Number(n));
  }
  for (const [key, n] of counts) if (n >= POLNEAR_MIN) cite(key, 'polnear-train-cues');
  for (const key of seeds.keys()) cite(key, 'narrascope-seed');

  const missing = [...provenance.keys()].filter((k) => !seeds.has(k)).sort();
  if (check || missing.length > 0) {
    for (const k of missing) console.log(`${k}\t${[...(provenance.get(k) ?? [])].join(',')}\t${counts.get(k) ?? 0}`);
    if (missing.length > 0) fail(`${missing.length} source keys have no row in class-seeds.tsv (listed above): review them, then rerun.`);
    return;
  }

  const sayV = veridicality.get('say');
  if (!sayV) fail('verb_summary_derived.tsv has no "say" row (the baseline)');
  const entries: Record<string, unknown>[] = [];
  let excluded = 0;
  for (const seed of [...seeds.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (seed.cls === '-') { excluded++; continue; }
    const prior = PRIOR[seed.cls];
    const v = veridicality.get(seed.key);
    const factive = seed.factive ?? (factives.has(seed.key) || (v?.signature.startsWith('+/+') ?? false));
    const band = factive ? FACTIVE_BAND : prior.band;
    const notes: string[] = [];
    let source = prior.source;
    let reporter = factive ? Math.max(prior.reporter, 0.6) : prior.reporter;
    if (v) {
      // Ratings are in [-2, 2]; "say that" is the neutral baseline (source committed, writer neutral).
      const dPos = v.pos - sayV.pos;
      const dNeg = v.neg - sayV.neg;
      source = clamp(prior.source + 0.1 * dPos, prior.source - 0.15, prior.source + 0.15);
      reporter = clamp(dPos + 0.25 * Math.max(0, dNeg), band[0], band[1]);
      const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
      notes.push(`veridicality ${v.complement}: ${signed(v.pos)}/${signed(v.neg)} (${v.signature})`);
    }
    if (seed.source !== undefined) { source = seed.source; notes.push('sourceCommitment hand-set'); }
    if (seed.reporter !== undefined) { reporter = seed.reporter; notes.push('reporterCommitment hand-set'); }
    if (!v && seed.source === undefined && seed.reporter === undefined) notes.push('class prior');
    if (seed.note) notes.push(seed.note);
    const n = counts.get(seed.key);
    if (n !== undefined && n >= POLNEAR_MIN) notes.push(`PolNeAR train count ${n}`);
    const entry: Record<string, unknown> = {
      key: seed.key, class: seed.cls, sourceCommitment: round(clamp(source, -1, 1)),
      reporterCommitment: round(clamp(reporter, -1, 1)), factive,
    };
    if (seed.pos) entry['pos'] = seed.pos;
    entry['provenance'] = [...(provenance.get(seed.key) ?? [])].sort();
    entry['note'] = notes.join('; ');
    entries.push(entry);
  }

  const lexicon = {
    version: VERSION,
    description: 'Stance classes and commitment scores for attribution cues. Generated by scripts/build-lexicon.ts; see data/lexicons/README.md.',
    sources: Object.fromEntries(Object.entries(SOURCES).map(([id, s]) => [id, { file: s.file, citation: s.cite }])),
    derivation: {
      baseline: `say that: +${sayV.pos}/${sayV.neg}`,
      sourceCommitment: 'classPrior + 0.1 * (ratingPositive - ratingPositive(say)), within classPrior +/- 0.15',
      reporterCommitment: '(ratingPositive - ratingPositive(say)) + 0.25 * max(0, ratingNegated - ratingNegated(say)), clipped to the class band (factives: [0.3, 1])',
      priors: PRIOR,
    },
    entries,
  };
  writeFileSync(OUT, `${JSON.stringify(lexicon, null, 1)}\n`);
  const byClass = new Map<string, number>();
  for (const e of entries) byClass.set(String(e['class']), (byClass.get(String(e['class'])) ?? 0) + 1);
  console.log(`narrascope build-lexicon: ${entries.length} entries (${[...byClass].map(([c, n]) => `${c} ${n}`).join(', ')}); ${excluded} reviewed exclusions; ${functionCues} PolNeAR function-word/punctuation cue tokens skipped.`);
}

main();
