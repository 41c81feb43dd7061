import type { Actor, AnalyzedArticle, CueEnvironment, PredicateCommitment, Span } from '../../src/types/index.js';
import type { AnalysisRecordV3 as AnalysisRecord, CommitmentRecord, CueRecord } from '../../src/record/format-v3.js';
import { DEFAULT_FIELDS, type RecordField } from '../../src/record/format.js';
import { derivedAliases, derivedRoles } from '../../src/record/to-record.js';

/**
 * The version-3 writer as narrascope shipped it until format version 4 (2026-11-28), kept for the
 * tests only: they check that `fromRecord` still reads what it wrote.
 */
const FORMAT_VERSION = 3;

/** Only the true flags of an environment's booleans, or undefined when none is (the common case). */
function trueFlags(environment: CueEnvironment): Partial<CueEnvironment> | undefined {
  let out: Record<string, boolean> | undefined;
  for (const [flag, value] of Object.entries(environment)) if (value === true) (out ??= {})[flag] = true;
  return out;
}

const span = (s: Span): Span => ({ start: s.start, end: s.end, text: s.text });

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function actorRecord(a: Actor): Record<string, unknown> {
  // aliases and roles are written only where they are not what the mentions give (never, today).
  return {
    id: a.id, name: a.name, kind: a.kind,
    ...(sameList(a.aliases, derivedAliases(a.mentions)) ? {} : { aliases: a.aliases }),
    ...(sameList(a.roles, derivedRoles(a.mentions)) ? {} : { roles: a.roles }),
    mentions: a.mentions.map((m) => ({ start: m.start, end: m.end, ...(m.form === 'name' ? {} : { form: m.form }), ...(m.role === undefined ? {} : { role: m.role }) })),
  };
}

function commitmentRecord(p: PredicateCommitment, cueSpanOf: ReadonlyMap<string, Span> | null): CommitmentRecord {
  const { tense, person, ...flags } = p.environment;
  const cueSpan = p.cueId !== undefined ? cueSpanOf?.get(p.cueId) : undefined;
  // The predicate is its cue's word: the cue (written in this record) quotes it.
  const predicateIsCue = cueSpan !== undefined && cueSpan.start === p.predicate.start && cueSpan.end === p.predicate.end;
  return {
    id: p.id, ...(predicateIsCue ? {} : { predicate: span(p.predicate) }), lemma: p.lemma, kind: p.kind, complementType: p.complementType,
    clause: span(p.clause), environment: { ...trueFlags(flags), tense, person },
    writerCommitment: p.writerCommitment, subjectCommitment: p.subjectCommitment, sentence: p.sentence, ...(p.cueId !== undefined ? { cueId: p.cueId } : {}),
  };
}

/**
 * The compact on-disk record of an analysed article (see format.ts): each thing written once.
 * `fields` chooses which parts to write (`id` and `formatVersion` always are); tokens are written
 * when `fields` holds `tokens` and the analysis kept them. A part that refers to another (a claim
 * to its sentence, a predicate to its cue) does so only when that other part is written too.
 *
 * @example
 * const line = JSON.stringify(toRecord(analyzeArticle(article)));
 */
export function toRecordV3(result: AnalyzedArticle, fields: readonly RecordField[] = DEFAULT_FIELDS): AnalysisRecord {
  const want = new Set(fields);
  const tokens = want.has('tokens') ? result.tokens : undefined;
  const record: Record<string, unknown> = { formatVersion: FORMAT_VERSION, id: result.id };
  if (want.has('outlet')) record['outlet'] = result.outlet;
  if (want.has('date')) record['date'] = result.date;
  if (want.has('title')) record['title'] = result.title;
  if (want.has('url')) record['url'] = result.url;
  if (want.has('text')) record['text'] = result.text;
  if (want.has('dropped')) record['dropped'] = result.dropped.map((d) => ({ start: d.start, end: d.end, text: d.text, reason: d.reason, detail: d.detail }));
  if (want.has('sentences')) {
    record['sentences'] = result.sentences.map((s) => (tokens
      ? { start: s.start, end: s.end, paragraph: s.paragraph, firstToken: s.firstToken, endToken: s.endToken }
      : { start: s.start, end: s.end, paragraph: s.paragraph }));
  }
  if (tokens) record['tokens'] = tokens.map((t) => (t.lineStart ? { start: t.start, end: t.end, pos: t.pos, lemma: t.lemma, lineStart: true } : { start: t.start, end: t.end, pos: t.pos, lemma: t.lemma }));
  if (want.has('actors')) record['actors'] = result.actors.map(actorRecord);
  if (want.has('cues')) {
    record['cues'] = result.cues.map((c): CueRecord => {
      const environment = trueFlags(c.environment);
      return {
        id: c.id, spans: c.spans.map(span), lemma: c.lemma, stanceClass: c.stanceClass,
        sourceCommitment: c.sourceCommitment, reporterCommitment: c.reporterCommitment, ...(environment ? { environment } : {}), sentence: c.sentence,
      };
    });
  }
  if (want.has('attributions')) {
    record['attributions'] = result.attributions.map((a) => ({
      id: a.id,
      source: a.source ? { spans: a.source.spans.map(span), actorId: a.source.actorId } : null,
      cueId: a.cue.id,
      content: a.content.map(span),
      ...(a.parentId !== undefined ? { parentId: a.parentId } : {}),
    }));
  }
  if (want.has('claims')) {
    // A claim that is its whole sentence (all of them today) is that sentence: its text is the
    // sentence's, read from `text` between the sentence's offsets.
    const bySentence = want.has('sentences') && want.has('text');
    record['claims'] = result.claims.map((k) => {
      const s = result.sentences[k.sentence];
      return bySentence && s !== undefined && s.start === k.span.start && s.end === k.span.end
        ? { id: k.id, sentence: k.sentence }
        : { id: k.id, span: span(k.span), sentence: k.sentence };
    });
  }
  if (want.has('commitments')) {
    const cueSpanOf = want.has('cues') ? new Map(result.cues.flatMap((c) => (c.spans.length === 1 && c.spans[0] ? [[c.id, c.spans[0]] as const] : []))) : null;
    record['commitments'] = result.commitments.map((p) => commitmentRecord(p, cueSpanOf));
  }
  if (want.has('diagnostics')) record['diagnostics'] = result.diagnostics;
  if (result.duplicateOf) record['duplicateOf'] = result.duplicateOf;
  return record as unknown as AnalysisRecord;
}
