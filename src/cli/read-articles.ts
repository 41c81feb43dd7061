import { ingest, type IngestOptions } from '../01-ingest/index.js';
import type { Article } from '../types/index.js';
import type { DiagnosticLog } from './diagnostics.js';
import { StrictStop } from './strict-stop.js';

export { StrictStop };

/**
 * The articles of the inputs, with every ingest diagnostic reported to the log as it comes.
 * Under `strict`, the first error ends the stream by throwing {@link StrictStop}.
 */
export async function* readArticles(
  inputs: readonly string[],
  options: IngestOptions,
  log: DiagnosticLog,
  strict: boolean,
): AsyncGenerator<Article> {
  for await (const event of ingest(inputs, options)) {
    if (event.kind === 'article') {
      yield event.article;
      continue;
    }
    log.report(event.diagnostic);
    if (strict && event.diagnostic.severity === 'error') throw new StrictStop('stopped at the first bad input (--strict)');
  }
}
