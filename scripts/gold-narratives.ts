/**
 * Helper for writing and checking the narratives gold set (data/gold/narratives/README.md).
 * Reads the articles from ../shared/corpora exactly as `eval narratives` does; never writes
 * article text into the repository (a gold span keeps offsets plus its `find` words as the hint).
 *
 *   npx tsx scripts/gold-narratives.ts show triplets "white_house|2018-05-29"   # read an event, sentences numbered
 *   npx tsx scripts/gold-narratives.ts show basil 2b95d2cf-...                    # (to the terminal only)
 *   npx tsx scripts/gold-narratives.ts resolve /tmp/draft.json data/gold/narratives/dev/x.json
 *   npx tsx scripts/gold-narratives.ts check data/gold/narratives/dev [more dirs or files]
 *   npx tsx scripts/gold-narratives.ts review data/gold/narratives/dev/x.json   # every span with its text, for the second pass
 *
 * A draft is a gold file whose `articles` is a map from short keys to article ids
 * (`{"L": "Lerhch3nBsINYCbZ"}`) and whose spans are phrases to find instead of offsets:
 * `{"a": "L", "find": "a few words", "to": "optional end words", "unit": "sentence" | "phrase",
 *   "speaker": "actor id" | "own", "stance": "asserts"}`.
 * `find` must occur exactly once in the article (add `"nth": 2` otherwise). unit `sentence`
 * (default) takes the whole sentence(s) from `find` to `to` (wink's sentences, as narrascope
 * segments them); unit `phrase` takes exactly `find` ... `to`.
 */
import { readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { segment } from '../src/03-segment/index.js';
import { checkGold, parseGold, GoldArticleSource, GOLD_SCHEMA, type GoldEvent, type GoldSource } from '../src/eval/narratives/index.js';
import type { Article } from '../src/types/index.js';

const source = new GoldArticleSource();

async function articlesFor(src: GoldSource, ids: readonly string[] | null): Promise<Article[]> {
  if (ids) return source.articlesOf({ event: 'draft', source: src, articles: ids.map((id) => ({ id, outlet: '?', chars: 1 })) } as unknown as GoldEvent);
  // show: every article of the group / triplet
  if (src.corpus === 'triplets') {
    const { readTriplets } = await import('../src/bench/triplets.js');
    const out: Article[] = [];
    for await (const a of readTriplets(source.pathOf('triplets'))) if (a.group === src.group) out.push(a);
    return out;
  }
  if (src.corpus === 'basil') {
    const { readBasil } = await import('../src/eval/basil-read.js');
    return (await readBasil(source.pathOf('basil'))).filter((b) => b.event.startsWith(src.triplet)).map((b) => b.article);
  }
  const { ingestArticles } = await import('../src/01-ingest/index.js');
  const out: Article[] = [];
  for await (const a of ingestArticles(src.paths)) out.push(a);
  return out;
}

async function show(kind: string, key: string, more: string[]): Promise<void> {
  const src = (kind === 'triplets' ? { corpus: 'triplets', group: key } : kind === 'basil' ? { corpus: 'basil', triplet: key } : { corpus: 'files', paths: [key, ...more] }) as GoldSource;
  for (const a of await articlesFor(src, null)) {
    console.log(`\n=== ${a.id}  group=${a.group ?? (kind === "basil" ? key : "")}  outlet=${a.outlet ?? a.id}  chars=${a.text.length}  ${a.title ?? ''}`);
    for (const s of segment(a).sentences) console.log(`[${s.index}] ${s.start}-${s.end} ${s.text.replace(/\s+/g, ' ')}`);
  }
}

interface DraftSpan { a: string; find: string; to?: string; unit?: 'sentence' | 'phrase'; nth?: number; speaker?: string; stance?: string }

function locate(text: string, phrase: string, nth: number, where: string): number {
  const hits: number[] = [];
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) hits.push(i);
  if (hits.length === 0) throw new Error(`${where}: "${phrase}" not found`);
  if (hits.length > 1 && nth === 0) throw new Error(`${where}: "${phrase}" occurs ${hits.length} times; add "nth"`);
  const hit = hits[Math.max(0, nth - 1)];
  if (hit === undefined) throw new Error(`${where}: "${phrase}" has no occurrence ${nth}`);
  return hit;
}

