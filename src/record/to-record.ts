import type { AnalyzedArticle, CueEnvironment } from '../types/index.js';
import { DEFAULT_FIELDS, FORMAT_VERSION, type AnalysisRecord, type CueRecord, type RecordField } from './format.js';

/** Only the true flags of a cue environment, or undefined when none is (the common case). */
function trueFlags(environment: CueEnvironment): Partial<CueEnvironment> | undefined {
  let out: Record<string, boolean> | undefined;
  for (const [flag, value] of Object.entries(environment)) if (value) (out ??= {})[flag] = true;
  return out;
}

/**
 * The compact on-disk record of an analysed article (see format.ts): each thing written once.
 * `fields` chooses which parts to write (`id` and `formatVersion` always are); tokens are written
 * when `fields` holds `tokens` and the analysis kept them.
 *
 * @example
 * const line = JSON.stringify(toRecord(analyzeArticle(article)));
 */
export function toRecord(result: AnalyzedArticle, fields: readonly RecordField[] = DEFAULT_FIELDS): AnalysisRecord {
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
  if (want.has('actors')) {
    record['actors'] = result.actors.map((a) => ({
      id: a.id, name: a.name, kind: a.kind, aliases: a.aliases, roles: a.roles,
      mentions: a.mentions.map((m) => (m.role === undefined ? { start: m.start, end: m.end, form: m.form } : { start: m.start, end: m.end, form: m.form, role: m.role })),
    }));
  }
  if (want.has('cues')) {
    record['cues'] = result.cues.map((c): CueRecord => {
      const environment = trueFlags(c.environment);
      return {
        id: c.id, spans: c.spans.map((s) => ({ start: s.start, end: s.end, text: s.text })), lemma: c.lemma, stanceClass: c.stanceClass,
        sourceCommitment: c.sourceCommitment, reporterCommitment: c.reporterCommitment, ...(environment ? { environment } : {}), sentence: c.sentence,
      };
    });
  }
  if (want.has('attributions')) {
    record['attributions'] = result.attributions.map((a) => ({
      id: a.id,
      source: a.source ? { spans: a.source.spans.map((s) => ({ start: s.start, end: s.end, text: s.text })), actorId: a.source.actorId } : null,
      cueId: a.cue.id,
      content: a.content.map((s) => ({ start: s.start, end: s.end, text: s.text })),
      ...(a.parentId !== undefined ? { parentId: a.parentId } : {}),
    }));
  }
  if (want.has('claims')) record['claims'] = result.claims.map((k) => ({ id: k.id, span: { start: k.span.start, end: k.span.end, text: k.span.text }, sentence: k.sentence }));
  if (want.has('commitments')) record['commitments'] = result.commitments;
  if (want.has('diagnostics')) record['diagnostics'] = result.diagnostics;
  if (result.duplicateOf) record['duplicateOf'] = result.duplicateOf;
  return record as unknown as AnalysisRecord;
}
