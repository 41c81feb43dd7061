import type { AnalyzedArticle, Article, Diagnostic, DuplicateOf } from '../types/index.js';

/**
 * The record listed for an article that repeats an earlier one: not analysed (no sentences,
 * actors, cues...) but still written, with a warning, so nothing is dropped silently.
 *
 * @example
 * const duplicateOf = detector.check(article);
 * if (duplicateOf) yield duplicateRecord(article, duplicateOf);
 */
export function duplicateRecord(article: Article, duplicateOf: DuplicateOf): AnalyzedArticle {
  const diagnostic: Diagnostic = {
    severity: 'warning',
    code: 'clean/duplicate',
    message: `${duplicateOf.kind} duplicate of article "${duplicateOf.id}" (similarity ${duplicateOf.similarity}); not analysed`,
    ...(article.origin ? { file: article.origin.file } : {}),
    ...(article.origin?.line !== undefined ? { line: article.origin.line } : {}),
  };
  return {
    id: article.id, outlet: article.outlet, date: article.date, title: article.title, url: article.url,
    text: article.text, dropped: article.dropped,
    sentences: [], actors: [], cues: [], attributions: [], claims: [], commitments: [],
    diagnostics: [diagnostic],
    duplicateOf,
  };
}