async function resolveDraft(draftFile: string, outFile: string): Promise<void> {
  const draft = JSON.parse(readFileSync(draftFile, 'utf8')) as Record<string, unknown> & { articles: Record<string, string>; source: GoldSource };
  const keys = Object.entries(draft.articles);
  const articles = await articlesFor(draft.source, keys.map(([, id]) => id));
  const byKey = new Map(keys.map(([k], i) => [k, articles[i] as Article]));
  const sentences = new Map(keys.map(([k], i) => [k, segment(articles[i] as Article).sentences]));
  const span = (d: DraftSpan, where: string): Record<string, unknown> => {
    const article = byKey.get(d.a);
    if (!article) throw new Error(`${where}: unknown article key "${d.a}"`);
    if (d.find.trim().split(/\s+/).length > 8) throw new Error(`${where}: "find" has more than 8 words`);
    let start = locate(article.text, d.find, d.nth ?? 0, where);
    let end = d.to ? locate(article.text.slice(start), d.to, 1, where) + start + d.to.length : start + d.find.length;
    if ((d.unit ?? 'sentence') === 'sentence') {
      const list = sentences.get(d.a) ?? [];
      const first = list.find((s) => s.start <= start && start < s.end);
      const last = list.find((s) => s.start < end && end <= s.end);
      if (!first || !last) throw new Error(`${where}: "${d.find}" is not inside a sentence`);
      start = first.start;
      end = last.end;
    }
    return { article: article.id, start, end, hint: d.find.trim(), ...(d.speaker ? { speaker: d.speaker } : {}), ...(d.stance ? { stance: d.stance } : {}) };
  };
  const errors: string[] = [];
  const spans = (list: unknown, where: string): unknown[] => (Array.isArray(list) ? list.map((d, i) => {
    try { return span(d as DraftSpan, `${where}.${i}`); } catch (error) { errors.push(error instanceof Error ? error.message : String(error)); return null; }
  }) : []);
  const questions = (draft['questions'] as Record<string, unknown>[] | undefined ?? []).map((q, qi) => ({
    ...q,
    narratives: (q['narratives'] as Record<string, unknown>[]).map((n, ni) => {
      const at = `questions.${qi}.narratives.${ni}`;
      return { ...n, claims: spans(n['claims'], `${at}.claims`), disputes: spans(n['disputes'], `${at}.disputes`), discusses: spans(n['discusses'], `${at}.discusses`) };
    }),
  }));
  const gold = {
    schema: GOLD_SCHEMA,
    event: draft['event'], title: draft['title'], source: draft.source,
    articles: articles.map((a) => ({ id: a.id, outlet: a.outlet ?? a.id, chars: a.text.length })),
    actors: draft['actors'] ?? [],
    questions,
    conflicts: draft['conflicts'] ?? [],
    background: spans(draft['background'], 'background'),
    annotation: draft['annotation'],
  };
  if (errors.length > 0) {
    for (const e of errors) console.error(e);
    process.exitCode = 1;
    return;
  }
  const text = `${pretty(gold)}\n`;
  const parsed = parseGold(outFile, text);
  const problems = checkGold(parsed, articles);
  for (const p of problems) console.error(p.message);
  writeFileSync(outFile, text);
  const narratives = parsed.gold.questions.flatMap((q) => q.narratives);
  console.log(`${outFile}: ${parsed.gold.questions.length} questions, ${narratives.length} narratives, ${narratives.reduce((n, x) => n + x.claims.length, 0)} claims, ${narratives.reduce((n, x) => n + x.disputes.length, 0)} disputes, ${parsed.gold.background.length} background; ${problems.length} problem(s)`);
  if (problems.length > 0) process.exitCode = 1;
}

/** JSON with 2-space indents, but every flat object or list (a span, an article, an actor) on one line. */
function pretty(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  const nested = typeof value === 'object' && value !== null && Object.values(value).some((v) => typeof v === 'object' && v !== null && (Array.isArray(v) ? v.some((x) => typeof x === 'object') : true));
  if (!nested && flat.length <= 220) return flat.replace(/^\{"/, '{ "').replace(/\}$/, ' }').replace(/,"(\w+)":/g, ', "$1": ').replace(/^\{ "(\w+)":/, '{ "$1": ');
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[\n${value.map((v) => inner + pretty(v, inner)).join(',\n')}\n${indent}]`;
  if (typeof value === 'object' && value !== null) return `{\n${Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`).join(',\n')}\n${indent}}`;
  return flat;
}

/** Print every span of a gold file with its text (to the terminal) for the second review pass. */
async function review(file: string): Promise<void> {
  const parsed = parseGold(file, readFileSync(file, 'utf8'));
  const articles = await source.articlesOf(parsed.gold);
  const texts = new Map(articles.map((a) => [a.id, a]));
  const show = (label: string, s: { article: string; start: number; end: number; speaker?: string | undefined; stance?: string | undefined }): void => {
    const a = texts.get(s.article);
    console.log(`   ${label} ${a?.outlet ?? a?.id} ${s.start}-${s.end} [${s.speaker ?? '-'} ${s.stance ?? ''}] ${a?.text.slice(s.start, s.end).replace(/\s+/g, ' ')}`);
  };
  for (const q of parsed.gold.questions) {
    console.log(`${q.id} ${q.question}`);
    for (const n of q.narratives) {
      console.log(` ${n.id} ${n.answer}  backers=${n.backers.join(',')} disputers=${n.disputers.join(',')} omittedBy=${n.omittedBy.join(',')}`);
      n.claims.forEach((s) => show('+', s));
      n.disputes.forEach((s) => show('-', s));
      n.discusses.forEach((s) => show('~', s));
    }
  }
  console.log(`conflicts: ${parsed.gold.conflicts.map((c) => `${c.a}x${c.b} (${c.kind})`).join(', ') || 'none'}`);
  parsed.gold.background.forEach((s) => show('bg', s));
}

async function check(paths: string[]): Promise<void> {
  const files = paths.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((n) => n.endsWith('.json')).sort().map((n) => join(p, n)) : [p]));
  let problems = 0;
  for (const file of files) {
    const parsed = parseGold(file, readFileSync(file, 'utf8'));
    const found = checkGold(parsed, await source.articlesOf(parsed.gold));
    for (const p of found) console.error(p.message);
    problems += found.length;
    const spans = parsed.gold.questions.flatMap((q) => q.narratives).reduce((n, x) => n + x.claims.length + x.disputes.length + x.discusses.length, 0) + parsed.gold.background.length;
    console.log(`${file}: ${found.length === 0 ? 'ok' : `${found.length} problem(s)`} (${spans} spans)`);
  }
  if (problems > 0) process.exitCode = 1;
}

const [command, ...args] = process.argv.slice(2);
if (command === 'show' && args[0] && args[1]) await show(args[0], args[1], args.slice(2));
else if (command === 'resolve' && args[0] && args[1]) await resolveDraft(args[0], args[1]);
else if (command === 'check' && args.length > 0) await check(args);
else if (command === 'review' && args[0]) await review(args[0]);
else {
  console.error('usage: gold-narratives.ts show triplets|basil|files KEY | resolve DRAFT OUT | check DIR|FILE... | review FILE');
  process.exitCode = 2;
}
