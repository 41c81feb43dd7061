import { fatalWhenStrict, ingest, type IngestOptions } from '../01-ingest/index.js';
import type { Article } from '../types/index.js';
import type { DiagnosticLog } from './diagnostics.js';

/** Thrown to stop a `--strict` run at the first bad input. */
export class StrictStop extends Error {}

/**
 * The articles of the inputs, with every ingest diagnostic reported to the log as it comes.
 * Under `strict`, the first error (or repeated id) ends the stream by throwing {@link StrictStop}.
 * Inputs that hold no article at all are an error, `no articles found in X`, never a silent
 * empty success.
 */
export async function* readArticles(
  inputs: readonly string[],
  options: IngestOptions,
  log: DiagnosticLog,
  strict: boolean,
): AsyncGenerator<Article> {
  let found = 0;
  for await (const event of ingest(inputs, options)) {
    if (event.kind === 'article') {
      found++;
      yield event.article;
      continue;
    }
    log.report(event.diagnostic);
    if (strict && fatalWhenStrict(event.diagnostic)) throw new StrictStop('stopped at the first bad input (--strict)');
  }
  if (found === 0 && !options.signal?.aborted) {
    log.report({ severity: 'error', code: 'input/no-articles', message: `no articles found in ${inputs.join(', ')}` });
  }
}
