import { fatalWhenStrict, ingest, type IngestEvent, type IngestOptions } from '../01-ingest/index.js';
import { MemoryFetchState, WebSources, type SourceInput } from '../sources/index.js';
import type { Article } from '../types/index.js';
import type { DiagnosticLog } from './diagnostics.js';
import type { WebFlags } from './input-options.js';

/** Thrown to stop a `--strict` run at the first bad input. */
export class StrictStop extends Error {}

const WEB = /^https?:\/\//i;

/**
 * The articles of the inputs, with every ingest diagnostic reported to the log as it comes.
 * An http(s) input is a feed (RSS, Atom or JSON Feed): its entries' pages are fetched and read
 * like `.html` files, after the local inputs, as are the pages `--urls FILE` lists. A command
 * keeps no fetch records: it reads every page each time (a job's store is what makes runs
 * incremental).
 * Under `strict`, the first error (or repeated id) ends the stream by throwing {@link StrictStop}.
 * Inputs that hold no article at all are an error, `no articles found in X`, never a silent
 * empty success.
 */
export async function* readArticles(
  inputs: readonly string[],
  options: IngestOptions,
  log: DiagnosticLog,
  strict: boolean,
  web: WebFlags = {},
): AsyncGenerator<Article> {
  const sources: SourceInput[] = inputs.filter((input) => WEB.test(input)).map((url) => ({ kind: 'feed', url }));
  if (web.urls !== undefined) sources.push({ kind: 'urls', file: web.urls });
  const local = inputs.filter((input) => !WEB.test(input));
  async function* events(): AsyncGenerator<IngestEvent> {
    if (local.length > 0) yield* ingest(local, options);
    if (sources.length === 0) return;
    const reader = new WebSources(sources, {
      state: new MemoryFetchState(), ingest: options,
      ...(web.contact !== undefined ? { contact: web.contact } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    yield* reader.events();
  }
  let found = 0;
  for await (const event of events()) {
    if (event.kind === 'article') {
      found++;
      yield event.article;
      continue;
    }
    log.report(event.diagnostic);
    if (strict && fatalWhenStrict(event.diagnostic)) throw new StrictStop('stopped at the first bad input (--strict)');
  }
  if (found === 0 && !options.signal?.aborted) {
    const named = [...inputs, ...(web.urls !== undefined ? [web.urls] : [])];
    log.report({ severity: 'error', code: 'input/no-articles', message: `no articles found in ${named.join(', ')}` });
  }
}
