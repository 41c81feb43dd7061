/**
 * Loading and checking gold event files. Two layers: the zod schema (shape and types), then
 * {@link checkGold} against the articles' texts (offsets in range, hints inside their spans,
 * references between ids, omissions consistent with the spans).
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Article } from '../../types/index.js';
import { goldEventSchema, type GoldEvent, type GoldSpan } from './gold-schema.js';

/** A problem in a gold file, naming the file and the dotted path of the field. */
export class GoldFileError extends Error {
  constructor(readonly file: string, readonly field: string | null, reason: string) {
    super(`narrascope: gold ${file}${field ? ` field "${field}"` : ''}: ${reason}`);
    this.name = 'GoldFileError';
  }
}

/** A loaded gold file. */
export interface GoldFile {
  readonly file: string;
  readonly gold: GoldEvent;
}

/** Parse and validate one gold file's JSON text; throws a {@link GoldFileError} naming the field. */
export function parseGold(file: string, text: string): GoldFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new GoldFileError(file, null, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = goldEventSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keys = issue && 'keys' in issue && Array.isArray(issue.keys) ? (issue.keys as string[]) : [];
    const field = [...(issue?.path ?? []), ...keys.slice(0, 1)].map(String).join('.');
    throw new GoldFileError(file, field || null, issue?.message ?? 'invalid');
  }
  return { file, gold: parsed.data };
}

/**
 * Every `*.json` gold file of a folder (not recursive), in name order, validated. A file that
 * fails validation throws, unless `onError` is given: then it is reported there and skipped.
 */
export async function loadGoldDir(dir: string, onError?: (error: GoldFileError) => void): Promise<GoldFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    throw new GoldFileError(dir, null, 'folder not readable');
  }
  if (names.length === 0) throw new GoldFileError(dir, null, 'no *.json gold files in this folder');
  const files: GoldFile[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      files.push(parseGold(file, await readFile(file, 'utf8')));
    } catch (error) {
      if (!(onError && error instanceof GoldFileError)) throw error;
      onError(error);
    }
  }
  return files;
}

