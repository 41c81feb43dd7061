/**
 * Error analysis of the attribution pipeline on PolNeAR, by category (counts, not sentences):
 * cue misses and false alarms by head part of speech and lemma, cue boundary errors by the
 * tokens added or missing, content misses split by nesting (a gold content holding another gold
 * cue, a gold relation whose cue sits inside another's content) and by boundary.
 *
 *   npx tsx scripts/polnear-errors.ts [--file ../shared/corpora/polnear/dev.jsonl] [--model models/x.json] [--top 25]
 *
 * To read the cases behind a category (on a held-out part of train, not to tune on dev):
 * SHOW=cue-boundary lists the cue boundary errors; SHOW='+start:cue(VERB)' (any row of the
 * "content edge errors" table) lists those content edges with their context.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { segment } from '../src/03-segment/index.js';
import { classifyCue } from '../src/05-cues/classify.js';
import { detectCues } from '../src/05-cues/detect.js';
import { featureContext } from '../src/05-cues/detect-features.js';
import { attributionModelFromJson, defaultAttributionModel, type SerializedAttributionModel } from '../src/05-cues/detect-model.js';
import { extractAttributions } from '../src/06-attributions/index.js';
import { polnearArticle, readPolnear, type GoldFragment } from '../src/eval/polnear-read.js';
import type { Segmented, Token } from '../src/types/index.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    file: { type: 'string', default: resolve(root, '../shared/corpora/polnear/dev.jsonl') },
    model: { type: 'string' },
    top: { type: 'string', default: '25' },
  },
});
const model = values.model === undefined ? defaultAttributionModel() : attributionModelFromJson(JSON.parse(readFileSync(values.model, 'utf8')) as SerializedAttributionModel);
const top = Number(values.top);

class Tally {
  readonly counts = new Map<string, number>();
  add(key: string, n = 1): void { this.counts.set(key, (this.counts.get(key) ?? 0) + n); }
  print(title: string): void {
    const rows = [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const total = rows.reduce((s, [, n]) => s + n, 0);
    console.log(`\n## ${title} (total ${total})`);
    for (const [k, n] of rows.slice(0, top)) console.log(`${String(n).padStart(6)}  ${k}`);
  }
}

const tokensOf = (seg: Segmented, f: GoldFragment): Token[] => seg.tokens.filter((t) => t.start < f.end && f.start < t.end);
const key = (f: GoldFragment): string => `${f.start}:${f.end}`;
const overlaps = (a: GoldFragment, b: GoldFragment): boolean => a.start < b.end && b.start < a.end;
const inside = (a: GoldFragment, b: GoldFragment): boolean => b.start <= a.start && a.end <= b.end;
const headPos = (ts: readonly Token[]): string => {
  if (ts.length > 1) {
    const words = ts.map((t) => t.lower).join(' ');
    if (words === 'according to') return 'according to';
  }
  const verbs = ts.filter((t) => t.pos === 'VERB');
  if (verbs.length > 0) return ts.length > 1 ? 'VERB group' : 'VERB';
  return ts.length > 1 ? `phrase (${ts.map((t) => t.pos).join(' ')})` : (ts[0]?.pos ?? '?');
};

/**
 * Kind of a gold cue: a verb (group), "according to", a noun ("warning", "claims"), an adverb
 * ("reportedly"), punctuation (a transcript's "NAME:"), or other.
 */
function cueCategory(ts: readonly Token[]): string {
  const words = ts.filter((t) => t.pos !== 'PUNCT');
  if (words.length === 0) return 'punctuation';
  if (words.map((t) => t.lower).join(' ') === 'according to') return 'according to';
  if (words.some((t) => t.pos === 'VERB')) return 'verb (group)';
  if (words.some((t) => t.pos === 'NOUN')) return 'noun (phrase)';
  if (words.length === 1 && words[0]?.pos === 'ADV') return 'adverb';
  if (words.some((t) => t.pos === 'ADJ')) return 'adjective (phrase)';
  return 'other';
}

