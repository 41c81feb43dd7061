/**
 * How often each clean rule fires on a real corpus: dropped lines (or parts of lines) per reason
 * and detail, on the left/center/right triplets and on BASIL when ../shared is present.
 * `npx tsx scripts/clean-stats.ts [--samples FILE]` also writes every dropped region and the
 * line it came from to FILE (outside the repository: it holds corpus text) for reading.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { clean } from '../src/02-clean/index.js';
import { readTriplets, TRIPLETS } from '../src/bench/triplets.js';
import type { Article } from '../src/types/index.js';

const BASIL = '../shared/corpora/basil/basil_articles_annotated.jsonl';

function* readBasil(file: string): Generator<Article> {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { uuid: string; source: string; body_paragraphs: string[][] };
    yield { id: r.uuid, outlet: r.source, date: null, title: null, url: null, text: r.body_paragraphs.map((p) => p.join(' ')).join('\n\n'), dropped: [] };
  }
}

async function main(): Promise<void> {
  for (const file of [TRIPLETS, BASIL]) {
    if (!existsSync(file)) {
      console.error(`narrascope clean-stats: ${file} not found (run from the repository root, with ../shared beside it)`);
      process.exit(1);
    }
  }
  const samplesAt = process.argv.indexOf('--samples');
  const samples: string[] = [];
  for (const [name, source] of [['triplets', readTriplets(TRIPLETS)], ['basil', readBasil(BASIL)]] as const) {
    const counts = new Map<string, number>();
    let articles = 0;
    let lines = 0;
    for await (const article of source) {
      articles++;
      lines += article.text.split('\n').filter((l) => l.trim()).length;
      for (const d of clean(article).dropped) {
        const key = `${d.reason}\t${d.detail.replace(/overlap [\d.]+/, 'overlap …').replace(/"[^"]+ is \.\.\."/, '"… is ..."')}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (samplesAt > 0) samples.push(`${name}\t${d.reason}\t${d.detail}\t${article.id}\t${d.text.replace(/\s+/g, ' ')}`);
      }
    }
    console.log(`${name}: ${articles} articles, ${lines} non-blank lines`);
    for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${key}`);
  }
  const file = process.argv[samplesAt + 1];
  if (samplesAt > 0 && file) writeFileSync(file, `${samples.join('\n')}\n`);
}

await main();
