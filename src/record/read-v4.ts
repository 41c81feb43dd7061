import type { Actor, AnalyzedArticle, Attribution, Claim, Cue, DroppedRegion, Mention, PredicateCommitment, Sentence, Span, Token } from '../types/index.js';
import type { AnalysisRecord } from './format.js';
import { readSpan, unpackFlags, unpackPredicateEnvironment } from './packing.js';
import { derivedAliases, derivedRoles } from './to-record.js';

/** Row i of a column that must be there (a short column is a broken record). */
function at<T>(column: readonly T[], i: number, id: string, name: string): T {
  if (i >= column.length) throw new TypeError(`narrascope: analysis record "${id}": column ${name} has ${column.length} rows, expected more than ${i}`);
  return column[i] as T;
}

/**
 * The in-memory analysis of a version-4 record (tables of columns, spans as offset pairs; see
 * format.ts): span texts sliced from the article text (or taken from quoted spans), each
 * attribution given its cue object, mentions grouped under their actors, claims their sentence's
 * span, predicates their cue's span, actors their aliases and roles. Throws a TypeError for a
 * reference to a cue, sentence or actor the record does not hold, or a column shorter than its table.
 */
export function readV4(r: AnalysisRecord): AnalyzedArticle {
  const text = r.text ?? '';
  const id = r.id;
  const span = (s: Parameters<typeof readSpan>[1]): Span => readSpan(text, s);

  const dropped = (r.dropped?.span ?? []).map((s, i): DroppedRegion => ({ ...span(s), reason: at(r.dropped?.reason ?? [], i, id, 'dropped.reason'), detail: at(r.dropped?.detail ?? [], i, id, 'dropped.detail') }));

  const st = r.sentences;
  const sentences = (st?.start ?? []).map((start, index): Sentence => {
    const end = at(st?.end ?? [], index, id, 'sentences.end');
    // Without tokens a sentence's token range is unknown: -1 (no stage after segmentation reads it).
    return { index, start, end, text: text.slice(start, end), firstToken: st?.firstToken?.[index] ?? -1, endToken: st?.endToken?.[index] ?? -1, paragraph: at(st?.paragraph ?? [], index, id, 'sentences.paragraph') };
  });

  let tokens: Token[] | undefined;
  if (r.tokens) {
    const t = r.tokens;
    const sentenceOf = new Int32Array(t.start.length);
    sentences.forEach((s, index) => { for (let i = Math.max(0, s.firstToken); i < s.endToken; i++) sentenceOf[i] = index; });
    const lineStart = new Set(t.lineStarts);
    tokens = t.start.map((start, index): Token => {
      const end = at(t.end, index, id, 'tokens.end');
      const tokenText = text.slice(start, end);
      return { index, sentence: sentenceOf[index] ?? 0, start, end, text: tokenText, pos: at(t.pos, index, id, 'tokens.pos'), lemma: at(t.lemma, index, id, 'tokens.lemma'), lower: tokenText.toLowerCase(), lineStart: lineStart.has(index) };
    });
  }

  const mentionsOf = new Map<string, Mention[]>();
  const m = r.mentions;
  (m?.actorId ?? []).forEach((actorId, i) => {
    const start = at(m?.start ?? [], i, id, 'mentions.start');
    const end = at(m?.end ?? [], i, id, 'mentions.end');
    const role = m?.role?.[i] ?? null;
    const mention: Mention = { start, end, text: text.slice(start, end), actorId, form: m?.form?.[i] ?? 'name', ...(role !== null ? { role } : {}) };
    const list = mentionsOf.get(actorId);
    if (list) list.push(mention); else mentionsOf.set(actorId, [mention]);
  });
  const table = r.actors;
  const actors = (table?.id ?? []).map((actorId, i): Actor => {
    const mentions = mentionsOf.get(actorId) ?? [];
    mentionsOf.delete(actorId);
    return { id: actorId, name: at(table?.name ?? [], i, id, 'actors.name'), kind: at(table?.kind ?? [], i, id, 'actors.kind'), aliases: table?.aliases?.[i] ?? derivedAliases(mentions), roles: table?.roles?.[i] ?? derivedRoles(mentions), mentions };
  });
  const stray = mentionsOf.keys().next();
  if (!stray.done) throw new TypeError(`narrascope: analysis record "${id}": a mention names actor ${stray.value}, which the record does not hold`);

  const c = r.cues;
  const cues = (c?.id ?? []).map((cueId, i): Cue => ({
    id: cueId, spans: at(c?.spans ?? [], i, id, 'cues.spans').map(span), lemma: at(c?.lemma ?? [], i, id, 'cues.lemma'), stanceClass: at(c?.stanceClass ?? [], i, id, 'cues.stanceClass'),
    sourceCommitment: at(c?.sourceCommitment ?? [], i, id, 'cues.sourceCommitment'), reporterCommitment: at(c?.reporterCommitment ?? [], i, id, 'cues.reporterCommitment'),
    environment: unpackFlags(c?.environment?.[i]), sentence: at(c?.sentence ?? [], i, id, 'cues.sentence'),
  }));
  const cueById = new Map(cues.map((x) => [x.id, x]));

  const a = r.attributions;
  const attributions = (a?.id ?? []).map((attributionId, i): Attribution => {
    const cueId = at(a?.cueId ?? [], i, id, 'attributions.cueId');
    const cue = cueById.get(cueId);
    if (!cue) throw new TypeError(`narrascope: analysis record "${id}": attribution ${attributionId} names cue ${cueId}, which the record does not hold`);
    const source = at(a?.source ?? [], i, id, 'attributions.source');
    const parentId = a?.parentId?.[i] ?? null;
    return {
      id: attributionId, source: source === null ? null : { spans: source.map(span), actorId: a?.actorId?.[i] ?? null }, cue,
      content: at(a?.content ?? [], i, id, 'attributions.content').map(span), ...(parentId !== null ? { parentId } : {}),
    };
  });

  const k = r.claims;
  const claims = (k?.id ?? []).map((claimId, i): Claim => {
    const sentence = at(k?.sentence ?? [], i, id, 'claims.sentence');
    const own = k?.span?.[i] ?? null;
    if (own !== null) return { id: claimId, span: span(own), sentence };
    const s = sentences[sentence];
    if (!s) throw new TypeError(`narrascope: analysis record "${id}": claim ${claimId} names sentence ${sentence}, which the record does not hold`);
    return { id: claimId, span: { start: s.start, end: s.end, text: s.text }, sentence };
  });

  const p = r.commitments;
  const commitments = (p?.id ?? []).map((predicateId, i): PredicateCommitment => {
    const cueId = p?.cueId?.[i] ?? null;
    const written = at(p?.predicate ?? [], i, id, 'commitments.predicate');
    let predicate: Span;
    if (written !== null) predicate = span(written);
    else {
      const cueSpan = cueId !== null ? cueById.get(cueId)?.spans[0] : undefined;
      if (!cueSpan) throw new TypeError(`narrascope: analysis record "${id}": predicate ${predicateId} is the word of cue ${cueId ?? '(none)'}, which the record does not hold`);
      predicate = cueSpan;
    }
    return {
      id: predicateId, predicate, lemma: at(p?.lemma ?? [], i, id, 'commitments.lemma'), kind: at(p?.kind ?? [], i, id, 'commitments.kind'),
      complementType: at(p?.complementType ?? [], i, id, 'commitments.complementType'), clause: span(at(p?.clause ?? [], i, id, 'commitments.clause')),
      environment: unpackPredicateEnvironment(at(p?.environment ?? [], i, id, 'commitments.environment')),
      writerCommitment: at(p?.writerCommitment ?? [], i, id, 'commitments.writerCommitment'), subjectCommitment: at(p?.subjectCommitment ?? [], i, id, 'commitments.subjectCommitment'),
      sentence: at(p?.sentence ?? [], i, id, 'commitments.sentence'), ...(cueId !== null ? { cueId } : {}),
    };
  });

  return {
    id, outlet: r.outlet ?? null, date: r.date ?? null, title: r.title ?? null, url: r.url ?? null, text,
    dropped, sentences, ...(tokens ? { tokens } : {}), actors, cues, attributions, claims, commitments,
    diagnostics: r.diagnostics ?? [], ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
  };
}