const cueMissPos = new Tally();
const cueGold = new Tally();
const cueExact = new Tally();
const cueMissLemma = new Tally();
const cueFpLemma = new Tally();
const cueFpPos = new Tally();
const cueBoundary = new Tally();
const cueMissSource = new Tally();
const contentMiss = new Tally();
const contentFp = new Tally();
const contentEdge = new Tally();
const contentEdgeWhy = new Tally();
const relMiss = new Tally();
let gold = 0;
for await (const record of readPolnear(values.file)) {
  const seg = segment(polnearArticle(record));
  const context = featureContext(seg);
  const cues = detectCues(seg, { model, context }).map((c, i) => classifyCue(seg, c, `c${i + 1}`));
  const { attributions } = extractAttributions(seg, [], cues, { model, context });
  gold += record.attributions.length;
  const goldCues = record.attributions.flatMap((a) => a.cue.map((f) => ({ f, a })));
  const predCues = attributions.flatMap((a) => a.cue.spans);
  const predKeys = new Set(predCues.map(key));
  const goldKeys = new Set(goldCues.map((g) => key(g.f)));
  const goldContents = record.attributions.flatMap((a) => a.content);
  for (const { f, a } of goldCues) {
    const ts = tokensOf(seg, f);
    const category = cueCategory(ts);
    cueGold.add(category);
    if (predKeys.has(key(f))) { cueExact.add(category); continue; }
    const near = predCues.find((p) => overlaps(p, f));
    if (near) {
      const pt = tokensOf(seg, near);
      const extra = pt.filter((t) => !ts.includes(t)).map((t) => (t.start < f.start ? `+${t.pos}<` : `>+${t.pos}`));
      const missing = ts.filter((t) => !pt.includes(t)).map((t) => (t.start < near.start ? `-${t.pos}<` : `>-${t.pos}`));
      cueBoundary.add([...extra, ...missing].join(' ') || 'other');
      if (process.env['SHOW'] === 'cue-boundary') console.log(`CUE gold[${seg.article.text.slice(f.start, f.end)}] pred[${seg.article.text.slice(near.start, near.end)}] :: ${seg.article.text.slice(Math.max(0, f.start - 60), f.end + 40).replace(/\n/g, ' / ')}`);
      continue;
    }
    if (process.env['SHOW'] === 'cue-miss') {
      const text = seg.article.text;
      const src = a.source.map((q) => text.slice(q.start, q.end)).join('|');
      console.log(`MISS[${text.slice(f.start, f.end)}] src[${src}] :: ${text.slice(Math.max(0, f.start - 80), f.end + 60).replace(/\n/g, ' / ')}`);
    }
    cueMissPos.add(headPos(ts));
    cueMissLemma.add(ts.filter((t) => t.pos !== 'PUNCT').map((t) => t.lemma).join(' '));
    cueMissSource.add(a.source.length > 0 ? 'with source' : 'no source');
  }
  for (const p of predCues) {
    if (goldKeys.has(key(p)) || goldCues.some((g) => overlaps(g.f, p))) continue;
    const ts = tokensOf(seg, p);
    cueFpPos.add(headPos(ts));
    cueFpLemma.add(ts.filter((t) => t.pos !== 'PUNCT').map((t) => t.lemma).join(' '));
  }
  const predContents = attributions.flatMap((a) => a.content);
  const predContentKeys = new Set(predContents.map(key));
  for (const a of record.attributions) {
    const nestedHolder = a.content.some((c) => record.attributions.some((b) => b !== a && b.cue.some((q) => inside(q, c))));
    const nestedInner = a.cue.some((q) => goldContents.some((c) => !a.content.includes(c) && inside(q, c)));
    for (const c of a.content) {
      if (predContentKeys.has(key(c))) continue;
      const kind = nestedHolder ? 'holds another cue' : nestedInner ? 'inner (cue inside a content)' : 'flat';
      const near = predContents.find((p) => overlaps(p, c));
      const how = !near ? 'missed' : near.start === c.start ? (near.end < c.end ? 'ends early' : 'ends late') : near.end === c.end ? (near.start > c.start ? 'starts late' : 'starts early') : 'both ends differ';
      contentMiss.add(`${kind}: ${how}`);
      if (near) {
        const gt = tokensOf(seg, c);
        const pt = tokensOf(seg, near);
        const word = (t: Token): string => (t.pos === 'PUNCT' ? t.text : t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM' ? t.pos : t.lower);
        const diff = (a: Token[], b: Token[]): Token[] => a.filter((t) => !b.includes(t));
        const extra = diff(pt, gt);
        const missing = diff(gt, pt);
        const edge = (ts: Token[], sign: string): string => {
          const before = ts.filter((t) => t.start < c.start || (near.start < t.start && t.start < c.start));
          const head = ts.filter((t) => t.start < Math.max(c.start, near.start));
          const tail = ts.filter((t) => t.start >= Math.min(c.end, near.end));
          void before;
          const h = head.length ? `${sign}start[${head.length > 3 ? `${head.length} tok` : head.map(word).join(' ')}]` : '';
          const e = tail.length ? `${sign}end[${tail.length > 3 ? `${tail.length} tok` : tail.map(word).join(' ')}]` : '';
          return [h, e].filter(Boolean).join(' ');
        };
        contentEdge.add([edge(extra, '+'), edge(missing, '-')].filter(Boolean).join(' '));
        // What each wrong edge crosses: a sentence end, another cue (gold or predicted), a quote
        // mark, or only words of the clause; with the first token of the difference.
        const why = (ts: Token[], sign: string, side: 'start' | 'end'): string => {
          if (ts.length === 0) return '';
          const sentences = new Set(ts.map((t) => t.sentence));
          const edgeSentence = side === 'end' ? Math.min(c.end, near.end) : Math.max(c.start, near.start);
          const inner = tokensOf(seg, { start: Math.min(c.start, near.start), end: Math.max(c.end, near.end) }).find((t) => t.start >= edgeSentence || t.end >= edgeSentence);
          const crossSentence = [...sentences].some((x) => x !== (inner?.sentence ?? -1));
          const hasCue = ts.some((t) => goldCues.some((g) => t.start < g.f.end && g.f.start < t.end) || predCues.some((q) => t.start < q.end && q.start < t.end));
          const quote = ts.some((t) => /^[“”"]$/.test(t.text));
          const firstTok = side === 'end' ? ts[0] : ts[ts.length - 1];
          const lead = firstTok ? (firstTok.pos === 'PUNCT' || ['CCONJ', 'SCONJ', 'ADP', 'DET', 'PRON', 'AUX', 'PART'].includes(firstTok.pos) ? firstTok.lower : firstTok.pos) : '';
          return `${sign}${side}:${crossSentence ? 'sentence' : hasCue ? 'cue' : quote ? 'quote' : 'clause'}(${lead})`;
        };
        const headOf = (ts: Token[]): Token[] => ts.filter((t) => t.start < Math.max(c.start, near.start));
        const tailOf = (ts: Token[]): Token[] => ts.filter((t) => t.start >= Math.min(c.end, near.end));
        for (const w of [why(headOf(extra), '+', 'start'), why(tailOf(extra), '+', 'end'), why(headOf(missing), '-', 'start'), why(tailOf(missing), '-', 'end')]) {
          if (!w) continue;
          contentEdgeWhy.add(w);
          if (process.env['SHOW'] === w) {
            const text = seg.article.text;
            const from = Math.min(c.start, near.start);
            const to = Math.max(c.end, near.end);
            const cueText = a.cue.map((q) => text.slice(q.start, q.end)).join('|');
            console.log(`GOLD[${text.slice(c.start, c.end)}]\nPRED[${text.slice(near.start, near.end)}]  cue=${cueText}\n  ctx: ${text.slice(Math.max(0, from - 80), to + 40).replace(/\n/g, ' / ')}\n`);
          }
        }
      }
    }
    const matched = attributions.some((p) => p.cue.spans.some((s) => a.cue.some((q) => overlaps(s, q))) &&
      (a.source.length === 0 ? !p.source : (p.source?.spans ?? []).some((s) => a.source.some((q) => overlaps(s, q)))) &&
      (a.content.length === 0 ? p.content.length === 0 : p.content.some((s) => a.content.some((q) => overlaps(s, q)))));
    if (!matched) {
      const cueFound = attributions.some((p) => p.cue.spans.some((s) => a.cue.some((q) => overlaps(s, q))));
      relMiss.add(`${nestedInner ? 'inner' : nestedHolder ? 'holder' : 'flat'}: ${cueFound ? 'cue found, roles wrong' : 'cue missed'}`);
    }
  }
  for (const p of predContents) if (!goldContents.some((c) => key(c) === key(p)) && !goldContents.some((c) => overlaps(c, p))) contentFp.add('no overlapping gold content');
}
console.log(`gold relations ${gold}`);
console.log('\n## exact cue recall by kind of cue (gold cues, exact matches, recall)');
for (const [k, n] of [...cueGold.counts].sort((x, y) => y[1] - x[1])) console.log(`${String(n).padStart(6)} ${String(cueExact.counts.get(k) ?? 0).padStart(6)} ${(((cueExact.counts.get(k) ?? 0) / n) * 100).toFixed(1).padStart(6)}%  ${k}`);
cueMissPos.print('cue misses (no overlapping prediction) by head part of speech');
cueMissSource.print('cue misses: gold relation has a source?');
cueMissLemma.print('cue misses by lemma');
cueBoundary.print('cue boundary errors (overlapping prediction, other offsets): tokens added (+) / missing (-), before (<) or after (>)');
cueFpPos.print('cue false alarms (no overlapping gold cue) by head part of speech');
cueFpLemma.print('cue false alarms by lemma');
contentMiss.print('content misses by nesting and boundary');
contentEdge.print('content boundary errors: tokens added (+) or missing (-) at the start or end');
contentEdgeWhy.print('content edge errors by what the difference crosses (sentence end, a cue, a quote mark, else clause) and its first token');
contentFp.print('content false alarms');
relMiss.print('relation misses');