/** Every span of an event with the dotted path of its field. */
export function spansOf(gold: GoldEvent): { readonly field: string; readonly span: GoldSpan }[] {
  const out: { field: string; span: GoldSpan }[] = [];
  gold.questions.forEach((q, qi) => q.narratives.forEach((n, ni) => {
    for (const kind of ['claims', 'disputes', 'discusses'] as const) {
      n[kind].forEach((span, si) => out.push({ field: `questions.${qi}.narratives.${ni}.${kind}.${si}`, span }));
    }
  }));
  gold.background.forEach((span, si) => out.push({ field: `background.${si}`, span }));
  return out;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Check a gold event against its articles (in `gold.articles` order). Returns every problem found
 * (empty when the file is sound), each naming the file and field.
 */
export function checkGold({ file, gold }: GoldFile, articles: readonly Article[]): GoldFileError[] {
  const problems: GoldFileError[] = [];
  const fail = (field: string, reason: string): void => { problems.push(new GoldFileError(file, field, reason)); };
  const texts = new Map<string, string>();
  const outletOf = new Map<string, string>();
  gold.articles.forEach((ref, i) => {
    const article = articles[i];
    if (!article || article.id !== ref.id) { fail(`articles.${i}.id`, `article "${ref.id}" not found`); return; }
    if (article.text.length !== ref.chars) fail(`articles.${i}.chars`, `the ingested text has ${article.text.length} characters, not ${ref.chars}: the source changed`);
    if ((article.outlet ?? article.id) !== ref.outlet) fail(`articles.${i}.outlet`, `narrascope reads the outlet as "${article.outlet ?? article.id}", not "${ref.outlet}"`);
    texts.set(ref.id, article.text);
    outletOf.set(ref.id, ref.outlet);
  });
  for (const { field, span } of spansOf(gold)) {
    const text = texts.get(span.article);
    if (text === undefined) { fail(`${field}.article`, `"${span.article}" is not one of the event's articles`); continue; }
    if (span.end > text.length) { fail(`${field}.end`, `${span.end} is past the end of the text (${text.length})`); continue; }
    if (!squash(text.slice(span.start, span.end)).includes(squash(span.hint))) fail(`${field}.hint`, `"${span.hint}" does not occur in ${span.article} [${span.start}, ${span.end})`);
  }
  const actorIds = new Set(gold.actors.map((a) => a.id));
  if (actorIds.size !== gold.actors.length) fail('actors', 'duplicate actor id');
  for (const { field, span } of spansOf(gold)) {
    if (span.speaker !== undefined && span.speaker !== 'own' && !actorIds.has(span.speaker)) fail(`${field}.speaker`, `unknown actor "${span.speaker}"`);
  }
  const narrativeIds = new Set<string>();
  const outlets = new Set(gold.articles.map((a) => a.outlet));
  gold.questions.forEach((q, qi) => q.narratives.forEach((n, ni) => {
    const at = `questions.${qi}.narratives.${ni}`;
    if (narrativeIds.has(n.id)) fail(`${at}.id`, `duplicate narrative id "${n.id}"`);
    narrativeIds.add(n.id);
    for (const role of ['backers', 'disputers'] as const) {
      n[role].forEach((a, k) => { if (!actorIds.has(a)) fail(`${at}.${role}.${k}`, `unknown actor "${a}"`); });
    }
    // Whoever speaks a claim backs it; whoever speaks a dispute disputes it (the lists may add
    // co-speakers: "The US and the EU have insisted" is spoken by both).
    n.claims.forEach((c, k) => { if (c.speaker && c.speaker !== 'own' && !n.backers.includes(c.speaker)) fail(`${at}.claims.${k}.speaker`, `"${c.speaker}" speaks this claim but is not among the backers`); });
    n.disputes.forEach((c, k) => { if (c.speaker && c.speaker !== 'own' && !n.disputers.includes(c.speaker)) fail(`${at}.disputes.${k}.speaker`, `"${c.speaker}" speaks this dispute but is not among the disputers`); });
    const carrying = new Set([...n.claims, ...n.disputes, ...n.discusses].map((s) => outletOf.get(s.article)));
    const omitted = [...outlets].filter((o) => !carrying.has(o)).sort();
    n.omittedBy.forEach((o, k) => { if (!outlets.has(o)) fail(`${at}.omittedBy.${k}`, `"${o}" is not an outlet of the event`); });
    if (omitted.join('|') !== [...n.omittedBy].sort().join('|')) fail(`${at}.omittedBy`, `outlets without a span of this narrative are [${omitted.join(', ')}], the file says [${n.omittedBy.join(', ')}]`);
  }));
  // A claim carries one narrative: overlapping claim spans would make B-cubed ambiguous.
  const claims = gold.questions.flatMap((q, qi) => q.narratives.flatMap((n, ni) => n.claims.map((span, si) => ({ span, field: `questions.${qi}.narratives.${ni}.claims.${si}` }))));
  claims.forEach((a, i) => {
    for (const b of claims.slice(i + 1)) {
      if (a.span.article === b.span.article && a.span.start < b.span.end && b.span.start < a.span.end) fail(b.field, `overlaps ${a.field} (claim spans must not overlap)`);
    }
  });
  gold.conflicts.forEach((c, k) => {
    if (!narrativeIds.has(c.a)) fail(`conflicts.${k}.a`, `unknown narrative "${c.a}"`);
    if (!narrativeIds.has(c.b)) fail(`conflicts.${k}.b`, `unknown narrative "${c.b}"`);
    if (c.a === c.b) fail(`conflicts.${k}`, 'a narrative cannot conflict with itself');
  });
  return problems;
}

/** The file's base name without `.json`, for tables. */
export const goldName = (file: string): string => basename(file, '.json');
