import type { Actor, AnalyzedArticle, Span } from '../types/index.js';
import { DEFAULT_FIELDS, FORMAT_VERSION, type AnalysisRecord, type RecordField, type SpanRecord } from './format.js';
import { packFlags, packPredicateEnvironment, spanWriter, type SpanWriter } from './packing.js';

/** The aliases and roles a reader derives from an actor's mentions (see `finish` in 04-actors/cluster.ts). */
export function derivedAliases(mentions: readonly { readonly text: string; readonly form: string }[]): string[] {
  const aliases: string[] = [];
  for (const m of mentions) if (m.form !== 'pronoun' && !aliases.includes(m.text)) aliases.push(m.text);
  return aliases;
}

/** The distinct mention roles in order of first use. */
export function derivedRoles(mentions: readonly { readonly role?: string }[]): string[] {
  const roles: string[] = [];
  for (const m of mentions) if (m.role !== undefined && !roles.includes(m.role)) roles.push(m.role);
  return roles;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The column of one property over a list. */
const column = <T, V>(items: readonly T[], get: (item: T) => V): V[] => items.map(get);

/** A column only when some item differs from the default (`undefined`: leave the column out). */
function sparseColumn<T, V>(items: readonly T[], get: (item: T) => V, isDefault: (value: V) => boolean): V[] | undefined {
  const values = items.map(get);
  return values.every(isDefault) ? undefined : values;
}

/** The actors table and the mentions table, actor by actor in each actor's mention order. */
function actorTables(actors: readonly Actor[]): Record<string, unknown> {
  const mentions = actors.flatMap((a) => a.mentions);
  const aliases = sparseColumn(actors, (a) => (sameList(a.aliases, derivedAliases(a.mentions)) ? null : a.aliases), (v) => v === null);
  const roles = sparseColumn(actors, (a) => (sameList(a.roles, derivedRoles(a.mentions)) ? null : a.roles), (v) => v === null);
  const form = sparseColumn(mentions, (m) => m.form, (v) => v === 'name');
  const role = sparseColumn(mentions, (m) => m.role ?? null, (v) => v === null);
  return {
    actors: { id: column(actors, (a) => a.id), name: column(actors, (a) => a.name), kind: column(actors, (a) => a.kind), ...(aliases ? { aliases } : {}), ...(roles ? { roles } : {}) },
    mentions: { actorId: column(mentions, (m) => m.actorId), start: column(mentions, (m) => m.start), end: column(mentions, (m) => m.end), ...(form ? { form } : {}), ...(role ? { role } : {}) },
  };
}

const spans = (write: SpanWriter, list: readonly Span[]): SpanRecord[] => list.map(write);

/**
 * The compact on-disk record of an analysed article (format version 4, see format.ts): tables of
 * columns, spans as offset pairs, each thing written once. `fields` chooses which parts to write
 * (`id` and `formatVersion` always are; `quotes` writes every span with its text); tokens are
 * written when `fields` holds `tokens` and the analysis kept them. A part that refers to another
 * (a claim to its sentence, a predicate to its cue, a span to the text) does so only when that
 * other part is written too.
 *
 * @example
 * const line = JSON.stringify(toRecord(analyzeArticle(article)));
 */
export function toRecord(result: AnalyzedArticle, fields: readonly RecordField[] = DEFAULT_FIELDS): AnalysisRecord {
  const want = new Set(fields);
  const tokens = want.has('tokens') ? result.tokens : undefined;
  const write = spanWriter(want.has('quotes') || !want.has('text'));
  const record: Record<string, unknown> = { formatVersion: FORMAT_VERSION, id: result.id };
  if (want.has('outlet')) record['outlet'] = result.outlet;
  if (want.has('date')) record['date'] = result.date;
  if (want.has('title')) record['title'] = result.title;
  if (want.has('url')) record['url'] = result.url;
  if (want.has('text')) record['text'] = result.text;
  if (want.has('dropped')) {
    const d = result.dropped;
    record['dropped'] = { span: spans(write, d), reason: column(d, (x) => x.reason), detail: column(d, (x) => x.detail) };
  }
  if (want.has('sentences')) {
    const s = result.sentences;
    record['sentences'] = {
      start: column(s, (x) => x.start), end: column(s, (x) => x.end), paragraph: column(s, (x) => x.paragraph),
      ...(tokens ? { firstToken: column(s, (x) => x.firstToken), endToken: column(s, (x) => x.endToken) } : {}),
    };
  }
  if (tokens) {
    record['tokens'] = {
      start: column(tokens, (t) => t.start), end: column(tokens, (t) => t.end), pos: column(tokens, (t) => t.pos), lemma: column(tokens, (t) => t.lemma),
      lineStarts: tokens.flatMap((t) => (t.lineStart ? [t.index] : [])),
    };
  }
  if (want.has('actors')) Object.assign(record, actorTables(result.actors));
  if (want.has('cues')) {
    const c = result.cues;
    record['cues'] = {
      id: column(c, (x) => x.id), spans: column(c, (x) => spans(write, x.spans)), lemma: column(c, (x) => x.lemma), stanceClass: column(c, (x) => x.stanceClass),
      sourceCommitment: column(c, (x) => x.sourceCommitment), reporterCommitment: column(c, (x) => x.reporterCommitment),
      environment: column(c, (x) => packFlags(x.environment)), sentence: column(c, (x) => x.sentence),
    };
  }
  if (want.has('attributions')) {
    const a = result.attributions;
    const parentId = sparseColumn(a, (x) => x.parentId ?? null, (v) => v === null);
    record['attributions'] = {
      id: column(a, (x) => x.id), source: column(a, (x) => (x.source ? spans(write, x.source.spans) : null)), actorId: column(a, (x) => x.source?.actorId ?? null),
      cueId: column(a, (x) => x.cue.id), content: column(a, (x) => spans(write, x.content)), ...(parentId ? { parentId } : {}),
    };
  }
  if (want.has('claims')) {
    // A claim that is its whole sentence (all of them today) is that sentence: its text is the
    // sentence's, read from `text` between the sentence's offsets.
    const bySentence = want.has('sentences') && want.has('text');
    const k = result.claims;
    const span = sparseColumn(k, (x) => {
      const s = result.sentences[x.sentence];
      return bySentence && s !== undefined && s.start === x.span.start && s.end === x.span.end ? null : write(x.span);
    }, (v) => v === null);
    record['claims'] = { id: column(k, (x) => x.id), sentence: column(k, (x) => x.sentence), ...(span ? { span } : {}) };
  }
  if (want.has('commitments')) {
    // The predicate is its cue's word: the cue (written in this record) holds its span.
    const cueSpanOf = want.has('cues') ? new Map(result.cues.flatMap((c) => (c.spans.length === 1 && c.spans[0] ? [[c.id, c.spans[0]] as const] : []))) : null;
    const p = result.commitments;
    record['commitments'] = {
      id: column(p, (x) => x.id),
      predicate: column(p, (x) => {
        const cueSpan = x.cueId !== undefined ? cueSpanOf?.get(x.cueId) : undefined;
        return cueSpan !== undefined && cueSpan.start === x.predicate.start && cueSpan.end === x.predicate.end ? null : write(x.predicate);
      }),
      lemma: column(p, (x) => x.lemma), kind: column(p, (x) => x.kind), complementType: column(p, (x) => x.complementType),
      clause: column(p, (x) => write(x.clause)), environment: column(p, (x) => packPredicateEnvironment(x.environment)),
      writerCommitment: column(p, (x) => x.writerCommitment), subjectCommitment: column(p, (x) => x.subjectCommitment),
      sentence: column(p, (x) => x.sentence), cueId: column(p, (x) => x.cueId ?? null),
    };
  }
  if (want.has('diagnostics')) record['diagnostics'] = result.diagnostics;
  if (result.duplicateOf) record['duplicateOf'] = result.duplicateOf;
  return record as unknown as AnalysisRecord;
}
