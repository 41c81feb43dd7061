/**
 * Speed of the actors stage on PolNeAR dev texts (segmentation timed apart).
 * Usage: npx tsx scripts/bench-actors.ts [../shared/corpora/polnear/dev.jsonl] [--print N]
 */
import { readFileSync } from 'node:fs';
import { segment } from '../src/03-segment/index.js';
import { tagActors } from '../src/04-actors/index.js';
import type { Article, Segmented } from '../src/types/index.js';

const file = process.argv[2] ?? '../shared/corpora/polnear/dev.jsonl';
const printAt = process.argv.indexOf('--print');
const texts = new Map<string, string>();
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const row = JSON.parse(line) as { article: string; text: string };
  texts.set(row.article, row.text); // several annotators share one article
}
const articles: Article[] = [...texts].map(([id, text]) => ({ id, outlet: null, date: null, title: null, url: null, text, dropped: [] }));

let t0 = performance.now();
const segmented: Segmented[] = articles.map((a) => segment(a));
const segmentMs = performance.now() - t0;
const words = segmented.reduce((n, s) => n + s.tokens.filter((t) => /\p{L}/u.test(t.text)).length, 0);

tagActors(segmented[0]!); // load gazetteers outside the timing
const rounds = 5;
t0 = performance.now();
let actors = 0;
for (let r = 0; r < rounds; r++) for (const s of segmented) actors += tagActors(s).length;
const actorMs = (performance.now() - t0) / rounds;
console.log(`${articles.length} articles, ${words} words, ${actors / rounds} actors`);
console.log(`segment: ${(articles.length / (segmentMs / 1000)).toFixed(0)} articles/s`);
console.log(`actors:  ${(articles.length / (actorMs / 1000)).toFixed(0)} articles/s, ${(words / (actorMs / 1000)).toFixed(0)} words/s`);

if (printAt > 0) {
  const s = segmented[Number(process.argv[printAt + 1] ?? 0)];
  if (s) for (const a of tagActors(s)) console.log(a.id, a.kind, a.name, JSON.stringify(a.roles), a.mentions.map((m) => m.text).join(' | '));
}
