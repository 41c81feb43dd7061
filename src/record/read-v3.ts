import type { Actor, AnalyzedArticle, Attribution, Claim, Cue, PredicateCommitment, Sentence, Span, Token } from '../types/index.js';
import type { AnalysisRecordV3 } from './format-v3.js';
import { NO_ENVIRONMENT } from './packing.js';
import { derivedAliases, derivedRoles } from './to-record.js';

/**
 * The in-memory analysis of a version-2 or version-3 record (one object per item, quoted spans
 * `{start, end, text}`): texts restored from the article text, each attribution given its cue
 * object, mentions their actor id, claims their sentence's span, predicates their cue's span,
 * actors their aliases and roles. Version 3 leaves out what version 2 repeated; the rules below
 * read both. Throws a TypeError for an attribution (or predicate, or claim) that refers to a cue
 * (or sentence) the record does not hold.
 */
export function readV3(r: AnalysisRecordV3): AnalyzedArticle {
  const text = r.text ?? '';
  const slice = (start: number, end: number): string => text.slice(start, end);
  const sentenceOf = new Int32Array(r.tokens?.length ?? 0);
  (r.sentences ?? []).forEach((s, index) => { for (let i = s.firstToken ?? 0; i < (s.endToken ?? 0); i++) sentenceOf[i] = index; });
  const tokens = r.tokens?.map((t, index): Token => {
    const tokenText = slice(t.start, t.end);
    return { index, sentence: sentenceOf[index] ?? 0, start: t.start, end: t.end, text: tokenText, pos: t.pos, lemma: t.lemma, lower: tokenText.toLowerCase(), lineStart: t.lineStart === true };
  });
  // Without tokens a sentence's token range is unknown: -1 (no stage after segmentation reads it).
  const sentences = (r.sentences ?? []).map((s, index): Sentence => ({ index, start: s.start, end: s.end, text: slice(s.start, s.end), firstToken: s.firstToken ?? -1, endToken: s.endToken ?? -1, paragraph: s.paragraph }));
  const actors = (r.actors ?? []).map((a): Actor => {
    const mentions = a.mentions.map((m) => ({ start: m.start, end: m.end, text: slice(m.start, m.end), actorId: a.id, form: m.form ?? 'name', ...(m.role !== undefined ? { role: m.role } : {}) }));
    return { id: a.id, name: a.name, kind: a.kind, aliases: a.aliases ?? derivedAliases(mentions), roles: a.roles ?? derivedRoles(mentions), mentions };
  });
  const cues = (r.cues ?? []).map((c): Cue => ({
    id: c.id, spans: c.spans, lemma: c.lemma, stanceClass: c.stanceClass, sourceCommitment: c.sourceCommitment, reporterCommitment: c.reporterCommitment,
    environment: { ...NO_ENVIRONMENT, ...c.environment }, sentence: c.sentence,
  }));
  const cueById = new Map(cues.map((c) => [c.id, c]));
  const attributions = (r.attributions ?? []).map((a): Attribution => {
    const cue = cueById.get(a.cueId);
    if (!cue) throw new TypeError(`narrascope: analysis record "${r.id}": attribution ${a.id} names cue ${a.cueId}, which the record does not hold`);
    return { id: a.id, source: a.source, cue, content: a.content, ...(a.parentId !== undefined ? { parentId: a.parentId } : {}) };
  });
  const claims = (r.claims ?? []).map((k): Claim => {
    if (k.span) return { id: k.id, span: k.span, sentence: k.sentence };
    const s = sentences[k.sentence];
    if (!s) throw new TypeError(`narrascope: analysis record "${r.id}": claim ${k.id} names sentence ${k.sentence}, which the record does not hold`);
    return { id: k.id, span: { start: s.start, end: s.end, text: s.text }, sentence: k.sentence };
  });
  const commitments = (r.commitments ?? []).map((p): PredicateCommitment => {
    const { predicate: written, environment, ...rest } = p;
    let predicate: Span | undefined = written;
    if (!predicate) {
      const cueSpan = p.cueId !== undefined ? cueById.get(p.cueId)?.spans[0] : undefined;
      if (!cueSpan) throw new TypeError(`narrascope: analysis record "${r.id}": predicate ${p.id} is the word of cue ${p.cueId ?? '(none)'}, which the record does not hold`);
      predicate = cueSpan;
    }
    return { id: rest.id, predicate, lemma: rest.lemma, kind: rest.kind, complementType: rest.complementType, clause: rest.clause, environment: { ...NO_ENVIRONMENT, ...environment }, writerCommitment: rest.writerCommitment, subjectCommitment: rest.subjectCommitment, sentence: rest.sentence, ...(rest.cueId !== undefined ? { cueId: rest.cueId } : {}) };
  });
  return {
    id: r.id, outlet: r.outlet ?? null, date: r.date ?? null, title: r.title ?? null, url: r.url ?? null, text,
    dropped: r.dropped ?? [], sentences, ...(tokens ? { tokens } : {}), actors, cues, attributions, claims,
    commitments,
    diagnostics: r.diagnostics ?? [], ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
  };
}
